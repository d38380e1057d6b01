#pragma once
// Staff KPIs (绩效): the measures of a person's month, the rules a manager sets (a weight
// and a target per measure) and the score 0–100 they give. Pure: no clock, no storage.
//
// The score: each measure with a value and a weight > 0 earns an achievement in [0, 1]
// against its target, and score = 100 × Σ weight × achievement / Σ weight over those
// measures, rounded to one decimal. A measure without a value (no CSAT rating, no QA
// result this month) is left out and its weight falls to the others, so nobody loses
// points for what nobody measured. No counted measure = no score.
//
// Achievement, by the measure's direction:
//   more is better (contacts, SLA compliance, CSAT, praise, QA): min(1, value / target);
//     a target of 0 is always met;
//   less is better (first response and resolution minutes, reopen rate):
//     1 at or under the target, else target / value;
//   complaints (upheld complaints, a partly upheld one counts ½): 1 at or under the
//     target, and each complaint above it takes away half: max(0, 1 − ½ × (value − target)).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/vocabulary.hpp"

namespace kefu::performance {

enum class MeasureCode {
  contacts,
  first_response,
  resolution,
  sla_compliance,
  csat,
  praise,
  complaints,
  qa_score,
  reopen_rate
};
inline constexpr std::array<Term<MeasureCode>, 9> kMeasures{{
    {MeasureCode::contacts, "contacts", "处理量", "Contacts handled"},
    {MeasureCode::first_response, "first_response", "首次响应用时（分钟）", "First response (minutes)"},
    {MeasureCode::resolution, "resolution", "办结用时（分钟）", "Resolution time (minutes)"},
    {MeasureCode::sla_compliance, "sla_compliance", "SLA 达标率（%）", "SLA compliance (%)"},
    {MeasureCode::csat, "csat", "满意度（1–5）", "CSAT (1–5)"},
    {MeasureCode::praise, "praise", "表扬", "Praise"},
    {MeasureCode::complaints, "complaints", "属实投诉", "Upheld complaints"},
    {MeasureCode::qa_score, "qa_score", "质检得分", "QA score"},
    {MeasureCode::reopen_rate, "reopen_rate", "重开率（%）", "Reopen rate (%)"},
}};
using Measure = Closed<MeasureCode, kMeasures>;

enum class Direction { more_is_better, less_is_better, complaints };
Direction direction(Measure m);

struct KpiRule {
  Measure measure;
  int weight = 0;     // 0..100; 0 = shown but not scored
  double target = 0;  // in the measure's unit (minutes, %, a count, 1–5)
  friend bool operator==(const KpiRule&, const KpiRule&) = default;
};

// One rule per measure, in kMeasures order once normalised.
using KpiRules = std::vector<KpiRule>;

// What we use while a store or the chain has saved none.
KpiRules default_kpi_rules();

// Checks what a manager saves and returns it in kMeasures order, with measures missing
// from it added at weight 0 (shown, not scored). Throws kefu::Error (invalid_input,
// invalid_field) naming "kpi[i].weight" (0..100), "kpi[i].target" (>= 0, a percentage
// <= 100, CSAT <= 5) or "kpi[i].measure" (twice), or "kpi" when every weight is 0.
KpiRules normalise_kpi_rules(KpiRules rules);

// A person's (or a department's) month, as measured. nullopt = not measured.
struct Figures {
  std::optional<double> contacts;
  std::optional<double> first_response_min;
  std::optional<double> resolution_min;
  std::optional<double> sla_compliance_pct;
  std::optional<double> csat;
  std::optional<double> praise;
  std::optional<double> complaints;  // upheld + ½ partly upheld
  std::optional<double> qa_score;
  std::optional<double> reopen_rate_pct;
};

std::optional<double> value_of(const Figures&, Measure);

struct ScorePart {
  Measure measure;
  std::optional<double> value;
  double target = 0;
  int weight = 0;
  bool counted = false;    // has a value and a weight
  double achievement = 0;  // 0..1, when counted
  double points = 0;       // its share of the score, when counted
};

struct Score {
  std::optional<double> score;  // 0..100, one decimal; nullopt when nothing was counted
  std::vector<ScorePart> parts;
};

double achievement(Measure, double value, double target);
Score score(const Figures&, const KpiRules&);

}  // namespace kefu::performance
