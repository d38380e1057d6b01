#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <tuple>

#include "core/http/metrics.hpp"

namespace kefu::http {
namespace {

constexpr std::size_t kShards = 16;
constexpr std::size_t kBucketCount = Metrics::kBuckets.size() + 1;  // + the +Inf bucket
// Method label values; anything else is counted as "OTHER" to bound the label set.
constexpr std::array<std::string_view, 8> kMethods = {"GET",    "POST", "PUT",     "PATCH",
                                                      "DELETE", "HEAD", "OPTIONS", "OTHER"};

std::size_t method_index(std::string_view method) {
  for (std::size_t i = 0; i + 1 < kMethods.size(); ++i) {
    if (kMethods[i] == method) return i;
  }
  return kMethods.size() - 1;
}

// Bucket upper bounds in nanoseconds, so observe() compares integers.
constexpr std::array<std::int64_t, Metrics::kBuckets.size()> bucket_bounds_ns() {
  std::array<std::int64_t, Metrics::kBuckets.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::int64_t>(Metrics::kBuckets[i] * 1e9 + 0.5);
  return out;
}
constexpr auto kBoundsNs = bucket_bounds_ns();

// Threads take shards round-robin on first use, so up to kShards threads never share one.
std::size_t thread_shard_index() {
  static std::atomic<std::size_t> next{0};
  thread_local const std::size_t index = next.fetch_add(1, std::memory_order_relaxed) % kShards;
  return index;
}

std::uint64_t counter_key(std::size_t route, std::size_t method, int status) {
  return (static_cast<std::uint64_t>(route) << 24) | (static_cast<std::uint64_t>(method) << 16) |
         static_cast<std::uint16_t>(status);
}

// Label values: escape backslash, double quote and newline.
std::string label(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (const char c : v) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string format_double(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

struct Histogram {
  std::array<std::uint64_t, kBucketCount> buckets{};  // not cumulative; summed when rendered
  std::uint64_t sum_ns = 0;
  std::uint64_t count = 0;
};

}  // namespace

struct alignas(64) Metrics::Shard {
  std::mutex mu;
  std::unordered_map<std::uint64_t, std::uint64_t> counters;  // counter_key -> count
  std::vector<Histogram> histograms;                          // by route index
  std::atomic<std::int64_t> in_flight{0};                     // may go negative per shard; the sum is right
};

Metrics::Metrics(const std::vector<std::string>& routes) : shards_(new Shard[kShards]) {
  routes_.emplace_back(kUnmatchedRoute);
  index_.emplace(std::string(kUnmatchedRoute), 0);
  for (const auto& r : routes) {
    if (index_.emplace(r, routes_.size()).second) routes_.push_back(r);
  }
  for (std::size_t i = 0; i < kShards; ++i) shards_[i].histograms.resize(routes_.size());
}

Metrics::~Metrics() = default;

Metrics::Shard& Metrics::shard() const { return shards_[thread_shard_index()]; }

std::size_t Metrics::route_index(std::string_view route) const {
  const auto it = index_.find(route);
  return it == index_.end() ? 0 : it->second;
}

void Metrics::request_started() { shard().in_flight.fetch_add(1, std::memory_order_relaxed); }

void Metrics::request_finished() { shard().in_flight.fetch_sub(1, std::memory_order_relaxed); }

void Metrics::observe(std::size_t route, std::string_view method, int status, std::chrono::nanoseconds duration) {
  if (route >= routes_.size()) route = 0;
  const std::int64_t ns = duration.count() < 0 ? 0 : duration.count();
  std::size_t bucket = 0;
  while (bucket < kBoundsNs.size() && ns > kBoundsNs[bucket]) ++bucket;
  auto& s = shard();
  std::lock_guard lock(s.mu);
  ++s.counters[counter_key(route, method_index(method), status)];
  auto& h = s.histograms[route];
  ++h.buckets[bucket];
  h.sum_ns += static_cast<std::uint64_t>(ns);
  ++h.count;
}

std::string Metrics::render() const {
  // Merge the shards; sorted by label so the output is stable.
  std::map<std::tuple<std::string_view, std::string_view, int>, std::uint64_t> counters;  // route, method, status
  std::vector<Histogram> histograms(routes_.size());
  std::int64_t in_flight = 0;
  for (std::size_t i = 0; i < kShards; ++i) {
    auto& s = shards_[i];
    in_flight += s.in_flight.load(std::memory_order_relaxed);
    std::lock_guard lock(s.mu);
    for (const auto& [key, count] : s.counters) {
      const auto route = static_cast<std::size_t>(key >> 24);
      const auto method = static_cast<std::size_t>((key >> 16) & 0xff);
      const auto status = static_cast<int>(key & 0xffff);
      counters[{routes_[route], kMethods[method], status}] += count;
    }
    for (std::size_t r = 0; r < routes_.size(); ++r) {
      const auto& from = s.histograms[r];
      auto& to = histograms[r];
      for (std::size_t b = 0; b < kBucketCount; ++b) to.buckets[b] += from.buckets[b];
      to.sum_ns += from.sum_ns;
      to.count += from.count;
    }
  }

  std::string out;
  out.reserve(4096);
  out += "# HELP kefu_http_requests_total HTTP requests by method, route pattern and status.\n";
  out += "# TYPE kefu_http_requests_total counter\n";
  for (const auto& [key, count] : counters) {
    const auto& [route, method, status] = key;
    out += "kefu_http_requests_total{method=\"" + label(method) + "\",route=\"" + label(route) + "\",status=\"" +
           std::to_string(status) + "\"} " + std::to_string(count) + "\n";
  }

  std::vector<std::size_t> order;
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    if (histograms[r].count > 0) order.push_back(r);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return routes_[a] < routes_[b]; });
  out += "# HELP kefu_http_request_duration_seconds Time from reading a request to writing its response.\n";
  out += "# TYPE kefu_http_request_duration_seconds histogram\n";
  for (const auto r : order) {
    const auto& h = histograms[r];
    const std::string route = label(routes_[r]);
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBucketCount; ++b) {
      cumulative += h.buckets[b];
      const std::string le = b < kBuckets.size() ? format_double(kBuckets[b]) : "+Inf";
      out += "kefu_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" + le + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    out += "kefu_http_request_duration_seconds_sum{route=\"" + route + "\"} " + format_double(h.sum_ns / 1e9) + "\n";
    out += "kefu_http_request_duration_seconds_count{route=\"" + route + "\"} " + std::to_string(h.count) + "\n";
  }

  out += "# HELP kefu_http_in_flight Requests being read, handled or written right now.\n";
  out += "# TYPE kefu_http_in_flight gauge\n";
  out += "kefu_http_in_flight " + std::to_string(in_flight) + "\n";
  return out;
}

}  // namespace kefu::http
