#include "sla/domain/clock.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"
#include "sla/domain/sla_test_support.hpp"

namespace kefu::sla {
namespace {

using namespace std::chrono_literals;
using test::at;
using test::show;
using test::store;
using K = EventKind;

Target biz(int64_t minutes) { return {minutes, TimeMode::business}; }
Target cal(int64_t minutes) { return {minutes, TimeMode::calendar}; }

ClockEvent ev(K kind, const char* when, Metric m = Metric::resolution) { return {m, kind, at(when), "", {}, false}; }
ClockEvent act(const char* when, std::optional<Target> t = biz(60), bool keep = false) {
  return {Metric::resolution, K::activate, at(when), "", t, keep};
}

ClockState run(const std::vector<ClockEvent>& events) {
  ClockState s{Metric::resolution};
  for (const auto& e : events) s = apply(s, e);
  return s;
}

TEST(SlaClock, InvalidSequencesAreRefused) {
  struct Row {
    const char* story;
    std::vector<ClockEvent> events;  // all but the last are accepted
  };
  const Row rows[] = {
      {"pause before activation", {ev(K::pause, "2024-03-11 10:00")}},
      {"fulfil before activation", {ev(K::fulfil, "2024-03-11 10:00")}},
      {"resume without pause", {act("2024-03-11 10:00"), ev(K::resume, "2024-03-11 10:05")}},
      {"pause twice", {act("2024-03-11 10:00"), ev(K::pause, "2024-03-11 10:05"), ev(K::pause, "2024-03-11 10:06")}},
      {"resume twice",
       {act("2024-03-11 10:00"), ev(K::pause, "2024-03-11 10:05"), ev(K::resume, "2024-03-11 10:06"),
        ev(K::resume, "2024-03-11 10:07")}},
      {"fulfil twice", {act("2024-03-11 10:00"), ev(K::fulfil, "2024-03-11 10:05"), ev(K::fulfil, "2024-03-11 10:06")}},
      {"cancel after fulfil",
       {act("2024-03-11 10:00"), ev(K::fulfil, "2024-03-11 10:05"), ev(K::cancel, "2024-03-11 10:06")}},
      {"pause after fulfil",
       {act("2024-03-11 10:00"), ev(K::fulfil, "2024-03-11 10:05"), ev(K::pause, "2024-03-11 10:06")}},
      {"activate while running", {act("2024-03-11 10:00"), act("2024-03-11 10:05")}},
      {"activate while paused", {act("2024-03-11 10:00"), ev(K::pause, "2024-03-11 10:05"), act("2024-03-11 10:06")}},
      {"activate without a target", {act("2024-03-11 10:00", std::nullopt)}},
      {"activate with a zero target", {act("2024-03-11 10:00", biz(0))}},
      {"keep_elapsed on an idle clock", {act("2024-03-11 10:00", biz(60), true)}},
      {"keep_elapsed after fulfil",
       {act("2024-03-11 10:00"), ev(K::fulfil, "2024-03-11 10:05"), act("2024-03-11 10:06", biz(60), true)}},
      {"warning after the breach",
       {act("2024-03-11 10:00"), ev(K::breach, "2024-03-11 11:00"), ev(K::warning, "2024-03-11 11:01")}},
      {"breach twice", {act("2024-03-11 10:00"), ev(K::breach, "2024-03-11 11:00"), ev(K::breach, "2024-03-11 11:01")}},
      {"breach after fulfil",
       {act("2024-03-11 10:00"), ev(K::fulfil, "2024-03-11 10:30"), ev(K::breach, "2024-03-11 11:00")}},
      {"warning on a cancelled clock",
       {act("2024-03-11 10:00"), ev(K::cancel, "2024-03-11 10:30"), ev(K::warning, "2024-03-11 10:48")}},
      {"back in time", {act("2024-03-11 10:00"), ev(K::pause, "2024-03-11 09:59")}},
      {"another metric's event", {act("2024-03-11 10:00"), ev(K::pause, "2024-03-11 10:05", Metric::callback)}},
  };
  for (const auto& r : rows) {
    std::vector<ClockEvent> accepted(r.events.begin(), r.events.end() - 1);
    ClockState s;
    ASSERT_NO_THROW(s = run(accepted)) << r.story;
    try {
      apply(s, r.events.back());
      ADD_FAILURE() << r.story << ": accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::conflict) << r.story;
      EXPECT_EQ(e.code(), "invalid_clock_event") << r.story;
      EXPECT_EQ(e.field(), "resolution") << r.story;
      EXPECT_FALSE(e.message_zh().empty()) << r.story;
    }
  }
}

TEST(SlaClock, WhatASequenceRecords) {
  auto s =
      run({act("2024-03-11 10:00"), ev(K::warning, "2024-03-11 10:48"), ev(K::pause, "2024-03-11 10:50"),
           ev(K::resume, "2024-03-11 11:00"), ev(K::warning, "2024-03-11 11:05"), ev(K::breach, "2024-03-11 11:10"),
           ev(K::pause, "2024-03-11 11:20"), ev(K::fulfil, "2024-03-11 12:00")});
  EXPECT_EQ(s.phase, Phase::fulfilled);
  EXPECT_EQ(s.cycle, 1);
  EXPECT_EQ(s.generation, 1);
  EXPECT_EQ(s.runs, (std::vector<Stretch>{{at("2024-03-11 10:00"), at("2024-03-11 10:50")},
                                          {at("2024-03-11 11:00"), at("2024-03-11 11:20")}}));
  EXPECT_EQ(s.warnings.size(), 2u);
  EXPECT_EQ(show(s.breached_at), "2024-03-11 11:10");
  EXPECT_EQ(show(s.finished_at), "2024-03-11 12:00");
  EXPECT_FALSE(s.stopped_running);  // fulfilled while paused
  EXPECT_EQ(elapsed(s, biz(60), store(), at("2024-03-12 12:00")), 70min);

  // A fresh activation after fulfil: a new cycle from zero.
  auto fresh = apply(s, act("2024-03-12 10:00", biz(30)));
  EXPECT_EQ(fresh.cycle, 2);
  EXPECT_EQ(fresh.generation, 2);
  EXPECT_TRUE(fresh.runs.empty());
  EXPECT_FALSE(fresh.breached_at);
  EXPECT_EQ(show(due_at(fresh, biz(30), store())), "2024-03-12 10:30");

  // Cancel + activate(keep_elapsed): the same cycle goes on, the old breach forgotten.
  auto kept = run({act("2024-03-11 10:00", biz(30)), ev(K::breach, "2024-03-11 10:30"),
                   ev(K::cancel, "2024-03-11 10:40"), act("2024-03-11 10:40", biz(120), true)});
  EXPECT_EQ(kept.cycle, 1);
  EXPECT_EQ(kept.generation, 2);
  EXPECT_EQ(kept.phase, Phase::running);
  EXPECT_FALSE(kept.breached_at);
  EXPECT_EQ(kept.target, biz(120));
  EXPECT_EQ(show(kept.activated_at), "2024-03-11 10:00");
  EXPECT_EQ(show(due_at(kept, biz(120), store())), "2024-03-11 12:00");
}

TEST(SlaClock, DeadlinesWithoutPauses) {
  struct Row {
    const char* story;
    const char* from;
    Target target;
    const char* due;
  };
  const Row rows[] = {
      {"business, within the day", "2024-03-11 10:00", biz(60), "2024-03-11 11:00"},
      {"business, uses the day up exactly: due at the close", "2024-03-11 21:00", biz(60), "2024-03-11 22:00"},
      {"business, across the night", "2024-03-11 21:30", biz(60), "2024-03-12 10:30"},
      {"business, received at night", "2024-03-11 23:00", biz(30), "2024-03-12 10:30"},
      {"business, across 春节", "2024-02-09 21:30", biz(60), "2024-02-11 10:30"},
      {"business, three whole days", "2024-03-11 10:00", biz(3 * 720), "2024-03-13 22:00"},
      {"calendar, across the night", "2024-03-11 21:30", cal(60), "2024-03-11 22:30"},
      {"calendar, through 春节", "2024-02-09 21:30", cal(24 * 60), "2024-02-10 21:30"},
  };
  for (const auto& r : rows) {
    auto s = run({act(r.from, r.target)});
    EXPECT_EQ(show(due_at(s, r.target, store())), r.due) << r.story;
    EXPECT_EQ(elapsed(s, r.target, store(), at(r.due)), r.target.duration()) << r.story;
  }
}

TEST(SlaClock, PauseAndResumeMoveTheDeadlineByThePausedTime) {
  struct Row {
    const char* story;
    const char* from;
    const char* pause;
    const char* resume;
    Target target;
    const char* due_unpaused;
    const char* due;
  };
  const Row rows[] = {
      {"an hour's pause in the day", "2024-03-11 10:00", "2024-03-11 11:00", "2024-03-11 12:00", biz(240),
       "2024-03-11 14:00", "2024-03-11 15:00"},
      {"an overnight pause costs only its open hours (2 h)", "2024-03-11 20:00", "2024-03-11 21:00", "2024-03-12 11:00",
       biz(240), "2024-03-12 12:00", "2024-03-12 14:00"},
      {"a pause while closed costs nothing", "2024-03-11 21:00", "2024-03-11 22:30", "2024-03-12 09:00", biz(120),
       "2024-03-12 11:00", "2024-03-12 11:00"},
      {"a pause over 春节 (1 business hour)", "2024-02-09 21:00", "2024-02-09 21:30", "2024-02-11 10:30", biz(120),
       "2024-02-11 11:00", "2024-02-11 12:00"},
      {"calendar target: the whole pause", "2024-03-11 10:00", "2024-03-11 11:00", "2024-03-11 13:30", cal(240),
       "2024-03-11 14:00", "2024-03-11 16:30"},
  };
  for (const auto& r : rows) {
    auto running = run({act(r.from, r.target)});
    EXPECT_EQ(show(due_at(running, r.target, store())), r.due_unpaused) << r.story;
    auto paused = apply(running, ev(K::pause, r.pause));
    EXPECT_EQ(due_at(paused, r.target, store()), std::nullopt) << r.story << ": unknown while paused";
    auto resumed = apply(paused, ev(K::resume, r.resume));
    EXPECT_EQ(show(due_at(resumed, r.target, store())), r.due) << r.story;
    EXPECT_EQ(elapsed(resumed, r.target, store(), at(r.due)), r.target.duration()) << r.story;
  }
}

TEST(SlaClock, PausedAfterTheDeadlineKeepsIt) {
  auto s = run({act("2024-03-11 10:00", biz(30)), ev(K::pause, "2024-03-11 11:00")});
  EXPECT_EQ(show(due_at(s, biz(30), store())), "2024-03-11 10:30");
  EXPECT_TRUE(is_breached(s, biz(30), store(), at("2024-03-11 12:00")));
  EXPECT_EQ(elapsed(s, biz(30), store(), at("2024-03-12 12:00")), 60min);
}

TEST(SlaClock, BreachExactlyAtTheDeadline) {
  struct Row {
    const char* story;
    const char* from;
    Target target;
    const char* now;
    bool breached;
  };
  const Row rows[] = {
      {"a millisecond before", "2024-03-11 21:30", biz(60), "2024-03-12 10:29:59.999", false},
      {"exactly at the deadline", "2024-03-11 21:30", biz(60), "2024-03-12 10:30", true},
      {"closed hours do not count", "2024-03-11 21:30", biz(60), "2024-03-12 09:59", false},
      {"due at the close: breached at 22:00", "2024-03-11 21:30", biz(30), "2024-03-11 22:00", true},
      {"and through the night", "2024-03-11 21:30", biz(30), "2024-03-12 03:00", true},
      {"calendar: the night counts", "2024-03-11 21:30", cal(60), "2024-03-11 22:30", true},
  };
  for (const auto& r : rows) {
    auto s = run({act(r.from, r.target)});
    EXPECT_EQ(is_breached(s, r.target, store(), at(r.now)), r.breached) << r.story;
  }
  // Fulfilled a millisecond before the deadline: met; at the deadline: missed.
  auto s = run({act("2024-03-11 21:30", biz(60))});
  auto met = apply(s, ev(K::fulfil, "2024-03-12 10:29:59.999"));
  auto missed = apply(s, ev(K::fulfil, "2024-03-12 10:30"));
  EXPECT_FALSE(is_breached(met, biz(60), store(), *met.finished_at));
  EXPECT_TRUE(is_breached(missed, biz(60), store(), *missed.finished_at));
  EXPECT_EQ(show(due_at(met, biz(60), store())), "2024-03-12 10:30");  // the deadline in force
}

TEST(SlaClock, ElapsedAtAnyInstant) {
  auto s = run({act("2024-03-11 10:00"), ev(K::pause, "2024-03-11 11:00"), ev(K::resume, "2024-03-11 12:00"),
                ev(K::fulfil, "2024-03-11 13:00")});
  struct Row {
    const char* now;
    std::chrono::minutes minutes;
  };
  const Row rows[] = {{"2024-03-11 09:00", 0min},  {"2024-03-11 10:30", 30min},  {"2024-03-11 11:30", 60min},
                      {"2024-03-11 12:30", 90min}, {"2024-03-11 13:00", 120min}, {"2024-03-12 13:00", 120min}};
  for (const auto& r : rows) EXPECT_EQ(elapsed(s, biz(120), store(), at(r.now)), r.minutes) << r.now;
  EXPECT_TRUE(is_breached(s, biz(120), store(), *s.finished_at));  // done exactly at 120 min: late
  EXPECT_FALSE(is_breached(s, biz(121), store(), *s.finished_at));
}

TEST(SlaClock, CyclesOfAMetric) {
  std::vector<ClockEvent> log{act("2024-03-11 10:00", biz(240)),
                              ev(K::fulfil, "2024-03-11 12:00"),
                              ev(K::activate, "2024-03-11 12:00", Metric::callback),
                              act("2024-03-12 10:00", biz(240)),
                              ev(K::cancel, "2024-03-12 11:00"),
                              act("2024-03-12 11:00", biz(60), true)};
  log[2].target = cal(60);
  auto res = cycles(log, Metric::resolution);
  ASSERT_EQ(res.size(), 2u);
  EXPECT_EQ(res[0].phase, Phase::fulfilled);
  EXPECT_FALSE(is_breached(res[0], *res[0].target, store(), *res[0].finished_at));
  EXPECT_EQ(res[1].cycle, 2);
  EXPECT_EQ(res[1].phase, Phase::running);
  EXPECT_TRUE(is_breached(res[1], *res[1].target, store(), at("2024-03-12 11:00")));
  EXPECT_EQ(cycles(log, Metric::callback).size(), 1u);
  EXPECT_TRUE(cycles(log, Metric::first_response).empty());
  auto clocks = replay(log);
  EXPECT_EQ(clocks.resolution.cycle, 2);
  EXPECT_EQ(clocks[Metric::callback].phase, Phase::running);
}

TEST(SlaClock, Names) {
  for (Metric m : kMetrics) EXPECT_EQ(metric_from(name(m)), m);
  for (int k = 0; k <= static_cast<int>(K::cancel); ++k)
    EXPECT_EQ(event_kind_from(name(static_cast<K>(k))), static_cast<K>(k));
  EXPECT_EQ(time_mode_from(name(TimeMode::calendar)), TimeMode::calendar);
  EXPECT_EQ(metric_from("response"), std::nullopt);
  EXPECT_EQ(event_kind_from("fulfill"), std::nullopt);
  EXPECT_EQ(name(Phase::paused), "paused");
}

}  // namespace
}  // namespace kefu::sla
