#include "sla/domain/escalation.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "core/domain/error.hpp"
#include "sla/domain/sla_test_support.hpp"

namespace kefu::sla {
namespace {

using namespace std::chrono_literals;
using test::at;
using test::show;
using test::store;
using K = EventKind;

const Target kTarget{240, TimeMode::business};
const Ladder kLadder{at_percent(80, Notify::owner), at_percent(100, Notify::supervisor),
                     after_breach(120, Notify::manager)};

ClockState clock_from(std::vector<std::pair<K, const char*>> events, Target target = kTarget) {
  ClockState s{Metric::resolution};
  for (auto [kind, when] : events)
    s = apply(s, {Metric::resolution, kind, at(when), "", kind == K::activate ? std::optional(target) : std::nullopt});
  return s;
}

// Opened at 19:00 with 4 business hours: 80% (192 min) is 10:12 next morning, the
// deadline 11:00, two business hours past it 13:00.
const char* kOpened = "2024-03-11 19:00";

std::string render(const std::vector<Escalation>& due) {
  std::string out;
  for (const auto& e : due) out += (out.empty() ? "" : ", ") + std::to_string(e.step) + "@" + show(e.fire_at);
  return out;
}

std::string render(const std::optional<Escalation>& next) {
  return next ? render(std::vector<Escalation>{*next}) : "none";
}

// A scheduler ticking every minute over [from, to) except while down; returns what it
// fired as "step@fire_at+late".
std::string run_scheduler(
    const ClockState& clock, const char* from, const char* to,
    std::function<bool(Instant)> down = [](Instant) { return false; }) {
  std::vector<std::size_t> fired;
  std::string out;
  for (Instant now = at(from); now < at(to); now += 1min) {
    if (down(now)) continue;
    for (const auto& e : due_escalations(kLadder, clock, kTarget, store(), fired, now)) {
      fired.push_back(e.step);
      auto late = std::chrono::duration_cast<std::chrono::minutes>(now - e.fire_at).count();
      out += (out.empty() ? "" : ", ") + std::to_string(e.step) + "@" + show(e.fire_at) + "+" + std::to_string(late);
    }
  }
  return out;
}

TEST(SlaEscalation, StepsComeInOrderAcrossTheNight) {
  auto clock = clock_from({{K::activate, kOpened}});
  struct Row {
    std::vector<std::size_t> fired;
    const char* next;
  };
  const Row rows[] = {
      {{}, "0@2024-03-12 10:12"},     {{0}, "1@2024-03-12 11:00"}, {{0, 1}, "2@2024-03-12 13:00"},
      {{1, 0}, "2@2024-03-12 13:00"}, {{0, 1, 2}, "none"},
  };
  for (const auto& r : rows) EXPECT_EQ(render(next_escalation(kLadder, clock, kTarget, store(), r.fired)), r.next);
  EXPECT_EQ(threshold(kLadder[0], kTarget), 192min);
  EXPECT_EQ(threshold(kLadder[2], kTarget), 360min);
}

TEST(SlaEscalation, FiredOnTimeExactlyOnce) {
  auto clock = clock_from({{K::activate, kOpened}});
  EXPECT_EQ(run_scheduler(clock, kOpened, "2024-03-12 16:00"),
            "0@2024-03-12 10:12+0, 1@2024-03-12 11:00+0, 2@2024-03-12 13:00+0");
}

TEST(SlaEscalation, BreachStepExactlyAtTheDeadline) {
  auto clock = clock_from({{K::activate, kOpened}});
  EXPECT_EQ(render(due_escalations(kLadder, clock, kTarget, store(), {0}, at("2024-03-12 10:59:59.999"))), "");
  EXPECT_EQ(render(due_escalations(kLadder, clock, kTarget, store(), {0}, at("2024-03-12 11:00"))),
            "1@2024-03-12 11:00");
  EXPECT_EQ(render(due_escalations(kLadder, clock, kTarget, store(), {}, at("2024-03-12 10:12"))),
            "0@2024-03-12 10:12");
}

TEST(SlaEscalation, LateAfterDowntimeButOnlyOnce) {
  auto clock = clock_from({{K::activate, kOpened}});
  auto down = [](Instant now) { return now >= at("2024-03-12 10:00") && now < at("2024-03-12 12:30"); };
  EXPECT_EQ(run_scheduler(clock, kOpened, "2024-03-12 16:00", down),
            "0@2024-03-12 10:12+138, 1@2024-03-12 11:00+90, 2@2024-03-12 13:00+0");
  // Down through everything: all three at once on coming back, in order.
  auto long_down = [](Instant now) { return now < at("2024-03-13 10:00"); };
  EXPECT_EQ(run_scheduler(clock, kOpened, "2024-03-13 10:01", long_down),
            "0@2024-03-12 10:12+1428, 1@2024-03-12 11:00+1380, 2@2024-03-12 13:00+1260");
}

TEST(SlaEscalation, NothingAfterFulfil) {
  auto fulfilled = clock_from({{K::activate, kOpened}, {K::fulfil, "2024-03-12 10:30"}});
  EXPECT_EQ(render(due_escalations(kLadder, fulfilled, kTarget, store(), {0}, at("2024-03-12 14:00"))), "");
  EXPECT_EQ(render(next_escalation(kLadder, fulfilled, kTarget, store(), {0})), "none");
  // Fulfilled while the scheduler was down: the missed 80% step is not fired afterwards.
  EXPECT_EQ(render(due_escalations(kLadder, fulfilled, kTarget, store(), {}, at("2024-03-12 10:31"))), "");
  auto cancelled = clock_from({{K::activate, kOpened}, {K::cancel, "2024-03-12 10:30"}});
  EXPECT_EQ(render(next_escalation(kLadder, cancelled, kTarget, store(), {})), "none");
}

TEST(SlaEscalation, PausesMoveTheSteps) {
  auto paused = clock_from({{K::activate, kOpened}, {K::pause, "2024-03-12 10:30"}});
  // Reached before the pause: still due (late); the rest is unknown while paused.
  EXPECT_EQ(render(due_escalations(kLadder, paused, kTarget, store(), {}, at("2024-03-12 12:00"))),
            "0@2024-03-12 10:12");
  EXPECT_EQ(render(next_escalation(kLadder, paused, kTarget, store(), {0})), "none");
  auto resumed = apply(paused, {Metric::resolution, K::resume, at("2024-03-12 14:00"), "", {}, false});
  EXPECT_EQ(render(next_escalation(kLadder, resumed, kTarget, store(), {0})), "1@2024-03-12 14:30");
  EXPECT_EQ(render(next_escalation(kLadder, resumed, kTarget, store(), {0, 1})), "2@2024-03-12 16:30");
}

TEST(SlaEscalation, CalendarTargetsCountAfterBreachInCalendarTime) {
  Target p1{240, TimeMode::calendar};
  auto clock = clock_from({{K::activate, kOpened}}, p1);
  EXPECT_EQ(render(due_escalations(kLadder, clock, p1, store(), {}, at("2024-03-12 09:00"))),
            "0@2024-03-11 22:12, 1@2024-03-11 23:00, 2@2024-03-12 01:00");
}

TEST(SlaEscalation, ANewTargetIsANewGeneration) {
  // At 03-12 10:00 (180 business minutes in) the target drops to 120: the clock is
  // re-activated (generation 2), fired steps start empty, and all but the last are due.
  auto clock = clock_from({{K::activate, kOpened}, {K::cancel, "2024-03-12 10:00"}});
  Target shorter{120, TimeMode::business};
  clock = apply(clock, {Metric::resolution, K::activate, at("2024-03-12 10:00"), "", shorter, true});
  EXPECT_EQ(clock.generation, 2);
  EXPECT_EQ(render(due_escalations(kLadder, clock, shorter, store(), {}, at("2024-03-12 10:00"))),
            "0@2024-03-11 20:36, 1@2024-03-11 21:00");
  EXPECT_EQ(render(next_escalation(kLadder, clock, shorter, store(), {0, 1})), "2@2024-03-12 11:00");
}

TEST(SlaEscalation, LadderValidation) {
  struct Row {
    const char* story;
    Ladder ladder;
    const char* code;  // nullptr: accepted
    const char* field;
  };
  const Row rows[] = {
      {"the usual ladder", kLadder, nullptr, ""},
      {"empty", {}, nullptr, ""},
      {"two steps at the breach", {at_percent(100, Notify::owner), after_breach(0, Notify::supervisor)}, nullptr, ""},
      {"0%", {at_percent(0, Notify::owner)}, "invalid_escalation_step", "ladder[0].value"},
      {"over 100%", {at_percent(101, Notify::owner)}, "invalid_escalation_step", "ladder[0].value"},
      {"negative minutes", {after_breach(-1, Notify::owner)}, "invalid_escalation_step", "ladder[0].value"},
      {"percent after minutes",
       {after_breach(0, Notify::owner), at_percent(50, Notify::manager)},
       "ladder_out_of_order",
       "ladder[1].value"},
      {"decreasing percent",
       {at_percent(80, Notify::owner), at_percent(50, Notify::owner)},
       "ladder_out_of_order",
       "ladder[1].value"},
      {"decreasing minutes",
       {after_breach(60, Notify::manager), after_breach(30, Notify::supervisor)},
       "ladder_out_of_order",
       "ladder[1].value"},
  };
  for (const auto& r : rows) {
    if (!r.code) {
      EXPECT_NO_THROW(validate_ladder(r.ladder)) << r.story;
      continue;
    }
    try {
      validate_ladder(r.ladder);
      ADD_FAILURE() << r.story << ": accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::invalid_input) << r.story;
      EXPECT_EQ(e.code(), r.code) << r.story;
      EXPECT_EQ(e.field(), r.field) << r.story;
    }
  }
}

TEST(SlaEscalation, Names) {
  for (Notify n : {Notify::owner, Notify::supervisor, Notify::manager, Notify::department_head})
    EXPECT_EQ(notify_from(name(n)), n);
  EXPECT_EQ(anchor_from(name(Anchor::after_breach)), Anchor::after_breach);
  EXPECT_EQ(notify_from("ceo"), std::nullopt);
}

}  // namespace
}  // namespace kefu::sla
