#include "sla/domain/escalation.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/domain/error.hpp"
#include "sla/domain/errors.hpp"

namespace kefu::sla {
namespace {

constexpr std::array<std::string_view, 4> kNotify{"owner", "supervisor", "manager", "department_head"};
constexpr std::array<std::string_view, 2> kAnchors{"percent_of_target", "after_breach"};

bool was_fired(const std::vector<std::size_t>& fired, std::size_t i) {
  return std::find(fired.begin(), fired.end(), i) != fired.end();
}

std::optional<Instant> fire_time(const EscalationStep& step, const ClockState& clock, const Target& target,
                                 const BusinessCalendar& calendar) {
  return instant_at_elapsed(clock, threshold(step, target), target.mode, calendar);
}

}  // namespace

EscalationStep at_percent(int64_t percent, Notify notify) { return {Anchor::percent_of_target, percent, notify}; }
EscalationStep after_breach(int64_t minutes, Notify notify) { return {Anchor::after_breach, minutes, notify}; }

void validate_ladder(const Ladder& ladder) {
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    const auto& s = ladder[i];
    std::string field = "ladder[" + std::to_string(i) + "].value";
    bool percent = s.anchor == Anchor::percent_of_target;
    bool ok = percent ? s.value >= 1 && s.value <= 100 : s.value >= 0 && s.value <= kMaxTargetMinutes;
    if (!ok)
      throw make_error(
          errors::kInvalidEscalationStep,
          {{"problem", percent ? Text("百分比须为 1 至 100", "a percent must be 1 to 100")
                               : Text("超时后分钟数须为 0 至 " + std::to_string(kMaxTargetMinutes),
                                      "minutes after breach must be 0 to " + std::to_string(kMaxTargetMinutes))}},
          field);
    if (i == 0) continue;
    const auto& prev = ladder[i - 1];
    bool before = prev.anchor == s.anchor ? prev.value <= s.value : s.anchor == Anchor::after_breach;
    if (!before) throw make_error(errors::kLadderOutOfOrder, {}, field);
  }
}

std::chrono::milliseconds threshold(const EscalationStep& step, const Target& target) {
  auto t = target.duration();
  if (step.anchor == Anchor::after_breach) return t + std::chrono::minutes{step.value};
  return t * step.value / 100;
}

std::optional<Escalation> next_escalation(const Ladder& ladder, const ClockState& clock, const Target& target,
                                          const BusinessCalendar& calendar, const std::vector<std::size_t>& fired) {
  if (!is_open(clock)) return std::nullopt;
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    if (was_fired(fired, i)) continue;
    auto at = fire_time(ladder[i], clock, target, calendar);
    if (!at) return std::nullopt;
    return Escalation{i, *at};
  }
  return std::nullopt;
}

std::vector<Escalation> due_escalations(const Ladder& ladder, const ClockState& clock, const Target& target,
                                        const BusinessCalendar& calendar, const std::vector<std::size_t>& fired,
                                        Instant now) {
  std::vector<Escalation> out;
  if (!is_open(clock)) return out;
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    if (was_fired(fired, i)) continue;
    auto at = fire_time(ladder[i], clock, target, calendar);
    if (!at || *at > now) break;  // ladder order is time order: later steps are later still
    out.push_back({i, *at});
  }
  return out;
}

std::string_view name(Notify n) { return kNotify[static_cast<int>(n)]; }

std::optional<Notify> notify_from(std::string_view code) {
  for (std::size_t i = 0; i < kNotify.size(); ++i)
    if (kNotify[i] == code) return static_cast<Notify>(i);
  return std::nullopt;
}

std::string_view name(Anchor a) { return kAnchors[static_cast<int>(a)]; }

std::optional<Anchor> anchor_from(std::string_view code) {
  for (std::size_t i = 0; i < kAnchors.size(); ++i)
    if (kAnchors[i] == code) return static_cast<Anchor>(i);
  return std::nullopt;
}

}  // namespace kefu::sla
