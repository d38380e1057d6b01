#include "auth/api/auth_cache.hpp"

namespace kefu::api {

std::optional<people::Actor> AuthCache::get(const std::string& token, int64_t now_ms) {
  auto& s = shard(token);
  std::lock_guard lock(s.mu);
  auto it = s.map.find(token);
  if (it == s.map.end()) return std::nullopt;
  if (it->second.expires_ms <= now_ms) {
    s.map.erase(it);
    return std::nullopt;
  }
  return it->second.actor;
}

void AuthCache::put(const std::string& token, const people::Actor& actor, int64_t now_ms) {
  auto& s = shard(token);
  std::lock_guard lock(s.mu);
  if (s.map.size() >= kMaxPerShard) s.map.clear();  // crude bound; a full shard is rebuilt from the database
  s.map[token] = {actor, now_ms + ttl_ms_};
}

void AuthCache::evict(const std::string& token) {
  auto& s = shard(token);
  std::lock_guard lock(s.mu);
  s.map.erase(token);
}

void AuthCache::clear() {
  for (auto& s : shards_) {
    std::lock_guard lock(s.mu);
    s.map.clear();
  }
}

}  // namespace kefu::api
