#pragma once
// Scorecards (质检评分表) and the pure scoring of one inspection.
//
// A scorecard is a list of items for one channel kind (desk ticket, hotline, chat). An
// ordinary item has a weight (its points); the inspector marks it pass (all points),
// partial (some points, 0..weight), fail (0) or N/A (left out of both the points earned
// and the points possible). A red-line item (红线) is pass, fail or N/A; one failed red
// line zeroes the whole score, whatever else was earned.
//
//   score = 100 × earned / possible, kept in tenths (score_x10 = 0 … 1000, half up);
//   nothing applicable (possible 0) and no red line failed → 100.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "quality/domain/vocabulary.hpp"

namespace kefu::quality {

struct Item {
  std::string id;  // a stable key: "greeting", "red_rude" …; [a-z0-9_], at most 40
  std::string name;
  std::string description;
  int weight = 0;  // 0 … 100 points
  bool red_line = false;
  friend bool operator==(const Item&, const Item&) = default;
};

struct Scorecard {
  ChannelKind channel;
  std::vector<Item> items;
  friend bool operator==(const Scorecard&, const Scorecard&) = default;
};

// The scorecard in code for a channel kind, in force while none is saved.
Scorecard default_scorecard(ChannelKind);

inline constexpr std::size_t kMaxItems = 30;

// Throws invalid_input naming the field ("items[2].weight"): 1 … 30 items, ids unique and
// well-formed, names 1 … 40 characters, descriptions at most 200, weights 0 … 100, at
// least one ordinary item with a weight.
void validate(const Scorecard&);

struct Mark {
  std::string item;
  Result result;
  int points = 0;  // for partial only: 0 … the item's weight
  friend bool operator==(const Mark&, const Mark&) = default;
};

struct Score {
  int score_x10 = 0;  // 0 … 1000
  int earned = 0;
  int possible = 0;
  bool red_line = false;               // a red line failed: the score is 0
  std::vector<std::string> red_lines;  // the failed red-line items
  friend bool operator==(const Score&, const Score&) = default;
};

// Throws invalid_input naming the field ("marks[1].points" …) when a mark names no item
// of the card, an item is marked twice or not at all, partial points are out of range,
// or a red-line item is marked partial.
Score score(const Scorecard&, const std::vector<Mark>&);

// The points an item earned in a set of marks as a share of its weight, 0 … 1000
// (red lines: pass 1000, fail 0); nullopt when it was N/A or not marked.
std::optional<int> item_share_x10(const Scorecard&, const std::vector<Mark>&, const std::string& item);

}  // namespace kefu::quality
