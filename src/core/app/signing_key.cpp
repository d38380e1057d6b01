#include "core/app/signing_key.hpp"

#include <stdexcept>

#include "core/domain/signed_link.hpp"
#include "core/storage/platform_stores.hpp"

namespace kefu::app {
namespace {

std::string to_hex(const std::vector<unsigned char>& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (auto b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

std::vector<unsigned char> from_hex(const std::string& setting, const std::string& hex) {
  auto digit = [](char ch) -> int {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
  };
  if (hex.size() != links::key_size() * 2) throw std::runtime_error("setting " + setting + " is corrupt");
  std::vector<unsigned char> out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int hi = digit(hex[i]), lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0) throw std::runtime_error("setting " + setting + " is corrupt");
    out.push_back(static_cast<unsigned char>(hi * 16 + lo));
  }
  return out;
}

}  // namespace

std::vector<unsigned char> signing_key(Context& c, const std::string& setting) {
  auto hex = c.store<storage::SettingStore>().setting(setting);
  if (!hex) hex = c.store<storage::SettingStore>().put_setting_if_absent(setting, to_hex(links::new_key()));
  return from_hex(setting, *hex);
}

std::optional<std::vector<unsigned char>> existing_signing_key(Context& c, const std::string& setting) {
  auto hex = c.store<storage::SettingStore>().setting(setting);
  if (!hex) return std::nullopt;
  return from_hex(setting, *hex);
}

}  // namespace kefu::app
