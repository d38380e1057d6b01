// How the hot-issue test (feedback/domain/spikes.hpp) behaves on simulated daily counts:
// each scan is 300 topic × store series of 29 days (28 of history and today) of pure noise,
// plus one planted series whose today is `mult` times its usual rate. Noise is Poisson, or
// over-dispersed (a gamma-mixed Poisson, variance = mean + mean²/2). Per row: how often the
// planted spike is found, and how many noise series are flagged per scan (false hot issues
// a day on a board of 300 series). Seeded: the same arguments give the same table.
//
//   build/feedback_spikes_eval [scans=200] [seed=7]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "feedback/domain/spikes.hpp"

namespace {

using namespace std::chrono;
using kefu::feedback::DailySeries;

struct Noise {
  std::mt19937_64 rng;
  double uniform() { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }
  int64_t poisson(double mean) {
    int64_t k = 0;
    double p = std::exp(-mean), cdf = p;
    const double u = uniform();
    while (u > cdf && p > 0) {
      ++k;
      p *= mean / static_cast<double>(k);
      cdf += p;
    }
    return k;
  }
  int64_t count(double mean, bool overdispersed) {
    if (!overdispersed) return poisson(mean);
    std::gamma_distribution<double> g(2.0, mean / 2.0);  // shape 2: variance = mean + mean²/2
    return poisson(g(rng));
  }
};

}  // namespace

int main(int argc, char** argv) {
  const int scans = argc > 1 ? std::atoi(argv[1]) : 200;
  Noise noise{std::mt19937_64(argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 7)};
  const sys_days today = sys_days{2026y / December / 5};
  std::printf("| daily mean | today × | noise | planted found | false spikes / scan of 300 |\n|---|---|---|---|---|\n");
  for (double base : {1.0, 3.0, 10.0}) {
    for (double mult : {2.0, 3.0, 5.0}) {
      for (bool od : {false, true}) {
        int found = 0, false_spikes = 0;
        for (int s = 0; s < scans; ++s) {
          std::vector<DailySeries> all;
          for (int i = 0; i <= 300; ++i) {
            const bool planted = i == 300;
            DailySeries d{planted ? "planted" : "noise", std::to_string(i), today - days{28}, {}};
            for (int k = 0; k < 28; ++k) d.counts.push_back(noise.count(base, od));
            d.counts.push_back(planted ? noise.poisson(base * mult) : noise.count(base, od));
            all.push_back(std::move(d));
          }
          for (const auto& sp : kefu::feedback::find_spikes(all, today).spikes) {
            (sp.topic == "planted" ? found : false_spikes)++;
          }
        }
        std::printf("| %.0f | %.0f | %s | %.1f %% | %.3f |\n", base, mult, od ? "over-dispersed" : "Poisson",
                    100.0 * found / scans, static_cast<double>(false_spikes) / scans);
      }
    }
  }
}
