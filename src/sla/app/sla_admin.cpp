#include "sla/app/sla_admin.hpp"

#include "core/app/scope.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "org/storage/org_store.hpp"
#include "sla/app/sla.hpp"
#include "sla/domain/errors.hpp"
#include "sla/domain/escalation.hpp"
#include "sla/domain/policy.hpp"
#include "sla/storage/sla_config_store.hpp"
#include "sla/storage/sla_json.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

// The policy on its own, then the active set it would join (no two at one position).
void check(Context& c, const storage::SlaPolicyRecord& r) {
  sla::validate(r.policy);
  sla::validate_ladder(r.ladder);
  if (!r.active) return;
  for (const auto& other : c.store<storage::SlaConfigStore>().sla_policies(false))
    if (other.policy.id != r.policy.id && other.policy.position == r.policy.position)
      throw make_error(errors::kDuplicatePosition,
                       {{"position", r.policy.position},
                        {"other", Text("策略「" + other.policy.name + "」", "policy " + other.policy.name)}},
                       "position");
}

storage::SlaPolicyRecord existing(Context& c, int64_t id) {
  auto r = c.store<storage::SlaConfigStore>().sla_policy(id);
  if (!r) throw make_error(errors::kNotFound, {{"what", Text("服务时限策略", "SLA policy")}});
  return *r;
}

Error version_conflict(int64_t stored) {
  return make_error(errors::kVersionConflict, {{"what", Text("策略", "policy")}, {"version", stored}});
}

void require_store(Context& c, int64_t store_id) {
  if (!c.actor.in_store(store_id) || !c.store<storage::OrgStore>().store(store_id))
    throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
}

}  // namespace

std::vector<storage::SlaPolicyRecord> list_policies(Context& c, bool include_retired) {
  return c.store<storage::SlaConfigStore>().sla_policies(include_retired);
}

storage::SlaPolicyRecord create_policy(Context& c, storage::SlaPolicyRecord r) {
  require_role(c.actor, "admin");
  r.policy.id = 0;
  r.active = true;
  r.version = 1;
  r.updated_at = c.now_ms;
  check(c, r);
  r.policy.id = c.store<storage::SlaConfigStore>().insert_sla_policy(r);
  audit(c, "sla_policy.create", "sla_policy", r.policy.id, nullptr, storage::to_json(r));
  return r;
}

storage::SlaPolicyRecord update_policy(Context& c, int64_t id, storage::SlaPolicyRecord r, int64_t expected_version) {
  require_role(c.actor, "admin");
  auto before = existing(c, id);
  if (before.version != expected_version) throw version_conflict(before.version);
  r.policy.id = id;
  r.active = before.active;
  r.version = before.version + 1;
  r.updated_at = c.now_ms;
  check(c, r);
  if (!c.store<storage::SlaConfigStore>().update_sla_policy(r, expected_version))
    throw version_conflict(existing(c, id).version);
  audit(c, "sla_policy.update", "sla_policy", id, storage::to_json(before), storage::to_json(r));
  return r;
}

storage::SlaPolicyRecord retire_policy(Context& c, int64_t id) {
  require_role(c.actor, "admin");
  auto r = existing(c, id);
  if (!r.active) return r;
  auto before = storage::to_json(r);
  r.active = false;
  r.version += 1;
  r.updated_at = c.now_ms;
  c.store<storage::SlaConfigStore>().update_sla_policy(r, r.version - 1);
  audit(c, "sla_policy.retire", "sla_policy", id, before, storage::to_json(r));
  return r;
}

sla::CalendarSpec get_calendar(Context& c, int64_t store_id) {
  require_store(c, store_id);
  return store_calendar(c.stores, store_id)->spec();
}

sla::CalendarSpec put_calendar(Context& c, int64_t store_id, sla::CalendarSpec spec) {
  require_store(c, store_id);
  if (!c.actor.is_admin()) require_role(c.actor, "manager");
  sla::BusinessCalendar validated(spec);  // throws invalid_calendar naming the field
  auto store = *c.store<storage::OrgStore>().store(store_id);
  auto before = get_calendar(c, store_id);
  store.timezone = spec.time_zone;
  store.hours = spec.weekly;
  c.store<storage::OrgStore>().update_store(store);
  c.store<storage::SlaConfigStore>().replace_special_days(store_id, spec.special_days);
  audit(c, "store.calendar", "store", store_id, storage::to_json(before), storage::to_json(spec));
  return spec;
}

int64_t calendar_deadline(Context& c, int64_t store_id, int64_t from_ms, int64_t minutes) {
  require_store(c, store_id);
  if (minutes < 0 || minutes > sla::kMaxTargetMinutes)
    throw make_error(errors::kInvalidTarget, {{"min", 0}, {"max", sla::kMaxTargetMinutes}}, "minutes");
  const auto& calendar = *store_calendar(c.stores, store_id);
  return sla::to_unix_ms(sla::add_business_minutes(calendar, sla::from_unix_ms(from_ms), minutes));
}

}  // namespace kefu::app
