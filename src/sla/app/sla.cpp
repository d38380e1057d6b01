#include "sla/app/sla.hpp"

#include <algorithm>

#include "members/app/member_value.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "sla/app/sla_config.hpp"
#include "sla/domain/clock_rules.hpp"
#include "sla/domain/escalation.hpp"
#include "sla/domain/policy.hpp"
#include "sla/storage/clock_store.hpp"
#include "sla/storage/sla_config_store.hpp"
#include "tickets/app/record.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::app {
namespace {

sla::Instant now_of(const Context& c) { return sla::from_unix_ms(c.now_ms); }

// Clock events must not go back in time; a clock that was set back (another node, an
// adjusted system clock) records at the latest instant already recorded instead.
sla::Instant at_of(const Context& c, const SlaState& s) {
  auto at = now_of(c);
  for (const auto& e : s.events) at = std::max(at, e.at);
  return at;
}

sla::Targets targets_of(const SlaState& s) { return s.policy ? s.policy->policy.targets : sla::Targets{}; }

// Applies events to the state (apply() refuses an impossible sequence) and stores them.
void append(Context& c, int64_t ticket_id, SlaState& s, const std::vector<sla::ClockEvent>& events) {
  if (events.empty()) return;
  for (const auto& e : events) s.clocks = sla::apply(s.clocks, e);
  s.events.insert(s.events.end(), events.begin(), events.end());
  c.store<storage::ClockStore>().insert_clock_events(ticket_id, events);
}

void refresh(Context& c, ticket::Ticket& t, const SlaState& s) {
  refresh_deadlines(t, s, c.store<storage::ClockStore>().fired_escalations(t.id),
                    *store_calendar(c.stores, t.store_id));
}

std::optional<storage::SlaPolicyRecord> matching_policy(Context& c, const SlaConfig& config, const ticket::Ticket& t) {
  std::optional<people::Member> member;
  if (t.member_id) member = c.store<storage::MemberStore>().member(*t.member_id);
  const auto& policies = config.active_policies;
  // The member's value only when a policy asks for it: a few queries on the member's history.
  std::optional<sla::MemberStanding> standing;
  if (member && sla::needs_member_standing(policies)) {
    const bool own_open_complaint = t.id && t.type == "complaint" && t.status != "resolved" && t.status != "closed";
    const auto v = value_of_member(c, *member, own_open_complaint);
    standing = sla::MemberStanding{v.value.clv_fen, v.risk.at_risk};
  }
  const auto* p =
      sla::match_policy(policies, sla::facts_of(t, member ? &*member : nullptr, standing ? &*standing : nullptr));
  if (!p) return std::nullopt;
  return config.active[static_cast<std::size_t>(p - policies.data())];
}

std::shared_ptr<const sla::BusinessCalendar> calendar_in(const SlaConfig& config, storage::Stores& repo,
                                                         int64_t store_id) {
  if (auto it = config.calendars.find(store_id); it != config.calendars.end()) return it->second;
  return std::make_shared<const sla::BusinessCalendar>(
      build_calendar(repo.get<storage::OrgStore>().store(store_id).value_or(people::Store{}),
                     repo.get<storage::SlaConfigStore>().special_days(store_id)));
}

}  // namespace

std::shared_ptr<const sla::BusinessCalendar> store_calendar(storage::Stores& repo, int64_t store_id) {
  return calendar_in(*sla_config(repo), repo, store_id);
}

SlaState load_sla(storage::Stores& repo, const ticket::Ticket& t) {
  SlaState s;
  if (t.sla_policy_id) {
    auto config = sla_config(repo);
    if (auto it = config->by_id.find(*t.sla_policy_id); it != config->by_id.end()) s.policy = it->second;
  }
  s.events = repo.get<storage::ClockStore>().clock_events(t.id);
  s.clocks = sla::replay(s.events);
  return s;
}

void refresh_deadlines(ticket::Ticket& t, const SlaState& s, const std::vector<storage::FiredEscalation>& fired,
                       const sla::BusinessCalendar& calendar) {
  const sla::Ladder empty;
  const auto& ladder = s.policy ? s.policy->ladder : empty;
  std::optional<sla::Instant> next;
  auto consider = [&](std::optional<sla::Instant> at) {
    if (at && (!next || *at < *next)) next = at;
  };
  for (auto m : sla::kMetrics) {
    const auto& clock = s.clocks[m];
    std::optional<sla::Instant> due;
    if (sla::is_open(clock) && clock.target) {
      due = sla::due_at(clock, *clock.target, calendar);
      if (!clock.breached_at) consider(due);  // the breach itself is recorded when due
      std::vector<std::size_t> done;
      for (const auto& f : fired)
        if (f.metric == m && f.generation == clock.generation) done.push_back(static_cast<std::size_t>(f.step));
      if (auto e = sla::next_escalation(ladder, clock, *clock.target, calendar, done)) consider(e->fire_at);
    }
    std::optional<int64_t> due_ms;
    if (due) due_ms = sla::to_unix_ms(*due);
    switch (m) {
      case sla::Metric::first_response:
        t.first_response_due_at = due_ms;
        break;
      case sla::Metric::resolution:
        t.resolution_due_at = due_ms;
        break;
      case sla::Metric::callback:
        t.callback_due_at = due_ms;
        break;
    }
  }
  t.next_escalation_at.reset();
  if (next) t.next_escalation_at = sla::to_unix_ms(*next);
}

std::vector<sla::ClockEvent> start_sla(Context& c, ticket::Ticket& t) {
  const auto config = sla_config(c.stores);  // once: this is on every create
  SlaState s;
  s.policy = matching_policy(c, *config, t);
  t.sla_policy_id.reset();
  if (!s.policy) return {};
  t.sla_policy_id = s.policy->policy.id;
  auto events = sla::events_for_creation(s.policy->policy.targets, now_of(c));
  for (const auto& e : events) s.clocks = sla::apply(s.clocks, e);
  refresh_deadlines(t, s, {}, *calendar_in(*config, c.stores, t.store_id));
  return events;
}

void record_clock_events(Context& c, int64_t ticket_id, const std::vector<sla::ClockEvent>& events) {
  if (!events.empty()) c.store<storage::ClockStore>().insert_clock_events(ticket_id, events);
}

void sla_on_transition(Context& c, ticket::Ticket& t, ticket::Status from, ticket::Status to) {
  auto s = load_sla(c.stores, t);
  if (!s.policy && s.events.empty()) return;
  append(c, t.id, s, sla::events_for_transition(from.code(), to.code(), at_of(c, s), s.clocks, targets_of(s)));
  refresh(c, t, s);
}

void sla_on_first_reply(Context& c, ticket::Ticket& t) {
  auto s = load_sla(c.stores, t);
  if (s.events.empty()) return;
  append(c, t.id, s, sla::events_for_first_reply(s.clocks, at_of(c, s)));
  refresh(c, t, s);
}

void sla_on_callback_done(Context& c, ticket::Ticket& t) {
  auto s = load_sla(c.stores, t);
  if (s.events.empty()) return;
  append(c, t.id, s, sla::events_for_callback_done(s.clocks, at_of(c, s)));
  refresh(c, t, s);
}

void sla_reapply(Context& c, ticket::Ticket& t, const std::string& why) {
  auto s = load_sla(c.stores, t);
  auto policy = matching_policy(c, *sla_config(c.stores), t);
  const auto before = t.sla_policy_id;
  const sla::Targets old_targets = targets_of(s);
  s.policy = policy;
  t.sla_policy_id.reset();
  if (policy) t.sla_policy_id = policy->policy.id;
  const std::string detail = why + (policy ? "，策略「" + policy->policy.name + "」" : "，无适用策略");
  auto events = sla::events_for_retarget(s.clocks, targets_of(s), t.status.code(), t.first_response_at.has_value(),
                                         at_of(c, s), detail);
  append(c, t.id, s, events);
  refresh(c, t, s);
  if (events.empty() && before == t.sla_policy_id) return;
  nlohmann::json targets = nlohmann::json::object();
  for (auto m : sla::kMetrics)
    if (const auto& target = targets_of(s)[m])
      targets[std::string(sla::name(m))] = {{"minutes", target->minutes}, {"mode", sla::name(target->mode)}};
  record_event(
      c, t.id, "sla", "服务时限已重新计算：" + detail,
      {{"policy_id", t.sla_policy_id ? nlohmann::json(*t.sla_policy_id) : nlohmann::json(nullptr)},
       {"previous_policy_id", before ? nlohmann::json(*before) : nlohmann::json(nullptr)},
       {"targets", targets},
       {"changed", old_targets != targets_of(s)},
       {"first_response_due_at",
        t.first_response_due_at ? nlohmann::json(*t.first_response_due_at) : nlohmann::json(nullptr)},
       {"resolution_due_at", t.resolution_due_at ? nlohmann::json(*t.resolution_due_at) : nlohmann::json(nullptr)}},
      false);
}

TicketSla ticket_sla(Context& c, int64_t ticket_id) {
  auto t = get_ticket(c, ticket_id);
  auto s = load_sla(c.stores, t);
  const auto calendar_ptr = store_calendar(c.stores, t.store_id);
  const auto& calendar = *calendar_ptr;
  const auto now = now_of(c);
  TicketSla out{s.policy, {}, s.events, c.store<storage::ClockStore>().fired_escalations(t.id)};
  for (auto m : sla::kMetrics) {
    ClockView v{s.clocks[m]};
    if (const auto& target = v.state.target) {
      if (auto due = sla::due_at(v.state, *target, calendar); due && sla::is_open(v.state))
        v.due_at = sla::to_unix_ms(*due);
      v.elapsed_ms = sla::elapsed(v.state, *target, calendar, now).count();
      v.breached = sla::is_breached(v.state, *target, calendar, v.state.finished_at.value_or(now));
    }
    out.clocks.push_back(std::move(v));
  }
  return out;
}

}  // namespace kefu::app
