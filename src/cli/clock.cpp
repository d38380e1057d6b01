#include "cli/clock.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace kefu::cli {

int64_t wall_clock_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::function<int64_t()> server_clock() {
  const char* spec = std::getenv("KEFU_TEST_CLOCK");
  if (!spec || !*spec) return wall_clock_ms;
  const std::string s = spec;
  const auto colon = s.find(':');
  int64_t anchor = 0;
  double rate = 0;
  try {
    anchor = std::stoll(s.substr(0, colon));
    rate = colon == std::string::npos ? 1.0 : std::stod(s.substr(colon + 1));
  } catch (...) {
    throw std::runtime_error("KEFU_TEST_CLOCK must be <anchor_ms>:<rate>");
  }
  if (rate < 1 || rate > 10'000) throw std::runtime_error("KEFU_TEST_CLOCK rate must be 1-10000");
  spdlog::warn("KEFU_TEST_CLOCK is set: time runs {}x from {} (tests only)", rate, anchor);
  return [anchor, rate] { return anchor + static_cast<int64_t>(static_cast<double>(wall_clock_ms() - anchor) * rate); };
}

}  // namespace kefu::cli
