#include "sla/domain/clock_rules.hpp"

#include "core/domain/error.hpp"
#include "tickets/domain/errors.hpp"
#include "tickets/domain/status.hpp"

namespace kefu::sla {
namespace {

using Events = std::vector<ClockEvent>;

void add(Events& out, Metric m, EventKind kind, Instant at, const std::string& detail) {
  out.push_back({m, kind, at, detail, std::nullopt, false});
}

void activate(Events& out, Metric m, const Target& target, Instant at, const std::string& detail, bool keep) {
  out.push_back({m, EventKind::activate, at, detail, target, keep});
}

bool running(const TicketClocks& c, Metric m) { return c[m].phase == Phase::running; }
bool paused(const TicketClocks& c, Metric m) { return c[m].phase == Phase::paused; }

// The metrics a wait on the customer stops.
constexpr Metric kPausable[] = {Metric::first_response, Metric::resolution};

// Whether a metric without an open clock should have one after a re-apply.
bool applies(const TicketClocks& c, Metric m, std::string_view status, bool first_responded) {
  bool finished = ticket::is_finished(status);
  switch (m) {
    case Metric::first_response:
      return !first_responded && !finished && c[m].phase != Phase::fulfilled;
    case Metric::resolution:
      return !finished;
    case Metric::callback:
      break;
  }
  return finished && c[m].phase != Phase::fulfilled;
}

// A clock cancelled by an earlier re-apply, to be continued. A callback cancelled by a
// reopen (before the latest resolution) belongs to an earlier cycle and is not.
bool continues(const TicketClocks& c, Metric m) {
  const auto& s = c[m];
  if (s.phase != Phase::cancelled) return false;
  if (m != Metric::callback) return true;
  const auto& r = c.resolution;
  return !(r.phase == Phase::fulfilled && *s.finished_at < *r.finished_at);
}

}  // namespace

Events events_for_creation(const Targets& targets, Instant at) {
  Events out;
  for (Metric m : kPausable)
    if (targets[m]) activate(out, m, *targets[m], at, "created", false);
  return out;
}

Events events_for_transition(std::string_view from, std::string_view to, Instant at, const TicketClocks& clocks,
                             const Targets& targets) {
  if (!ticket::can_transition(from, to))
    throw make_error(errors::kInvalidTransition,
                     {{"what", Text("工单状态", "ticket")}, {"from", std::string(from)}, {"to", std::string(to)}});
  const std::string detail = "status " + std::string(from) + "→" + std::string(to);
  Events out;
  if (to == "waiting_customer") {
    for (Metric m : kPausable)
      if (running(clocks, m)) add(out, m, EventKind::pause, at, detail);
  } else if (to == "resolved") {
    for (Metric m : kPausable)
      if (is_open(clocks[m])) add(out, m, EventKind::fulfil, at, detail);
    if (targets.callback && !is_open(clocks.callback))
      activate(out, Metric::callback, *targets.callback, at, detail, false);
  } else if (ticket::is_reopen(from, to)) {
    if (is_open(clocks.callback)) add(out, Metric::callback, EventKind::cancel, at, detail);
    if (is_open(clocks.resolution)) add(out, Metric::resolution, EventKind::cancel, at, detail);
    if (targets.resolution) activate(out, Metric::resolution, *targets.resolution, at, detail, false);
  } else if (from == "waiting_customer") {
    for (Metric m : kPausable)
      if (paused(clocks, m)) add(out, m, EventKind::resume, at, detail);
  }
  return out;
}

Events events_for_first_reply(const TicketClocks& clocks, Instant at) {
  Events out;
  if (is_open(clocks.first_response)) add(out, Metric::first_response, EventKind::fulfil, at, "first reply");
  return out;
}

Events events_for_callback_done(const TicketClocks& clocks, Instant at) {
  Events out;
  if (is_open(clocks.callback)) add(out, Metric::callback, EventKind::fulfil, at, "callback done");
  return out;
}

Events events_for_retarget(const TicketClocks& clocks, const Targets& targets, std::string_view status,
                           bool first_responded, Instant at, const std::string& detail) {
  Events out;
  const bool waiting = status == "waiting_customer";
  for (Metric m : kMetrics) {
    const auto& s = clocks[m];
    const auto& target = targets[m];
    bool keep = false;
    if (is_open(s)) {
      if (target && s.target == target) continue;
      add(out, m, EventKind::cancel, at, detail);
      keep = true;
    } else if (applies(clocks, m, status, first_responded)) {
      keep = continues(clocks, m);
    } else {
      continue;
    }
    if (!target) continue;
    activate(out, m, *target, at, detail, keep);
    if (waiting && m != Metric::callback) add(out, m, EventKind::pause, at, detail);
  }
  return out;
}

}  // namespace kefu::sla
