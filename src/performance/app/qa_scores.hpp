#pragma once
// The quality capability's scores on the KPI sheet: each person's QA results of a month
// (sum and count of the final inspection scores, 0–100, from quality/app/qa_summary.hpp:
// an inspection counts in the month it was submitted; a failed red line counts as 0).
// A person without a result this month has no QA value, and the QA weight falls to the
// other measures (kpi.hpp).
#include <cstdint>
#include <map>

#include "core/app/context.hpp"

namespace kefu::app {

struct QaSum {
  double sum = 0;
  int64_t count = 0;
};

bool qa_available();
std::map<int64_t, QaSum> kpi_qa_scores(Context&, int64_t store_id, int64_t from, int64_t to);

}  // namespace kefu::app
