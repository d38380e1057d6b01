#pragma once
// The value of a customer (顾客价值): customer lifetime value (CLV) from the member's own
// purchase history, and the value at risk when something says the member may leave.
// Pure: no clock reads, `now` is passed in. Money in and out is integer fen; the rates
// and probabilities in between are doubles, and each amount is rounded to the fen once.
//
// Visits and rhythm. A day (Asia/Shanghai, UTC+8, no daylight saving) is a visit when the
// member bought something that day (sales paid > 0); a day with only a return is no visit.
// The rhythm is the gaps in days between consecutive visits: the median gap and its
// spread, the 25th and 75th percentiles (nearest rank: the ceil(q·k)-th smallest of k).
//
// Spend per visit: everything paid, returns netted (never below 0), over the visits,
// shrunk towards the store's average spend per visit as if the member had made
// `prior_visits` (3) more visits at that average: (Σ paid + 3·s0) / (n + 3). One large
// first purchase then does not make a member a whale, and a member who bought nothing
// yet is worth the store's average.
//
// Visits per year: a gamma-Poisson estimate. The first visit starts the observation; the
// n − 1 visits after it over the T years since are the member's own evidence, and the
// store's average rate λ0 enters as `prior_years` (½ year) of average behaviour:
//   λ = (n − 1 + λ0·½) / (T + ½).
// A member seen once today is worth exactly the store's average rhythm; one who came
// weekly for three years is worth almost exactly their own. Why: a rate guessed from two
// visits a week apart (52 a year) is wild; half a year of the store's average tames it
// without drowning real evidence.
//
// Expected remaining lifetime: `horizon_years` (8, the seeds' figure) years, year t
// counted with the yearly retention probability r^t (r = 0.85, an assumption until a
// store measures its own: retail loyalty programmes report 60–90 %), times the chance the
// member is still a customer at all: 1 while the silence since the last visit is at most
// twice the expected gap g = 365/λ days, else 2g / silence (a member silent for four times
// their rhythm counts half).
//   CLV = λ · spend per visit · p_alive · Σ_{t<8} r^t
// The seeds' arithmetic is the simple case (r = 1, p_alive = 1, no shrinking):
//   104 visits a year × ¥100 × 8 years = ¥83,200 (simple_lifetime_value).
// Word of mouth: the seeds say a lost customer tells 20 people; the reach (CLV × 20,
// ¥1.66M in their example) is a figure shown beside the CLV, never added to it.
//
// Value at risk. A member is at risk for any of these reasons (each in words, zh/en):
//   open_complaint  a complaint ticket not yet resolved or closed;
//   bad_rating      within the last 90 days a CSAT of 1–2 or an NPS answer of 0–6
//                   (a detractor);
//   lapsing         silence > 3 × the median gap and > 60 days (needs two visits).
// The amount at risk is what keeping the member is worth: the CLV with p_alive = 1 (a
// lapsing member's CLV already counts the doubt; the amount at risk is what is lost if
// the doubt comes true). 0 when no reason holds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kefu::people {

// One day of a member's purchases (from the POS orders).
struct PurchaseDay {
  int64_t day = 0;        // days since 1970-01-01 in Asia/Shanghai (local_day)
  int64_t paid_fen = 0;   // paid that day, returns netted (may be negative)
  int64_t sales_fen = 0;  // paid on sale lines only: > 0 makes the day a visit
};

// The store's averages the estimates shrink towards (or the defaults, value.cpp, while a
// store has too little history).
struct ValuePrior {
  double visits_per_year = 0;
  int64_t spend_per_visit_fen = 0;
};

struct ValueModel {
  int horizon_years = 8;
  double yearly_retention = 0.85;
  double prior_years = 0.5;
  int prior_visits = 3;
  int people_told = 20;
  int risk_rating_days = 90;
  int lapse_factor = 3;
  int lapse_min_days = 60;
};

// When the store has no usable history: 12 visits a year at ¥300 a visit.
ValuePrior default_prior();

struct Rhythm {
  int visits = 0;
  std::optional<int64_t> first_day, last_day;
  std::optional<double> median_gap_days, p25_gap_days, p75_gap_days;  // from two visits
};

struct Value {
  Rhythm rhythm;
  int64_t paid_total_fen = 0;  // all time, returns netted
  int64_t own_spend_per_visit_fen = 0;
  int64_t spend_per_visit_fen = 0;  // shrunk
  double visits_per_year = 0;       // shrunk
  int64_t silence_days = 0;         // since the last visit (0 without one)
  double p_alive = 1;
  double expected_years = 0;        // p_alive · Σ r^t
  int64_t clv_fen = 0;              // customer lifetime value
  int64_t clv_if_retained_fen = 0;  // the same with p_alive = 1
  int64_t word_of_mouth_fen = 0;    // clv_if_retained × people told: shown, not added
};

// A rating the member gave: a CSAT (1–5) or an NPS answer (0–10).
struct Rating {
  std::string kind;  // "csat" | "nps"
  int score = 0;
  int64_t at_ms = 0;
};

struct RiskSignals {
  int open_complaints = 0;
  std::vector<Rating> ratings;
};

struct RiskReason {
  std::string code;  // open_complaint | bad_rating | lapsing
  std::string zh, en;
};

struct Risk {
  bool at_risk = false;
  int64_t amount_fen = 0;
  std::vector<RiskReason> reasons;
};

// The day of an instant in Asia/Shanghai.
int64_t local_day(int64_t ms);

// Days must be in ascending order, one entry per day.
Rhythm rhythm_of(const std::vector<PurchaseDay>& days);

Value value_of(const std::vector<PurchaseDay>& days, const ValuePrior& prior, int64_t now_ms,
               const ValueModel& model = {});

Risk risk_of(const Value& value, const RiskSignals& signals, int64_t now_ms, const ValueModel& model = {});

// The seeds' arithmetic: visits a year × spend per visit × years, in fen.
int64_t simple_lifetime_value(double visits_per_year, int64_t spend_per_visit_fen, double years);

}  // namespace kefu::people
