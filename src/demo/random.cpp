#include "demo/random.hpp"

namespace kefu::demo::detail {
namespace {

uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

uint64_t mix(uint64_t a, uint64_t b) {
  uint64_t state = a ^ rotl(b, 32) ^ 0xD1B54A32D192ED03ull;
  splitmix(state);
  state ^= b;
  return splitmix(state);
}

Rng::Rng(uint64_t seed) {
  uint64_t state = seed;
  for (auto& word : s_) word = splitmix(state);
}

uint64_t Rng::next() {
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

size_t Rng::index(size_t n) {
  // Multiply-shift (Lemire); the bias for the small n used here is negligible.
  return static_cast<size_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
}

int64_t Rng::between(int64_t lo, int64_t hi) {
  return lo + static_cast<int64_t>(index(static_cast<size_t>(hi - lo) + 1));
}

bool Rng::percent(int p) { return static_cast<int>(index(100)) < p; }

size_t Rng::weighted(std::span<const int> weights) {
  int64_t total = 0;
  for (int w : weights) total += w;
  int64_t roll = static_cast<int64_t>(index(static_cast<size_t>(total)));
  for (size_t i = 0; i < weights.size(); ++i) {
    if (roll < weights[i]) return i;
    roll -= weights[i];
  }
  return weights.size() - 1;
}

}  // namespace kefu::demo::detail
