#pragma once
// Request metrics of the HTTP server in Prometheus text format 0.0.4:
//   kefu_http_requests_total{method,route,status}   counter
//   kefu_http_request_duration_seconds{route}       histogram (0.5 ms ... 5 s)
//   kefu_http_in_flight                             gauge
// Hot path: observe() locks one of a few per-thread shards (uncontended except while
// /metrics is rendered); the route table is fixed at construction, so looking a route
// up takes no lock. Thread-safe.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kefu::http {

class Metrics {
 public:
  // Route label used for requests that matched no route (404, 400, 431); it keeps
  // the label set bounded whatever paths clients send.
  static constexpr std::string_view kUnmatchedRoute = "unmatched";
  static constexpr std::array<double, 13> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,    0.25,  0.5,    1.0,   2.5,  5.0};

  // `routes`: every route label that can be observed (duplicates are fine).
  explicit Metrics(const std::vector<std::string>& routes);
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Index for observe(); unknown labels map to the "unmatched" route.
  std::size_t route_index(std::string_view route) const;

  void request_started();
  void request_finished();
  void observe(std::size_t route, std::string_view method, int status, std::chrono::nanoseconds duration);

  // The exposition text (sorted, only routes that saw requests).
  std::string render() const;

 private:
  struct Shard;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  Shard& shard() const;

  std::vector<std::string> routes_;
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> index_;
  std::unique_ptr<Shard[]> shards_;
};

}  // namespace kefu::http
