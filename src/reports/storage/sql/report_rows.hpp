#pragma once
// The columns of ticket_facts and report_rollups and how a row reads (report_store.cpp).
#include <string>

#include "reports/domain/rollup.hpp"

namespace kefu::storage::sql {

inline const std::string kFactCols =
    "ticket_id, store_id, department_id, owner_id, first_owner_id, type, channel, priority, category, "
    "complaint_cause, day, hour, created_at, frt_ms, resolution_ms, resolved, fcr, reopened, handed_over, "
    "frt_missed, resolution_missed, sla_met, sla_missed, csat";

inline const std::string kMeasureCols =
    "contacts, resolved, frt_n, frt_sum_ms, res_n, res_sum_ms, sla_met, sla_missed, fcr, reopened, csat_n, "
    "csat_sum, csat_good";

template <class Stmt>
reports::TicketFact read_fact(Stmt& s) {
  reports::TicketFact f;
  f.ticket_id = s.i64(0);
  f.store_id = s.i64(1);
  f.department_id = s.opt_i64(2);
  f.owner_id = s.opt_i64(3);
  f.first_owner_id = s.opt_i64(4);
  f.type = s.text(5);
  f.channel = s.text(6);
  f.priority = s.text(7);
  f.category = s.text(8);
  f.complaint_cause = s.text(9);
  f.day = static_cast<int>(s.i64(10));
  f.hour = static_cast<int>(s.i64(11));
  f.created_at = s.i64(12);
  f.frt_ms = s.opt_i64(13);
  f.resolution_ms = s.opt_i64(14);
  f.resolved = s.i64(15) != 0;
  f.fcr = s.i64(16) != 0;
  f.reopened = s.i64(17) != 0;
  f.handed_over = s.i64(18) != 0;
  f.frt_missed = s.i64(19) != 0;
  f.resolution_missed = s.i64(20) != 0;
  f.sla_met = s.i64(21) != 0;
  f.sla_missed = s.i64(22) != 0;
  if (auto c = s.opt_i64(23)) f.csat = static_cast<int>(*c);
  return f;
}

// The 13 measures from column `at` on (in kMeasureCols order).
template <class Stmt>
reports::Measures read_measures(Stmt& s, int at) {
  reports::Measures m;
  int64_t* fields[] = {&m.contacts,   &m.resolved, &m.frt_n,    &m.frt_sum_ms, &m.res_n,    &m.res_sum_ms, &m.sla_met,
                       &m.sla_missed, &m.fcr,      &m.reopened, &m.csat_n,     &m.csat_sum, &m.csat_good};
  for (int i = 0; i < 13; ++i) *fields[i] = s.i64(at + i);
  return m;
}

}  // namespace kefu::storage::sql
