#include "core/app/rate_limit.hpp"

#include <algorithm>

#include "core/storage/platform_stores.hpp"

namespace kefu::app {

int64_t blocked_for(storage::Stores& r, const std::vector<Limit>& keys, int64_t now) {
  int64_t wait = 0;
  for (const auto& k : keys) {
    auto d = limits::check(r.get<storage::RateLimitStore>().rate_bucket(k.key), now);
    if (!d.allowed) wait = std::max(wait, d.retry_after_ms);
  }
  return wait;
}

void check_limits(storage::Stores& r, const std::vector<Limit>& keys, int64_t now, const ErrorCode& code) {
  if (const auto wait = blocked_for(r, keys, now); wait > 0)
    throw make_error(code, {{"minutes", limits::minutes_for(wait)}}).with_retry_after(limits::seconds_for(wait));
}

void hit_limits(storage::Stores& r, const std::vector<Limit>& keys, int64_t now) {
  auto& store = r.get<storage::RateLimitStore>();
  store.forget_rate_buckets(now);
  for (const auto& k : keys) store.put_rate_bucket(k.key, limits::hit(k.policy, store.rate_bucket(k.key), now));
}

void clear_limit(storage::Stores& r, const std::string& key) {
  r.get<storage::RateLimitStore>().delete_rate_bucket(key);
}

}  // namespace kefu::app
