#include "performance/domain/kpi.hpp"

#include <algorithm>
#include <cmath>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::performance {
namespace {

double round1(double v) { return std::round(v * 10) / 10; }

Error invalid(std::string field, Text problem) {
  return make_error(errors::kInvalidField, {{"field", field}, {"problem", std::move(problem)}}, field);
}

double max_target(Measure m) {
  if (m == "sla_compliance" || m == "reopen_rate" || m == "qa_score") return 100;
  if (m == "csat") return 5;
  return 1e9;
}

}  // namespace

Direction direction(Measure m) {
  if (m == "first_response" || m == "resolution" || m == "reopen_rate") return Direction::less_is_better;
  if (m == "complaints") return Direction::complaints;
  return Direction::more_is_better;
}

KpiRules default_kpi_rules() {
  return {
      {"contacts", 10, 150},      {"first_response", 15, 30}, {"resolution", 10, 480},
      {"sla_compliance", 15, 90}, {"csat", 20, 4.5},          {"praise", 5, 2},
      {"complaints", 10, 0},      {"qa_score", 10, 90},       {"reopen_rate", 5, 5},
  };
}

KpiRules normalise_kpi_rules(KpiRules rules) {
  std::array<std::optional<KpiRule>, kMeasures.size()> by;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& r = rules[i];
    const std::string at = "kpi[" + std::to_string(i) + "]";
    const auto k = static_cast<std::size_t>(r.measure.value());
    if (by[k]) throw invalid(at + ".measure", Text("指标重复", "the measure appears twice"));
    if (r.weight < 0 || r.weight > 100) throw invalid(at + ".weight", Text("权重须为 0 到 100", "must be 0 .. 100"));
    if (!std::isfinite(r.target) || r.target < 0 || r.target > max_target(r.measure))
      throw invalid(at + ".target", Text("目标值超出范围", "out of range for this measure"));
    by[k] = r;
  }
  KpiRules out;
  int total = 0;
  for (std::size_t k = 0; k < by.size(); ++k) {
    const Measure m(kMeasures[k].value);
    out.push_back(by[k] ? *by[k] : KpiRule{m, 0, 0});
    total += out.back().weight;
  }
  if (total == 0) throw invalid("kpi", Text("至少一个指标的权重须大于 0", "at least one weight must be above 0"));
  return out;
}

std::optional<double> value_of(const Figures& f, Measure m) {
  switch (m.value()) {
    case MeasureCode::contacts:
      return f.contacts;
    case MeasureCode::first_response:
      return f.first_response_min;
    case MeasureCode::resolution:
      return f.resolution_min;
    case MeasureCode::sla_compliance:
      return f.sla_compliance_pct;
    case MeasureCode::csat:
      return f.csat;
    case MeasureCode::praise:
      return f.praise;
    case MeasureCode::complaints:
      return f.complaints;
    case MeasureCode::qa_score:
      return f.qa_score;
    case MeasureCode::reopen_rate:
      return f.reopen_rate_pct;
  }
  return std::nullopt;
}

double achievement(Measure m, double value, double target) {
  switch (direction(m)) {
    case Direction::more_is_better:
      if (target <= 0) return 1;
      return std::clamp(value / target, 0.0, 1.0);
    case Direction::less_is_better:
      if (value <= target) return 1;
      return target <= 0 ? 0 : target / value;
    case Direction::complaints:
      if (value <= target) return 1;
      return std::max(0.0, 1 - 0.5 * (value - target));
  }
  return 0;
}

Score score(const Figures& f, const KpiRules& rules) {
  Score out;
  double weights = 0;
  for (const auto& r : rules) {
    ScorePart p{r.measure, value_of(f, r.measure), r.target, r.weight};
    p.counted = p.value.has_value() && r.weight > 0;
    if (p.counted) {
      p.achievement = achievement(r.measure, *p.value, r.target);
      weights += r.weight;
    }
    out.parts.push_back(p);
  }
  if (weights <= 0) return out;
  double total = 0;
  for (auto& p : out.parts) {
    if (!p.counted) continue;
    p.points = round1(100 * p.weight * p.achievement / weights);
    total += 100 * p.weight * p.achievement / weights;
  }
  out.score = round1(total);
  return out;
}

}  // namespace kefu::performance
