// Scoring one inspection, as a table a QA lead can read: weights, partial points, N/A
// items left out, and a failed red line zeroing the score.
#include "quality/domain/scorecard.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"

namespace kefu::quality {
namespace {

// greeting 20, accurate 50, closing 30, and one red line (weight 0).
Scorecard card() {
  return {"chat",
          {{"greeting", "及时问候", "", 20, false},
           {"accurate", "答复准确", "", 50, false},
           {"closing", "礼貌结束", "", 30, false},
           {"red_rude", "辱骂顾客", "", 0, true}}};
}

struct Row {
  const char* what;
  std::vector<Mark> marks;
  int score_x10;
  int earned;
  int possible;
  bool red_line;
};

TEST(QaScore, Table) {
  const std::vector<Row> rows = {
      {"all pass",
       {{"greeting", "pass"}, {"accurate", "pass"}, {"closing", "pass"}, {"red_rude", "pass"}},
       1000,
       100,
       100,
       false},
      {"weights count",
       {{"greeting", "fail"}, {"accurate", "pass"}, {"closing", "pass"}, {"red_rude", "pass"}},
       800,
       80,
       100,
       false},
      {"partial points",
       {{"greeting", "pass"}, {"accurate", "partial", 25}, {"closing", "fail"}, {"red_rude", "pass"}},
       450,
       45,
       100,
       false},
      {"N/A leaves the item out",
       {{"greeting", "na"}, {"accurate", "pass"}, {"closing", "fail"}, {"red_rude", "pass"}},
       625,
       50,
       80,
       false},
      {"thirds round half up",
       {{"greeting", "na"}, {"accurate", "partial", 1}, {"closing", "na"}, {"red_rude", "na"}},
       20,
       1,
       50,
       false},
      {"red line zeroes a perfect score",
       {{"greeting", "pass"}, {"accurate", "pass"}, {"closing", "pass"}, {"red_rude", "fail"}},
       0,
       100,
       100,
       true},
      {"nothing applicable is 100",
       {{"greeting", "na"}, {"accurate", "na"}, {"closing", "na"}, {"red_rude", "pass"}},
       1000,
       0,
       0,
       false},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.what);
    auto s = score(card(), r.marks);
    EXPECT_EQ(s.score_x10, r.score_x10);
    EXPECT_EQ(s.earned, r.earned);
    EXPECT_EQ(s.possible, r.possible);
    EXPECT_EQ(s.red_line, r.red_line);
    EXPECT_EQ(s.red_lines.size(), r.red_line ? 1u : 0u);
  }
}

std::string field_of(const std::vector<Mark>& marks) {
  try {
    score(card(), marks);
  } catch (const Error& e) {
    return e.field();
  }
  return "(accepted)";
}

TEST(QaScore, RefusedMarksNameTheField) {
  const std::vector<Mark> ok = {{"greeting", "pass"}, {"accurate", "pass"}, {"closing", "pass"}, {"red_rude", "pass"}};
  auto with = [&](std::size_t i, Mark m) {
    auto v = ok;
    v[i] = m;
    return v;
  };
  EXPECT_EQ(field_of(ok), "(accepted)");
  EXPECT_EQ(field_of(with(1, {"nope", "pass"})), "marks[1].item");
  EXPECT_EQ(field_of(with(1, {"greeting", "pass"})), "marks[1].item");
  EXPECT_EQ(field_of(with(1, {"accurate", "partial", 51})), "marks[1].points");
  EXPECT_EQ(field_of(with(1, {"accurate", "partial", -1})), "marks[1].points");
  EXPECT_EQ(field_of(with(3, {"red_rude", "partial", 0})), "marks[3].result");
  EXPECT_EQ(field_of({ok[0], ok[1], ok[2]}), "marks");
}

TEST(QaScorecard, DefaultsAreValidAndHaveRedLines) {
  for (ChannelKind k : {ChannelKind("desk"), ChannelKind("hotline"), ChannelKind("chat")}) {
    auto s = default_scorecard(k);
    EXPECT_NO_THROW(validate(s));
    int weights = 0, reds = 0;
    for (const auto& i : s.items) (i.red_line ? reds : weights) += i.red_line ? 1 : i.weight;
    EXPECT_EQ(weights, 100) << k.code();
    EXPECT_EQ(reds, 3) << k.code();
  }
}

TEST(QaScorecard, ValidationNamesTheField) {
  auto field = [](Scorecard s) {
    try {
      validate(s);
    } catch (const Error& e) {
      return e.field();
    }
    return std::string("(valid)");
  };
  auto c = card();
  EXPECT_EQ(field(c), "(valid)");
  auto dup = c;
  dup.items[2].id = "greeting";
  EXPECT_EQ(field(dup), "items[2].id");
  auto badid = c;
  badid.items[0].id = "Greeting!";
  EXPECT_EQ(field(badid), "items[0].id");
  auto heavy = c;
  heavy.items[1].weight = 101;
  EXPECT_EQ(field(heavy), "items[1].weight");
  auto unnamed = c;
  unnamed.items[1].name = "";
  EXPECT_EQ(field(unnamed), "items[1].name");
  EXPECT_EQ(field({"chat", {{"red", "红线", "", 0, true}}}), "items");
  EXPECT_EQ(field({"chat", {}}), "items");
}

TEST(QaScorecard, ItemShare) {
  std::vector<Mark> m = {{"greeting", "pass"}, {"accurate", "partial", 20}, {"closing", "na"}, {"red_rude", "fail"}};
  EXPECT_EQ(item_share_x10(card(), m, "greeting"), 1000);
  EXPECT_EQ(item_share_x10(card(), m, "accurate"), 400);
  EXPECT_EQ(item_share_x10(card(), m, "closing"), std::nullopt);
  EXPECT_EQ(item_share_x10(card(), m, "red_rude"), 0);
  EXPECT_EQ(item_share_x10(card(), m, "missing"), std::nullopt);
}

}  // namespace
}  // namespace kefu::quality
