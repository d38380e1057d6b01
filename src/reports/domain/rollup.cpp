#include "reports/domain/rollup.hpp"

#include <fmt/format.h>

namespace kefu::reports {
namespace {

std::string id_key(const std::optional<int64_t>& id) { return id ? std::to_string(*id) : std::string(); }

}  // namespace

void Measures::add(const Measures& m, int sign) {
  contacts += sign * m.contacts;
  resolved += sign * m.resolved;
  frt_n += sign * m.frt_n;
  frt_sum_ms += sign * m.frt_sum_ms;
  res_n += sign * m.res_n;
  res_sum_ms += sign * m.res_sum_ms;
  sla_met += sign * m.sla_met;
  sla_missed += sign * m.sla_missed;
  fcr += sign * m.fcr;
  reopened += sign * m.reopened;
  csat_n += sign * m.csat_n;
  csat_sum += sign * m.csat_sum;
  csat_good += sign * m.csat_good;
}

Measures measures(const TicketFact& f) {
  Measures m;
  m.contacts = 1;
  m.resolved = f.resolved;
  if (f.frt_ms) {
    m.frt_n = 1;
    m.frt_sum_ms = *f.frt_ms;
  }
  if (f.resolved && f.resolution_ms) {
    m.res_n = 1;
    m.res_sum_ms = *f.resolution_ms;
  }
  m.sla_met = f.sla_met;
  m.sla_missed = f.sla_missed;
  m.fcr = f.fcr;
  m.reopened = f.reopened;
  if (f.csat) {
    m.csat_n = 1;
    m.csat_sum = *f.csat;
    m.csat_good = *f.csat >= 4;
  }
  return m;
}

std::vector<RollupKey> buckets(const TicketFact& f) {
  auto k = [&](std::string_view dim, std::string key) {
    return RollupKey{std::string(dim), f.day, f.store_id, std::move(key)};
  };
  std::vector<RollupKey> out{k("all", ""),
                             k("type", f.type),
                             k("channel", f.channel),
                             k("priority", f.priority),
                             k("department", id_key(f.department_id)),
                             k("staff", id_key(f.owner_id)),
                             k("category", f.category),
                             k("hour", fmt::format("{:02}", f.hour))};
  if (f.type == "complaint") out.push_back(k("complaint_cause", f.complaint_cause));
  return out;
}

void accumulate(Rollups& into, const TicketFact& f, int sign) {
  const Measures m = measures(f);
  for (auto& key : buckets(f)) into[std::move(key)].add(m, sign);
}

}  // namespace kefu::reports
