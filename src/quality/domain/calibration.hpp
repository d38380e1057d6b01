#pragma once
// Calibration (校准): several inspectors score the same item; how far apart they are.
#include <string>
#include <vector>

#include "quality/domain/scorecard.hpp"

namespace kefu::quality {

struct Spread {
  std::string item;             // "" for the total score
  std::vector<int> shares_x10;  // each inspector's share of the item (or total score), 0 … 1000; N/A left out
  int range_x10 = 0;            // max − min
  double stddev = 0;            // population standard deviation, in points of 100
  friend bool operator==(const Spread&, const Spread&) = default;
};

// One Spread per scorecard item (in the card's order), then the total (item ""), over
// each inspector's marks. Marks are taken as scored already (score() has checked them).
std::vector<Spread> spread(const Scorecard&, const std::vector<std::vector<Mark>>& by_inspector);

}  // namespace kefu::quality
