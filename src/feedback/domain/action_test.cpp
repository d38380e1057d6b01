// Improvement actions' rules: who may make which move in which state (the table a store
// manager can review), deadlines in business hours and business days, and escalation once
// per level.
#include "feedback/domain/action.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"
#include "sla/domain/calendar_fixtures.hpp"

namespace kefu::feedback {
namespace {

using sla::calendar_testing::at;
using sla::calendar_testing::office_spec;

struct MoveCase {
  const char* state;
  ActionMove move;
  const char* who;  // agent | owner | head | supervisor | manager | system
  Refusal expected;
};

Mover mover(std::string_view who) {
  Mover m;
  if (who == "owner") m.owner = true;
  if (who == "head") {
    m.role = "dept_head";
    m.dept_head = true;
  }
  if (who == "supervisor" || who == "manager") m.role = people::Role::of(std::string(who));
  if (who == "system") m.system = true;
  return m;
}

constexpr auto N = Refusal::none, W = Refusal::wrong_state, X = Refusal::not_allowed;
using M = ActionMove;

const MoveCase kMoves[] = {
    // edit: supervisor+, open or done
    {"open", M::edit, "supervisor", N},
    {"open", M::edit, "owner", X},
    {"done", M::edit, "manager", N},
    {"verified", M::edit, "manager", W},
    // progress notes: the owner, the department's head, supervisor+
    {"open", M::update, "owner", N},
    {"open", M::update, "head", N},
    {"open", M::update, "agent", X},
    {"done", M::update, "owner", N},
    {"waived", M::update, "manager", W},
    // done: the same people, only while open
    {"open", M::done, "owner", N},
    {"open", M::done, "head", N},
    {"open", M::done, "agent", X},
    {"done", M::done, "owner", W},
    {"verified", M::done, "manager", W},
    // verify: supervisor+ or the job, only when done
    {"done", M::verify, "supervisor", N},
    {"done", M::verify, "system", N},
    {"done", M::verify, "owner", X},
    {"open", M::verify, "manager", W},
    // waive: manager+, only when done
    {"done", M::waive, "manager", N},
    {"done", M::waive, "supervisor", X},
    {"open", M::waive, "manager", W},
    // reopen: manager+, from done, verified or waived
    {"done", M::reopen, "manager", N},
    {"verified", M::reopen, "manager", N},
    {"waived", M::reopen, "manager", N},
    {"waived", M::reopen, "supervisor", X},
    {"open", M::reopen, "manager", W},
    // tell: manager+ when done or verified; the job when verified
    {"verified", M::tell, "manager", N},
    {"verified", M::tell, "system", N},
    {"done", M::tell, "manager", N},
    {"done", M::tell, "supervisor", X},
    {"open", M::tell, "manager", W},
};

TEST(ActionMoves, EachMoveIsAllowedOrRefusedAsTheTableSays) {
  for (const auto& c : kMoves)
    EXPECT_EQ(check_move(*ActionState::parse(c.state), c.move, mover(c.who)), c.expected)
        << c.state << " " << move_name(c.move) << " by " << c.who;
}

const sla::BusinessCalendar& office() {
  static const sla::BusinessCalendar cal(office_spec());
  return cal;
}

TEST(ActionDeadline, BusinessHoursCountOnlyOpeningHours) {
  // Friday 2024-09-27 17:00 + 3 business hours: 1 h on Friday, then the 调休 Sunday 29 Sep
  // opens at 09:00 → 11:00.
  EXPECT_EQ(action_due_at(office(), at(office(), "2024-09-27 17:00"), 3, DueUnit::business_hours),
            at(office(), "2024-09-29 11:00"));
}

TEST(ActionDeadline, BusinessDaysEndAtTheCloseOfTheNthOpeningDay) {
  // From Monday 30 Sep, 1 day: counting starts the next day; 1–7 Oct are closed (国庆), so the
  // first opening day is Tuesday 8 Oct, closing 18:00.
  EXPECT_EQ(action_due_at(office(), at(office(), "2024-09-30 10:00"), 1, DueUnit::business_days),
            at(office(), "2024-10-08 18:00"));
  // Friday 11 Oct + 2: the 调休 Saturday 12 Oct, then Monday 14 Oct.
  EXPECT_EQ(action_due_at(office(), at(office(), "2024-10-11 09:30"), 2, DueUnit::business_days),
            at(office(), "2024-10-14 18:00"));
}

TEST(ActionDeadline, AnAmountOutOfRangeIsRefused) {
  EXPECT_THROW(action_due_at(office(), at(office(), "2024-10-11 09:30"), 0, DueUnit::business_days), kefu::Error);
  EXPECT_THROW(action_due_at(office(), at(office(), "2024-10-11 09:30"), 366, DueUnit::business_days), kefu::Error);
}

TEST(ActionEscalation, EachLevelFiresOnceAtItsTime) {
  const auto due = at(office(), "2024-10-14 18:00");
  EXPECT_FALSE(escalation_due(office(), due, 0, due - std::chrono::minutes(1)));
  auto first = escalation_due(office(), due, 0, due);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->level, 1);
  // Level 2 comes 8 business hours later: Tuesday 15 Oct 09:00 + 8 h = 18:00 (lunch 12–13 off).
  const auto second_at = at(office(), "2024-10-15 18:00");
  EXPECT_FALSE(escalation_due(office(), due, 1, second_at - std::chrono::minutes(1)));
  auto second = escalation_due(office(), due, 1, second_at);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->level, 2);
  EXPECT_EQ(second->at, second_at);
  EXPECT_FALSE(escalation_due(office(), due, 2, second_at + std::chrono::hours(1000)));
}

}  // namespace
}  // namespace kefu::feedback
