#include "demo/load_sla.hpp"

#include "remedies/domain/authority.hpp"
#include "remedies/storage/remedy_store.hpp"
#include "sla/app/sla.hpp"
#include "sla/domain/escalation.hpp"
#include "sla/storage/clock_store.hpp"
#include "sla/storage/sla_config_store.hpp"

namespace kefu::demo {
namespace {

using sla::Notify;
using sla::Target;
using sla::TimeMode;

storage::SlaPolicyRecord policy(std::string name, int position, sla::Conditions conditions, sla::Targets targets,
                                sla::Ladder ladder, int64_t now) {
  storage::SlaPolicyRecord r;
  r.policy.name = std::move(name);
  r.policy.position = position;
  r.policy.conditions = std::move(conditions);
  r.policy.targets = targets;
  r.ladder = std::move(ladder);
  r.updated_at = now;
  return r;
}

}  // namespace

void load_demo_sla(storage::Stores& r, const std::vector<int64_t>& store_ids, int64_t now) {
  const sla::Ladder standard{sla::at_percent(80, Notify::owner), sla::at_percent(100, Notify::supervisor),
                             sla::after_breach(120, Notify::manager)};
  r.get<storage::SlaConfigStore>().insert_sla_policy(
      policy("P1 紧急（安全/食品/媒体）", 10, {.priorities = std::vector<std::string>{"P1"}},
             {.first_response = Target{15, TimeMode::calendar},
              .resolution = Target{240, TimeMode::calendar},
              .callback = Target{1440, TimeMode::calendar}},
             {sla::at_percent(50, Notify::owner), sla::at_percent(100, Notify::supervisor),
              sla::after_breach(60, Notify::manager)},
             now));
  r.get<storage::SlaConfigStore>().insert_sla_policy(policy(
      "特殊关爱顾客（老人/残障/孕妇）", 20, {.care_flags = std::vector<std::string>{"elderly", "disabled", "pregnant"}},
      {.first_response = Target{15, TimeMode::business},
       .resolution = Target{480, TimeMode::business},
       .callback = Target{1440, TimeMode::calendar}},
      standard, now));
  r.get<storage::SlaConfigStore>().insert_sla_policy(policy("P2 重要投诉", 30,
                                                            {.priorities = std::vector<std::string>{"P2"}},
                                                            {.first_response = Target{30, TimeMode::business},
                                                             .resolution = Target{720, TimeMode::business},
                                                             .callback = Target{2880, TimeMode::calendar}},
                                                            standard, now));
  r.get<storage::SlaConfigStore>().insert_sla_policy(
      policy("一般事项（P3/P4）", 90, {},
             {.first_response = Target{60, TimeMode::business},
              .resolution = Target{1440, TimeMode::business},
              .callback = Target{4320, TimeMode::calendar}},
             {sla::at_percent(80, Notify::owner), sla::at_percent(100, Notify::supervisor)}, now));
  for (const auto& [role, amount] : remedy::default_limits())
    r.get<storage::RemedyStore>().put_authority_limit(role, amount);
  std::vector<sla::SpecialDay> days;
  for (int d = 1; d <= 7; ++d) days.push_back({"2026-10-0" + std::to_string(d), {{"09:30", "22:30"}}, "国庆延长营业"});
  days.push_back({"2027-02-05", {{"10:00", "18:00"}}, "除夕提前闭店"});
  days.push_back({"2027-02-06", {}, "春节闭店"});
  for (auto id : store_ids) r.get<storage::SlaConfigStore>().replace_special_days(id, days);
}

void settle_demo_escalations(app::Context& c, ticket::Ticket& t) {
  auto s = app::load_sla(c.stores, t);
  if (!s.policy) return;
  const auto calendar_ptr = app::store_calendar(c.stores, t.store_id);
  const auto& calendar = *calendar_ptr;
  const auto now = sla::from_unix_ms(c.now_ms);
  std::vector<storage::FiredEscalation> fired;
  for (auto m : sla::kMetrics) {
    const auto& clock = s.clocks[m];
    if (!sla::is_open(clock) || !clock.target) continue;
    for (const auto& e : sla::due_escalations(s.policy->ladder, clock, *clock.target, calendar, {}, now)) {
      storage::FiredEscalation f{
          t.id, m, clock.generation, static_cast<int>(e.step), sla::to_unix_ms(e.fire_at), sla::to_unix_ms(e.fire_at)};
      c.store<storage::ClockStore>().insert_fired_escalation(f);
      fired.push_back(f);
    }
  }
  app::refresh_deadlines(t, s, fired, calendar);
}

}  // namespace kefu::demo
