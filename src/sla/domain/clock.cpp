// The clock state machine (rules in clock.hpp); the time arithmetic is in clock_time.cpp.
#include "sla/domain/clock.hpp"

#include <array>

#include "core/domain/error.hpp"
#include "sla/domain/errors.hpp"

namespace kefu::sla {
namespace {

constexpr std::array<std::string_view, 7> kKinds{"activate", "pause",  "resume", "warning",
                                                 "breach",   "fulfil", "cancel"};
constexpr std::array<std::string_view, 7> kKindsZh{"启动", "暂停", "恢复", "预警", "超时", "达成", "取消"};
constexpr std::array<std::string_view, 5> kPhases{"idle", "running", "paused", "fulfilled", "cancelled"};
constexpr std::array<std::string_view, 5> kPhasesZh{"未启动", "计时中", "已暂停", "已达成", "已取消"};

std::string str(std::string_view v) { return std::string(v); }

Error refused(const ClockState& s, const ClockEvent& e, const std::string& why_zh, const std::string& why_en) {
  return make_error(errors::kInvalidClockEvent,
                    {{"metric", Text(str(name_zh(s.metric)), str(name(s.metric)))},
                     {"event", Text(str(kKindsZh[static_cast<int>(e.kind)]), str(name(e.kind)))},
                     {"why", Text(why_zh, why_en)}},
                    str(name(s.metric)));
}

Error wrong_phase(const ClockState& s, const ClockEvent& e) {
  return refused(s, e, "当前" + str(kPhasesZh[static_cast<int>(s.phase)]), "it is " + str(name(s.phase)));
}

// Ends the current running stretch at `at` (empty stretches are not kept).
void close_run(ClockState& s, Instant at) {
  if (at > s.since) s.runs.push_back({s.since, at});
}

ClockState activate(ClockState s, const ClockEvent& e) {
  if (is_open(s)) throw wrong_phase(s, e);
  if (!e.target) throw refused(s, e, "缺少时限", "no target given");
  if (e.target->minutes < 1 || e.target->minutes > kMaxTargetMinutes)
    throw refused(s, e, "时限无效", "the target is out of range");
  if (e.keep_elapsed) {
    if (s.phase != Phase::cancelled)
      throw refused(s, e, "只能接续已取消的计时", "keep_elapsed needs a cancelled clock");
  } else {
    ClockState fresh{s.metric};
    fresh.cycle = s.cycle + 1;
    fresh.generation = s.generation;
    fresh.activated_at = e.at;
    s = std::move(fresh);
  }
  s.phase = Phase::running;
  ++s.generation;
  s.target = e.target;
  s.since = e.at;
  s.warnings.clear();
  s.breached_at.reset();
  s.finished_at.reset();
  s.stopped_running = false;
  return s;
}

}  // namespace

bool is_open(const ClockState& s) { return s.phase == Phase::running || s.phase == Phase::paused; }

const ClockState& TicketClocks::operator[](Metric m) const {
  switch (m) {
    case Metric::first_response:
      return first_response;
    case Metric::resolution:
      return resolution;
    case Metric::callback:
      break;
  }
  return callback;
}

ClockState& TicketClocks::operator[](Metric m) {
  return const_cast<ClockState&>(static_cast<const TicketClocks&>(*this)[m]);
}

ClockState apply(ClockState s, const ClockEvent& e) {
  if (e.metric != s.metric) throw refused(s, e, "指标不符", "the event is for " + str(name(e.metric)));
  if (s.generation > 0 && e.at < s.last_at)
    throw refused(s, e, "时间早于上一事件", "it is earlier than the last event");
  switch (e.kind) {
    case EventKind::activate:
      s = activate(std::move(s), e);
      break;
    case EventKind::pause:
      if (s.phase != Phase::running) throw wrong_phase(s, e);
      close_run(s, e.at);
      s.phase = Phase::paused;
      s.since = e.at;
      break;
    case EventKind::resume:
      if (s.phase != Phase::paused) throw wrong_phase(s, e);
      s.phase = Phase::running;
      s.since = e.at;
      break;
    case EventKind::warning:
    case EventKind::breach:
      if (!is_open(s)) throw wrong_phase(s, e);
      if (s.breached_at) throw refused(s, e, "已超时", "it is already breached");
      if (e.kind == EventKind::warning)
        s.warnings.push_back(e.at);
      else
        s.breached_at = e.at;
      break;
    case EventKind::fulfil:
    case EventKind::cancel:
      if (!is_open(s)) throw wrong_phase(s, e);
      s.stopped_running = s.phase == Phase::running;
      if (s.stopped_running) close_run(s, e.at);
      s.phase = e.kind == EventKind::fulfil ? Phase::fulfilled : Phase::cancelled;
      s.finished_at = e.at;
      break;
  }
  s.last_at = e.at;
  return s;
}

TicketClocks apply(TicketClocks clocks, const ClockEvent& e) {
  clocks[e.metric] = apply(std::move(clocks[e.metric]), e);
  return clocks;
}

TicketClocks replay(std::span<const ClockEvent> events) {
  TicketClocks clocks;
  for (const auto& e : events) clocks = apply(std::move(clocks), e);
  return clocks;
}

std::vector<ClockState> cycles(std::span<const ClockEvent> events, Metric metric) {
  std::vector<ClockState> out;
  ClockState s{metric};
  for (const auto& e : events) {
    if (e.metric != metric) continue;
    int before = s.cycle;
    ClockState next = apply(s, e);
    if (next.cycle != before && before > 0) out.push_back(std::move(s));
    s = std::move(next);
  }
  if (s.cycle > 0) out.push_back(std::move(s));
  return out;
}

std::string_view name(EventKind k) { return kKinds[static_cast<int>(k)]; }

std::optional<EventKind> event_kind_from(std::string_view code) {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i] == code) return static_cast<EventKind>(i);
  return std::nullopt;
}

std::string_view name(Phase p) { return kPhases[static_cast<int>(p)]; }

}  // namespace kefu::sla
