#pragma once
// Managing what the SLA clocks run on: policies with their escalation ladders (admins),
// and each store's business calendar (admins, or the store's manager). Changes apply
// to tickets created or re-targeted afterwards; running clocks keep the target they
// were activated with.
#include <optional>
#include <vector>

#include "core/app/context.hpp"
#include "core/storage/database.hpp"
#include "sla/domain/calendar.hpp"
#include "sla/storage/sla_config_store.hpp"

namespace kefu::app {

// Every staff member may read the policies (the console shows the targets).
std::vector<storage::SlaPolicyRecord> list_policies(Context&, bool include_retired);
storage::SlaPolicyRecord create_policy(Context&, storage::SlaPolicyRecord);
// expected_version must match (409 version_conflict otherwise).
storage::SlaPolicyRecord update_policy(Context&, int64_t id, storage::SlaPolicyRecord, int64_t expected_version);
storage::SlaPolicyRecord retire_policy(Context&, int64_t id);

// A store's calendar: its zone, weekly hours and special days.
sla::CalendarSpec get_calendar(Context&, int64_t store_id);
sla::CalendarSpec put_calendar(Context&, int64_t store_id, sla::CalendarSpec);
// When `minutes` of business time counted from `from` run out in the store's calendar.
int64_t calendar_deadline(Context&, int64_t store_id, int64_t from_ms, int64_t minutes);

}  // namespace kefu::app
