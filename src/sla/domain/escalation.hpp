#pragma once
// The escalation ladder (升级): who is told when a clock runs late. Each step sits at a
// point on the clock's elapsed axis, so it moves with pauses and counts in the target's
// mode like the deadline does:
//   at_percent(80, owner)        when 80% of the target has elapsed;
//   at_percent(100, supervisor)  at the deadline (the breach);
//   after_breach(120, manager)   when target + 120 minutes have elapsed (business
//                                minutes for a business target, calendar for calendar).
// Steps fire in ladder order, each at most once per clock generation (every activate
// starts a new generation: a fresh cycle or a re-applied policy; see clock.hpp). Only an
// open clock escalates: nothing fires after fulfil or cancel, even a step that was due
// before. A scheduler that was down fires the missed steps late, with their fire_at, so
// it can say how late.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "sla/domain/clock.hpp"

namespace kefu::sla {

enum class Notify { owner, supervisor, manager, department_head };
enum class Anchor { percent_of_target, after_breach };

struct EscalationStep {
  Anchor anchor = Anchor::percent_of_target;
  int64_t value = 100;  // percent 1..100, or minutes after the breach 0..kMaxTargetMinutes
  Notify notify = Notify::owner;
  friend bool operator==(const EscalationStep&, const EscalationStep&) = default;
};

EscalationStep at_percent(int64_t percent, Notify notify);
EscalationStep after_breach(int64_t minutes, Notify notify);

using Ladder = std::vector<EscalationStep>;

// Throws kefu::Error (invalid_input) naming the field "ladder[i].value": code
// invalid_escalation_step for a value out of range, ladder_out_of_order unless the
// percent steps come first and each step is at or after the one before it (so ladder
// order is time order for any target).
void validate_ladder(const Ladder& ladder);

// Where a step sits on the elapsed axis: target × percent / 100 (exact in ms), or
// target + minutes.
std::chrono::milliseconds threshold(const EscalationStep& step, const Target& target);

struct Escalation {
  std::size_t step;  // index into the ladder
  Instant fire_at;   // when it was (or will be) due; now - fire_at = how late
  friend bool operator==(const Escalation&, const Escalation&) = default;
};

// The next step to fire: the first one (in ladder order) not in `fired`, with its time;
// possibly in the past (overdue: fire now). nullopt when the clock is not open, every
// step fired, or its time is not known yet (the clock is paused before reaching it).
// `fired` holds the indexes fired in the clock's current generation.
std::optional<Escalation> next_escalation(const Ladder& ladder, const ClockState& clock, const Target& target,
                                          const BusinessCalendar& calendar, const std::vector<std::size_t>& fired);

// Every step not in `fired` whose time is at or before `now`, in ladder order; empty
// when the clock is not open. Firing them and adding them to `fired` before asking again
// makes each fire exactly once.
std::vector<Escalation> due_escalations(const Ladder& ladder, const ClockState& clock, const Target& target,
                                        const BusinessCalendar& calendar, const std::vector<std::size_t>& fired,
                                        Instant now);

// Stable codes: owner, supervisor, manager, department_head; percent_of_target,
// after_breach.
std::string_view name(Notify n);
std::optional<Notify> notify_from(std::string_view code);
std::string_view name(Anchor a);
std::optional<Anchor> anchor_from(std::string_view code);

}  // namespace kefu::sla
