#include "sla/domain/clock_rules.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"
#include "sla/domain/sla_test_support.hpp"

namespace kefu::sla {
namespace {

using namespace std::chrono_literals;
using test::at;
using test::show;
using test::store;

Target biz(int64_t minutes) { return {minutes, TimeMode::business}; }
Target cal(int64_t minutes) { return {minutes, TimeMode::calendar}; }

const Targets kP3{biz(60), biz(24 * 60), biz(120)};
const Targets kP1{cal(15), cal(240), cal(24 * 60)};
const Targets kP4{std::nullopt, biz(72 * 60), std::nullopt};

std::string render(const std::vector<ClockEvent>& events) {
  std::string out;
  for (const auto& e : events) {
    if (!out.empty()) out += ", ";
    out += std::string(name(e.metric)) + " " + std::string(name(e.kind));
    if (e.keep_elapsed) out += "(keep)";
  }
  return out;
}

// A ticket as the use cases will drive it: every event produced is applied (so apply()
// accepts it) and kept in the log.
struct Sim {
  Targets targets;
  TicketClocks clocks;
  std::vector<ClockEvent> log;
  std::string status = "new";
  bool responded = false;

  std::string record(std::vector<ClockEvent> events) {
    for (const auto& e : events) {
      clocks = apply(clocks, e);
      log.push_back(e);
    }
    return render(events);
  }
  std::string create(const char* when) { return record(events_for_creation(targets, at(when))); }
  std::string go(const std::string& to, Instant when) {
    auto events = events_for_transition(status, to, when, clocks, targets);
    status = to;
    return record(events);
  }
  std::string go(const std::string& to, const char* when) { return go(to, at(when)); }
  std::string reply(Instant when) {
    responded = true;
    return record(events_for_first_reply(clocks, when));
  }
  std::string reply(const char* when) { return reply(at(when)); }
  std::string retarget(const Targets& t, const char* when) {
    targets = t;
    return record(events_for_retarget(clocks, t, status, responded, at(when), "priority change"));
  }
  std::string due(Metric m) {
    const auto& s = clocks[m];
    return s.target ? show(due_at(s, *s.target, store())) : "none";
  }
};

TEST(SlaClockRules, EventsForEachTransition) {
  struct Row {
    const char* story;
    std::vector<std::string> before;  // statuses, "reply", "callback done"
    const char* to;
    const char* events;
    Targets targets = kP3;
  };
  const std::vector<Row> rows = {
      {"new → in_progress", {}, "in_progress", ""},
      {"waiting_customer pauses both", {"in_progress"}, "waiting_customer", "first_response pause, resolution pause"},
      {"after the first reply, only resolution", {"reply", "in_progress"}, "waiting_customer", "resolution pause"},
      {"leaving waiting_customer resumes",
       {"waiting_customer"},
       "in_progress",
       "first_response resume, resolution resume"},
      {"waiting_internal pauses nothing", {"in_progress"}, "waiting_internal", ""},
      {"and leaving it resumes nothing", {"waiting_internal"}, "in_progress", ""},
      {"resolved: fulfil, callback starts",
       {"reply", "in_progress"},
       "resolved",
       "resolution fulfil, callback activate"},
      {"resolved on the spot answers too",
       {},
       "resolved",
       "first_response fulfil, resolution fulfil, callback activate"},
      {"resolved while waiting on the customer",
       {"reply", "waiting_customer"},
       "resolved",
       "resolution fulfil, callback activate"},
      {"no callback target, no callback clock", {"reply"}, "resolved", "resolution fulfil", kP4},
      {"closing leaves the callback running", {"resolved"}, "closed", ""},
      {"reopen: callback cancelled, fresh resolution",
       {"resolved"},
       "in_progress",
       "callback cancel, resolution activate"},
      {"reopen after the callback was done",
       {"resolved", "callback done", "closed"},
       "in_progress",
       "resolution activate"},
  };
  for (const auto& r : rows) {
    Sim sim{r.targets};
    sim.create("2024-03-11 10:00");
    Instant t = at("2024-03-11 10:00");
    for (const auto& step : r.before) {
      t += 10min;
      if (step == "reply")
        sim.reply(t);
      else if (step == "callback done")
        sim.record(events_for_callback_done(sim.clocks, t));
      else
        sim.go(step, t);
    }
    EXPECT_EQ(sim.go(r.to, "2024-03-11 11:00"), r.events) << r.story;
  }
}

TEST(SlaClockRules, WaitingInternalDoesNotPauseWaitingCustomerDoes) {
  Sim internal{kP3}, customer{kP3};
  for (Sim* s : {&internal, &customer}) {
    s->create("2024-03-11 10:00");
    s->reply("2024-03-11 10:10");
  }
  internal.go("waiting_internal", "2024-03-11 11:00");
  internal.go("in_progress", "2024-03-11 15:00");
  customer.go("waiting_customer", "2024-03-11 11:00");
  customer.go("in_progress", "2024-03-11 15:00");
  EXPECT_EQ(internal.due(Metric::resolution), "2024-03-12 22:00");  // 24 business hours from 10:00
  EXPECT_EQ(customer.due(Metric::resolution), "2024-03-13 14:00");  // plus the 4 h waited
}

TEST(SlaClockRules, ReopenStartsAFreshResolutionCycle) {
  Sim sim{{biz(60), biz(8 * 60), cal(24 * 60)}};
  sim.create("2024-03-11 10:00");
  sim.reply("2024-03-11 10:20");
  sim.go("in_progress", "2024-03-11 10:20");
  sim.go("resolved", "2024-03-11 15:00");                    // 5 h of 8: met
  EXPECT_EQ(sim.due(Metric::callback), "2024-03-12 15:00");  // counted from the resolution
  EXPECT_EQ(sim.go("in_progress", "2024-03-12 11:00"), "callback cancel, resolution activate");
  EXPECT_EQ(sim.due(Metric::resolution), "2024-03-12 19:00");  // the full 8 h again
  sim.go("resolved", "2024-03-12 20:00");                      // 9 h: missed
  EXPECT_EQ(sim.due(Metric::callback), "2024-03-13 20:00");

  auto res = cycles(sim.log, Metric::resolution);
  ASSERT_EQ(res.size(), 2u);
  EXPECT_FALSE(is_breached(res[0], *res[0].target, store(), *res[0].finished_at));
  EXPECT_TRUE(is_breached(res[1], *res[1].target, store(), *res[1].finished_at));
  EXPECT_EQ(elapsed(res[1], *res[1].target, store(), *res[1].finished_at), 9h);
  auto callbacks = cycles(sim.log, Metric::callback);
  ASSERT_EQ(callbacks.size(), 2u);
  EXPECT_EQ(callbacks[0].phase, Phase::cancelled);
  EXPECT_EQ(callbacks[1].phase, Phase::running);
  EXPECT_EQ(sim.clocks.first_response.phase, Phase::fulfilled);  // untouched by the reopen
}

TEST(SlaClockRules, PriorityChangeKeepsElapsedTime) {
  Sim sim{kP3};
  sim.create("2024-03-11 10:00");
  sim.reply("2024-03-11 10:20");
  sim.go("in_progress", "2024-03-11 10:20");
  // 3 h in, P3 → P1 (240 calendar minutes): 1 h left.
  EXPECT_EQ(sim.retarget(kP1, "2024-03-11 13:00"), "resolution cancel, resolution activate(keep)");
  EXPECT_EQ(sim.due(Metric::resolution), "2024-03-11 14:00");
  sim.record({{Metric::resolution, EventKind::breach, at("2024-03-11 14:00"), "", {}, false}});
  // 4.5 h in, P1 → P4 (72 business hours): 67.5 h left, the old breach no longer stands.
  EXPECT_EQ(sim.retarget(kP4, "2024-03-11 14:30"), "resolution cancel, resolution activate(keep)");
  EXPECT_EQ(sim.due(Metric::resolution), "2024-03-16 22:00");
  EXPECT_FALSE(sim.clocks.resolution.breached_at);
  EXPECT_EQ(sim.clocks.resolution.cycle, 1);
  EXPECT_EQ(sim.clocks.resolution.generation, 3);
  // The same targets again: nothing to record.
  EXPECT_EQ(sim.retarget(kP4, "2024-03-11 15:00"), "");
}

TEST(SlaClockRules, PriorityChangeCountsTheWholeRunInTheNewMode) {
  Sim sim{kP4};
  sim.create("2024-03-11 20:00");
  // 2 business hours but 13 calendar hours in, P4 → P1: breached since midnight.
  EXPECT_EQ(sim.retarget(kP1, "2024-03-12 09:00"),
            "first_response activate, resolution cancel, resolution activate(keep)");
  EXPECT_EQ(sim.due(Metric::resolution), "2024-03-12 00:00");
  EXPECT_EQ(sim.due(Metric::first_response), "2024-03-12 09:15");  // had no target: counts from the change
}

TEST(SlaClockRules, PriorityChangeWhileWaitingOnTheCustomer) {
  Sim sim{kP3};
  sim.create("2024-03-11 10:00");
  sim.go("waiting_customer", "2024-03-11 10:30");
  EXPECT_EQ(sim.retarget(kP1, "2024-03-11 12:00"),
            "first_response cancel, first_response activate(keep), first_response pause, "
            "resolution cancel, resolution activate(keep), resolution pause");
  EXPECT_EQ(sim.due(Metric::resolution), "none");  // paused
  sim.go("in_progress", "2024-03-11 13:00");
  EXPECT_EQ(sim.due(Metric::first_response), "2024-03-11 10:15");  // 30 of 15 min ran before the wait
  EXPECT_EQ(sim.due(Metric::resolution), "2024-03-11 16:30");
}

TEST(SlaClockRules, TargetsWithdrawnAndRestored) {
  Sim sim{kP3};
  sim.create("2024-03-11 10:00");
  sim.reply("2024-03-11 10:05");
  sim.go("in_progress", "2024-03-11 10:05");
  EXPECT_EQ(sim.retarget({}, "2024-03-11 11:00"), "resolution cancel");
  // Restored later: the cancelled clock goes on; the hour without a target does not count.
  EXPECT_EQ(sim.retarget(kP3, "2024-03-11 12:00"), "resolution activate(keep)");
  EXPECT_EQ(sim.due(Metric::resolution), "2024-03-13 11:00");
  sim.go("resolved", "2024-03-11 13:00");
  // After resolution: a withdrawn callback target restored continues the callback clock.
  sim.retarget({}, "2024-03-11 13:30");
  EXPECT_EQ(sim.retarget(kP1, "2024-03-11 14:00"), "callback activate(keep)");
  EXPECT_EQ(sim.due(Metric::callback), "2024-03-12 13:30");
}

TEST(SlaClockRules, CallbackAndInvalidTransitions) {
  Sim sim{kP3};
  sim.create("2024-03-11 10:00");
  sim.go("resolved", "2024-03-11 21:00");
  EXPECT_EQ(sim.due(Metric::callback), "2024-03-12 11:00");  // 2 business hours from resolution
  sim.go("closed", "2024-03-11 21:30");
  EXPECT_EQ(render(events_for_callback_done(sim.clocks, at("2024-03-12 10:30"))), "callback fulfil");
  EXPECT_EQ(render(events_for_first_reply(sim.clocks, at("2024-03-12 10:30"))), "");  // answered by resolving
  try {
    events_for_transition("new", "closed", at("2024-03-11 10:00"), sim.clocks, kP3);
    ADD_FAILURE() << "new → closed accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::conflict);
    EXPECT_EQ(e.code(), "invalid_transition");
  }
}

}  // namespace
}  // namespace kefu::sla
