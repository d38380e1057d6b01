#pragma once
// Remembers who is behind a token for a short while, so that a read request does
// not pay four queries to authenticate. Entries live at most `ttl`; logout evicts
// at once on this node. Known limit (ATTENTION): a role, store or activation change
// of a staff member reaches their open sessions only after the TTL on nodes that
// did not make the change.
#include <array>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/domain/actor.hpp"

namespace kefu::api {

class AuthCache {
 public:
  explicit AuthCache(int64_t ttl_ms = 30'000) : ttl_ms_(ttl_ms) {}
  std::optional<people::Actor> get(const std::string& token, int64_t now_ms);
  void put(const std::string& token, const people::Actor&, int64_t now_ms);
  void evict(const std::string& token);
  void clear();

 private:
  struct Entry {
    people::Actor actor;
    int64_t expires_ms;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Entry> map;
  };
  Shard& shard(const std::string& token) { return shards_[std::hash<std::string>{}(token) % shards_.size()]; }
  int64_t ttl_ms_;
  std::array<Shard, 16> shards_;
  static constexpr std::size_t kMaxPerShard = 4096;
};

}  // namespace kefu::api
