#pragma once
// The progress bar of `kefu export` / `kefu import`, one per table:
//   tickets          [##########----------]  52%  52000/100000  41k rows/s
// On a terminal the line is redrawn in place (\r, at most every 100 ms); otherwise
// (a log file, CI) a line is printed each time another 10% is done, once the table has
// taken a second (short tables print their final line only). Quiet prints nothing.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

namespace kefu::storage::transfer {

class Progress {
 public:
  // `seconds` is a monotonic clock (tests pass their own).
  Progress(std::ostream& out, bool tty, bool quiet, std::function<double()> seconds = {});

  void start(const std::string& table, int64_t total);
  void advance(int64_t rows = 1);
  void finish();

  // The rendered bar for the current state (no \r, no newline).
  std::string line() const;

 private:
  void draw(bool force);
  std::ostream& out_;
  bool tty_, quiet_;
  std::function<double()> seconds_;
  std::string table_;
  int64_t total_ = 0, done_ = 0;
  int last_decile_ = 0;
  double started_ = 0, last_draw_ = -1;
};

// A rate for humans: 950, 41k, 1.2M.
std::string human_rate(double per_second);

}  // namespace kefu::storage::transfer
