#include "members/domain/identity.hpp"

#include "members/domain/phone.hpp"

namespace kefu::people {

std::optional<std::string> normalize_identity(IdentityKind kind, std::string_view raw) {
  if (kind == "phone") return normalize_phone(raw);
  while (!raw.empty() && raw.front() == ' ') raw.remove_prefix(1);
  while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
  if (raw.empty() || raw.size() > 64) return std::nullopt;
  for (unsigned char ch : raw)
    if (ch <= 0x20 || ch >= 0x7f) return std::nullopt;
  return std::string(raw);
}

std::string mask_identity(IdentityKind kind, std::string_view value) {
  if (kind == "phone") return mask_phone(value);
  if (value.size() <= 6) return std::string(value.size(), '*');
  return std::string(value.substr(0, 3)) + "…" + std::string(value.substr(value.size() - 3));
}

}  // namespace kefu::people
