// The chat SLA's replay (reply_stats.hpp), one conversation per row: what the customer and
// the desk wrote, when, and the first reply, the gaps and what is still owed.
#include "chat/domain/reply_stats.hpp"

#include <gtest/gtest.h>

namespace kefu::chat {
namespace {

// "C5" customer text at 5 s, "A9" agent text at 9 s, "W9" a whisper (no turn: the app
// drops it), "P9" agent photo, "as3" assigned at 3 s, "tq7" transferred to a queue, "ta7" to
// an agent, "q0" queued, "e20" ended, "r12" reopened.
std::vector<Turn> script(std::initializer_list<const char*> steps) {
  using What = Turn::What;
  std::vector<Turn> out;
  for (std::string s : steps) {
    const std::size_t digits = s.find_first_of("0123456789");
    const auto what = s.substr(0, digits);
    const int64_t at = std::stoll(s.substr(digits)) * 1000;
    if (what == "W") continue;
    const What w = what == "C"                    ? What::customer
                   : what == "A" || what == "P"   ? What::agent
                   : what == "as" || what == "ta" ? What::served
                   : what == "e"                  ? What::ended
                                                  : What::unserved;  // q, tq, r
    out.push_back({w, at});
  }
  return out;
}

struct Row {
  const char* name;
  std::vector<Turn> messages;
  std::optional<int64_t> first_reply_ms;
  std::vector<int64_t> gaps_ms;
  std::optional<int64_t> pending_since;
};

TEST(ReplyStats, DecisionTable) {
  const std::vector<Row> rows = {
      {"written while queued: owed from the assignment", script({"q0", "C1", "as10", "A25"}), 15'000, {15'000}, {}},
      {"a greeting before the customer writes is no gap",
       script({"q0", "as2", "A3", "C10", "A40"}),
       1'000,
       {30'000},
       {}},
      {"two customer messages: owed from the first", script({"q0", "as0", "C5", "C8", "A20"}), 20'000, {15'000}, {}},
      {"a whisper pays nothing", script({"q0", "as0", "C5", "W6", "A30"}), 30'000, {25'000}, {}},
      {"a photo answers", script({"q0", "as0", "C5", "P9"}), 9'000, {4'000}, {}},
      {"unanswered at the end: a gap up to the end", script({"q0", "as0", "A1", "C5", "e65"}), 1'000, {60'000}, {}},
      {"open and unanswered: pending", script({"q0", "as0", "A1", "C5"}), 1'000, {}, 5'000},
      {"to a queue stops the clock, the next agent owes from their assignment",
       script({"q0", "as0", "C5", "tq10", "as30", "A32"}),
       32'000,
       {2'000},
       {}},
      {"to an agent keeps it owed", script({"q0", "as0", "C5", "ta10", "A32"}), 32'000, {27'000}, {}},
      {"reopened by a message after the end",
       script({"q0", "as0", "A1", "e5", "C100", "r100", "as101", "A110"}),
       1'000,
       {9'000},
       {}},
      {"never assigned: nothing measured", script({"q0", "C1", "e300"}), {}, {}, {}},
  };
  for (const auto& r : rows) {
    const auto s = reply_stats(r.messages);
    EXPECT_EQ(s.first_reply_ms, r.first_reply_ms) << r.name;
    EXPECT_EQ(s.gaps_ms, r.gaps_ms) << r.name;
    EXPECT_EQ(s.pending_since, r.pending_since) << r.name;
  }
}

TEST(ReplyStats, LongestGapAndBreaches) {
  const auto s = reply_stats(script({"q0", "as0", "C5", "A10", "C20", "A200", "C210", "A250"}));
  EXPECT_EQ(s.gaps_ms, (std::vector<int64_t>{5'000, 180'000, 40'000}));
  EXPECT_EQ(s.longest_gap_ms(), 180'000);
  EXPECT_EQ(s.gaps_over(30'000), 2);
  EXPECT_EQ(s.gaps_over(180'000), 0) << "at the target is within it";
  EXPECT_EQ(ReplyStats{}.longest_gap_ms(), 0);
}

}  // namespace
}  // namespace kefu::chat
