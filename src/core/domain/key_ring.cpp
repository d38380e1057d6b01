#include "core/domain/key_ring.hpp"

#include <tuple>

namespace kefu::links {

std::optional<int64_t> signing_key_id(const std::vector<KeyRecord>& ring) {
  const KeyRecord* best = nullptr;
  for (const auto& k : ring)
    if (!k.retired_at && (!best || std::tie(k.created_at, k.id) > std::tie(best->created_at, best->id))) best = &k;
  if (!best) return std::nullopt;
  return best->id;
}

bool rotation_due(const std::vector<KeyRecord>& ring, int64_t now_ms) {
  auto id = signing_key_id(ring);
  if (!id) return true;
  for (const auto& k : ring)
    if (k.id == *id) return now_ms - k.created_at >= kRotationPeriodMs;
  return true;
}

std::vector<int64_t> verifying_key_ids(const std::vector<KeyRecord>& ring, int64_t now_ms) {
  std::vector<int64_t> out;
  for (const auto& k : ring)
    if (!k.retired_at || now_ms - *k.retired_at < kMaxLinkLifetimeMs) out.push_back(k.id);
  return out;
}

std::vector<int64_t> spent_key_ids(const std::vector<KeyRecord>& ring, int64_t now_ms) {
  std::vector<int64_t> out;
  for (const auto& k : ring)
    if (k.retired_at && now_ms - *k.retired_at >= kMaxLinkLifetimeMs) out.push_back(k.id);
  return out;
}

}  // namespace kefu::links
