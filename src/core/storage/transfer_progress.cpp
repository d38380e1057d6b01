#include "core/storage/transfer_progress.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ostream>

namespace kefu::storage::transfer {
namespace {

constexpr int kWidth = 20;  // characters of the bar
constexpr std::size_t kNameWidth = 18;

double steady_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

std::string human_rate(double per_second) {
  char buf[32];
  if (per_second >= 10e6)
    std::snprintf(buf, sizeof buf, "%.0fM", per_second / 1e6);
  else if (per_second >= 1e6)
    std::snprintf(buf, sizeof buf, "%.1fM", per_second / 1e6);
  else if (per_second >= 10e3)
    std::snprintf(buf, sizeof buf, "%.0fk", per_second / 1e3);
  else if (per_second >= 1e3)
    std::snprintf(buf, sizeof buf, "%.1fk", per_second / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.0f", per_second);
  return buf;
}

Progress::Progress(std::ostream& out, bool tty, bool quiet, std::function<double()> seconds)
    : out_(out), tty_(tty), quiet_(quiet), seconds_(seconds ? std::move(seconds) : steady_seconds) {}

void Progress::start(const std::string& table, int64_t total) {
  table_ = table;
  total_ = std::max<int64_t>(total, 0);
  done_ = 0;
  last_decile_ = 0;
  started_ = seconds_();
  last_draw_ = -1;
  draw(false);
}

void Progress::advance(int64_t rows) {
  done_ += rows;
  draw(false);
}

void Progress::finish() {
  // A table that ended short of or beyond its expected count still ends at 100%.
  total_ = done_;
  draw(true);
  if (!quiet_ && tty_) out_ << '\n' << std::flush;
}

std::string Progress::line() const {
  const double fraction = total_ > 0 ? std::min(1.0, static_cast<double>(done_) / static_cast<double>(total_)) : 1.0;
  const int filled = static_cast<int>(fraction * kWidth);
  const double elapsed = seconds_() - started_;
  std::string name = table_;
  if (name.size() < kNameWidth) name.resize(kNameWidth, ' ');
  char pct[8];
  std::snprintf(pct, sizeof pct, "%3d%%", static_cast<int>(fraction * 100));
  std::string s = name + " [" + std::string(filled, '#') + std::string(kWidth - filled, '-') + "] " + pct + "  " +
                  std::to_string(done_) + "/" + std::to_string(total_);
  if (elapsed > 0 && done_ > 0) s += "  " + human_rate(static_cast<double>(done_) / elapsed) + " rows/s";
  return s;
}

void Progress::draw(bool force) {
  if (quiet_) return;
  if (tty_) {
    const double now = seconds_();
    if (!force && last_draw_ >= 0 && now - last_draw_ < 0.1) return;
    last_draw_ = now;
    // Trailing spaces wipe what a longer previous line left behind.
    out_ << '\r' << line() << "   " << std::flush;
    return;
  }
  // One line each time another tenth is done, once the table has taken a second (a
  // short table only gets its final line); 0% is not worth a line.
  if (!force && seconds_() - started_ < 1.0) return;
  const int decile = total_ > 0 ? static_cast<int>(std::min<int64_t>(10, done_ * 10 / total_)) : (force ? 10 : 0);
  if (decile <= last_decile_) return;
  last_decile_ = decile;
  out_ << line() << '\n' << std::flush;
}

}  // namespace kefu::storage::transfer
