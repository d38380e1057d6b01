#pragma once
// What the SLA code reads on every ticket change — the policies and the store calendars —
// parsed once and kept in memory while the database's SLA configuration version
// (Stores::sla_config_version, changed by any policy, special-day or store change,
// by any process) stays the same. One small query per use instead of parsing every
// policy's JSON and rebuilding a calendar on the writer's hot path.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/storage/database.hpp"
#include "sla/domain/calendar.hpp"
#include "sla/domain/policy.hpp"
#include "sla/storage/sla_config_store.hpp"

namespace kefu::app {

struct SlaConfig {
  std::string version;
  std::vector<storage::SlaPolicyRecord> active;       // matching order
  std::vector<sla::Policy> active_policies;           // the same, for sla::match_policy
  std::map<int64_t, storage::SlaPolicyRecord> by_id;  // retired ones too
  std::map<int64_t, std::shared_ptr<const sla::BusinessCalendar>> calendars;
};

// The configuration as this repository sees it (inside its transaction or snapshot).
std::shared_ptr<const SlaConfig> sla_config(storage::Stores&);

// A store's calendar from weekly hours, special days and zone; no weekly hours = open
// round the clock (what sla_config stores per store).
sla::BusinessCalendar build_calendar(const people::Store&, std::vector<sla::SpecialDay> special_days);

}  // namespace kefu::app
