#pragma once
// Per-ticket SLA clocks (服务时限计时), one per metric, rebuilt from the clock events the
// ticket recorded, so every deadline, breach and compliance figure can be recomputed and
// explained from the event log alone. Pure: no clock reads, "now" is passed in.
//
// A clock's life (one cycle):
//   idle --activate--> running --pause--> paused --resume--> running ...
//   running | paused --fulfil--> fulfilled        (the promise was kept or missed)
//   running | paused --cancel--> cancelled        (the target was withdrawn)
//   warning / breach: recorded while running or paused; any number of warnings before
//   the breach, one breach, no warning after it.
// Activation:
//   - on an idle clock: cycle 1;
//   - on a fulfilled or cancelled clock: a fresh cycle (cycle + 1), elapsed starts at 0
//     (a reopened ticket's resolution, a callback after the next resolution);
//   - with keep_elapsed, on a cancelled clock only: the same cycle goes on under the new
//     target, with the running time so far kept (a priority change: cancel + activate).
//     The warnings and breach of the old target are cleared; time between the cancel and
//     this activate does not count.
// Refused (kefu::Error conflict, code invalid_clock_event, field = the metric):
//   activate while running or paused, or without a valid target; keep_elapsed unless
//   cancelled; pause unless running; resume unless paused; fulfil or cancel unless
//   running or paused (so fulfil twice); warning or breach unless running or paused, or
//   after the breach; breach twice; an event of another metric; an event earlier than
//   the clock's previous event. apply() checks the sequence, not the timing: whether a
//   breach is due is is_breached()'s business.
// Because a clock's events must come in time order, a scheduler records a warning or
// breach at the instant it records it (a late firing comes after a pause recorded in the
// meantime) and puts the instant it was due in `detail`. Compliance never reads those
// instants: it is recomputed from the running stretches and the target.
//
// Time: elapsed time is the sum of the running stretches, counted in the target's mode:
// business time (calendar.hpp) or calendar time. Paused time never counts. The deadline
// is the first instant at which elapsed reaches the target; from that instant on the
// clock is breached (elapsed >= target), so work done exactly at the deadline is late.
// A clock fulfilled with elapsed < target met its target.
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sla/domain/calendar.hpp"
#include "sla/domain/target.hpp"

namespace kefu::sla {

enum class EventKind { activate, pause, resume, warning, breach, fulfil, cancel };

struct ClockEvent {
  Metric metric = Metric::first_response;
  EventKind kind = EventKind::activate;
  Instant at{};
  std::string detail;            // for people: why ("status in_progress→waiting_customer")
  std::optional<Target> target;  // activate only, required: the target from now on
  bool keep_elapsed = false;     // activate only: continue the cancelled cycle
};

enum class Phase { idle, running, paused, fulfilled, cancelled };

// A stretch of running time [from, to).
struct Stretch {
  Instant from;
  Instant to;
  friend bool operator==(const Stretch&, const Stretch&) = default;
};

struct ClockState {
  Metric metric = Metric::first_response;
  Phase phase = Phase::idle;
  int cycle = 0;                       // 1 for the first activation; each fresh activation adds one
  int generation = 0;                  // every activate adds one; escalation steps fired are per generation
  std::optional<Target> target;        // from the last activate
  Instant activated_at{};              // start of this cycle
  std::vector<Stretch> runs;           // finished running stretches of this cycle (none empty)
  Instant since{};                     // running: start of this stretch; paused: start of the pause
  std::vector<Instant> warnings;       // since the last activate
  std::optional<Instant> breached_at;  // since the last activate
  std::optional<Instant> finished_at;  // fulfilled or cancelled at
  bool stopped_running = false;        // finished while running (not while paused)
  Instant last_at{};                   // the latest event applied
};

// The three clocks of one ticket.
struct TicketClocks {
  ClockState first_response{Metric::first_response};
  ClockState resolution{Metric::resolution};
  ClockState callback{Metric::callback};

  const ClockState& operator[](Metric m) const;
  ClockState& operator[](Metric m);
};

bool is_open(const ClockState& s);  // running or paused

ClockState apply(ClockState state, const ClockEvent& event);
TicketClocks apply(TicketClocks clocks, const ClockEvent& event);  // to clocks[event.metric]
// All events of a ticket, oldest first.
TicketClocks replay(std::span<const ClockEvent> events);
// Every cycle of one metric, oldest first, each in the state it ended in (the last one
// possibly still open). For compliance reports: a reopened ticket has several
// resolution cycles, each met or missed on its own.
std::vector<ClockState> cycles(std::span<const ClockEvent> events, Metric metric);

// Elapsed time at `now` in the target's mode (0 before activation; frozen once the clock
// finished). Instants before `now` may be asked about: runs are cut at `now`.
std::chrono::milliseconds elapsed(const ClockState& s, const Target& target, const BusinessCalendar& calendar,
                                  Instant now);

// The first instant at which elapsed reaches `amount` in `mode` (activated_at for an
// amount <= 0):
//   - reached in a past running stretch: that instant (also while paused or finished);
//   - running: counted on from the current stretch;
//   - finished while running: as if it had kept running (the deadline in force then);
//   - otherwise (idle, paused or finished while paused, not yet reached): nullopt.
std::optional<Instant> instant_at_elapsed(const ClockState& s, std::chrono::milliseconds amount, TimeMode mode,
                                          const BusinessCalendar& calendar);

// The deadline: instant_at_elapsed(s, target.duration(), target.mode, calendar).
std::optional<Instant> due_at(const ClockState& s, const Target& target, const BusinessCalendar& calendar);

// elapsed(now) >= target. For a fulfilled clock, is_breached(…, *s.finished_at) says
// whether its target was missed.
bool is_breached(const ClockState& s, const Target& target, const BusinessCalendar& calendar, Instant now);

// Stable codes: activate, pause, resume, warning, breach, fulfil, cancel; idle,
// running, paused, fulfilled, cancelled.
std::string_view name(EventKind k);
std::optional<EventKind> event_kind_from(std::string_view code);
std::string_view name(Phase p);

}  // namespace kefu::sla
