// The KPI sheet's QA column from the quality capability's scores (quality/app/qa_summary.hpp):
// each agent's final inspections submitted in the month, as a sum and count.
#include "performance/app/qa_scores.hpp"

#include "quality/app/qa_summary.hpp"

namespace kefu::app {

bool qa_available() { return true; }

std::map<int64_t, QaSum> kpi_qa_scores(Context& c, int64_t store_id, int64_t from, int64_t to) {
  std::map<int64_t, QaSum> out;
  for (const auto& s : qa_scores(c, store_id, from, to))
    out[s.staff_id] = {s.average_score * s.inspections, s.inspections};
  return out;
}

}  // namespace kefu::app
