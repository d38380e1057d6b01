#include "quality/domain/settings.hpp"

#include <string>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::quality {
namespace {

void in_range(const char* field, int v, int lo, int hi) {
  if (v >= lo && v <= hi) return;
  throw make_error(errors::kInvalidField,
                   {{"field", field},
                    {"problem", Text("应为 " + std::to_string(lo) + " 到 " + std::to_string(hi),
                                     "it must be " + std::to_string(lo) + " .. " + std::to_string(hi))}},
                   field);
}

}  // namespace

void validate(const Settings& s) {
  in_range("appeal_days", s.appeal_days, 1, 14);
  in_range("sampling.per_agent", s.sampling.per_agent, 0, 50);
  in_range("sampling.extra_low_csat", s.sampling.extra_low_csat, 0, 50);
  in_range("sampling.extra_complaint", s.sampling.extra_complaint, 0, 50);
  in_range("sampling.extra_reopened", s.sampling.extra_reopened, 0, 50);
  in_range("sampling.max_flagged", s.sampling.max_flagged, 0, 50);
}

}  // namespace kefu::quality
