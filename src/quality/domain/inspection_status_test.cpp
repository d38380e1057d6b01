// The inspection's status machine as a table: state, move, who, in time? → next or refusal.
#include "quality/domain/inspection_status.hpp"

#include <gtest/gtest.h>

namespace kefu::quality {
namespace {

constexpr int64_t kDue = 1'000'000;
const Who kAgent{.is_agent = true};
const Who kInspector{.is_inspector = true, .first_inspector = true};
const Who kSecond{.is_inspector = true};
const Who kOther{};

struct Row {
  const char* from;
  Move move;
  Who who;
  int64_t now;
  const char* expect;  // the next status, or the refusal code
};

TEST(QaStatus, Table) {
  const std::vector<Row> rows = {
      {"queued", Move::submit, kSecond, 0, "scored"},
      {"queued", Move::submit, kAgent, 0, "qa_own_work"},
      {"queued", Move::submit, kOther, 0, "forbidden"},
      {"scored", Move::submit, kSecond, 0, "qa_wrong_state"},
      {"scored", Move::acknowledge, kAgent, 0, "acknowledged"},
      {"scored", Move::acknowledge, kInspector, 0, "qa_not_yours"},
      {"scored", Move::appeal, kAgent, kDue - 1, "appealed"},
      {"scored", Move::appeal, kAgent, kDue, "qa_appeal_closed"},
      {"scored", Move::appeal, kSecond, 0, "qa_not_yours"},
      {"acknowledged", Move::appeal, kAgent, 0, "qa_wrong_state"},
      {"queued", Move::appeal, kAgent, 0, "qa_wrong_state"},
      {"queued", Move::acknowledge, kSecond, 0, "qa_not_yours"},
      {"upheld", Move::appeal, kOther, 0, "qa_not_yours"},
      {"appealed", Move::uphold, kSecond, kDue * 2, "upheld"},
      {"appealed", Move::accept, kSecond, 0, "rescored"},
      {"appealed", Move::uphold, kInspector, 0, "qa_same_inspector"},
      {"appealed", Move::accept, kInspector, 0, "qa_same_inspector"},
      {"appealed", Move::accept, kAgent, 0, "qa_own_work"},
      {"appealed", Move::uphold, kOther, 0, "forbidden"},
      {"upheld", Move::appeal, kAgent, 0, "qa_wrong_state"},
      {"rescored", Move::accept, kSecond, 0, "qa_wrong_state"},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(r.from) + " " + std::string(move_code(r.move)));
    auto m = check_move(Status::of(r.from), r.move, r.who, r.now, kDue);
    EXPECT_EQ(m.refusal.empty() ? std::string(m.next.code()) : std::string(m.refusal), r.expect);
  }
}

TEST(QaStatus, WhichScoresCount) {
  EXPECT_FALSE(is_final("queued"));
  EXPECT_FALSE(is_final("appealed"));
  for (auto s : {"scored", "acknowledged", "upheld", "rescored"}) EXPECT_TRUE(is_final(Status::of(s))) << s;
}

}  // namespace
}  // namespace kefu::quality
