// Deterministic random numbers for the demo generator.
//
// The standard distributions are implementation-defined, so every value is
// derived here from xoshiro256** (seeded through splitmix64): the same seed gives
// the same catalogue with any compiler and standard library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace kefu::demo::detail {

// Mixes two values into a well-spread 64-bit seed (splitmix64 finaliser).
uint64_t mix(uint64_t a, uint64_t b);

class Rng {
 public:
  explicit Rng(uint64_t seed);
  // An independent stream, e.g. Rng(seed, kTicketStream + index).
  Rng(uint64_t seed, uint64_t stream) : Rng(mix(seed, stream)) {}

  uint64_t next();
  // Uniform in [0, n); n > 0.
  size_t index(size_t n);
  // Uniform in [lo, hi]; lo <= hi.
  int64_t between(int64_t lo, int64_t hi);
  // True with probability p / 100.
  bool percent(int p);
  // Index drawn with the given non-negative weights (at least one positive).
  size_t weighted(std::span<const int> weights);

  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[index(items.size())];
  }

 private:
  uint64_t s_[4];
};

}  // namespace kefu::demo::detail
