// The figures of one bucket as JSON (metrics_render.hpp).
#include "reports/api/metrics_render.hpp"

namespace kefu::api {
namespace {

nlohmann::json rate(int64_t part, int64_t whole) {
  if (whole <= 0) return nullptr;
  return static_cast<double>(part) / static_cast<double>(whole);
}

nlohmann::json avg(int64_t sum, int64_t n) {
  if (n <= 0) return nullptr;
  return sum / n;
}

}  // namespace

nlohmann::json figures(const reports::Measures& m) {
  return {{"contacts", m.contacts},
          {"resolved", m.resolved},
          {"frt_avg_ms", avg(m.frt_sum_ms, m.frt_n)},
          {"resolution_avg_ms", avg(m.res_sum_ms, m.res_n)},
          {"sla_met", m.sla_met},
          {"sla_missed", m.sla_missed},
          {"sla_rate", rate(m.sla_met, m.sla_met + m.sla_missed)},
          {"fcr", m.fcr},
          {"fcr_rate", rate(m.fcr, m.resolved)},
          {"reopened", m.reopened},
          {"reopen_rate", rate(m.reopened, m.contacts)},
          {"csat_avg", m.csat_n > 0 ? nlohmann::json(static_cast<double>(m.csat_sum) / m.csat_n) : nullptr},
          {"csat_n", m.csat_n},
          {"csat_good_rate", rate(m.csat_good, m.csat_n)}};
}

}  // namespace kefu::api
