#include "feedback/domain/verification.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "feedback/domain/distributions.hpp"

namespace kefu::feedback {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

RecurrenceEffect recurrence_effect(const ActionWindow& b, const ActionWindow& a, double alpha) {
  RecurrenceEffect e;
  const double c1 = static_cast<double>(b.contacts), c2 = static_cast<double>(a.contacts);
  e.before_rate = b.items / c1 * 1000;
  e.after_rate = a.items / c2 * 1000;
  e.rate_ratio = b.items > 0 ? e.after_rate / e.before_rate : std::numeric_limits<double>::quiet_NaN();
  const int64_t k = b.items + a.items;
  const double pi0 = c2 / (c1 + c2);
  e.p_value = binomial_lower_tail(a.items, k, pi0);
  e.ratio_low = 0;
  e.ratio_high = kInf;
  if (k > 0) {
    auto ratio_of = [&](double pi) { return pi >= 1 ? kInf : pi / (1 - pi) * c1 / c2; };
    e.ratio_low = ratio_of(binomial_lower_bound(a.items, k, alpha));
    e.ratio_high = ratio_of(binomial_upper_bound(a.items, k, alpha));
  }
  return e;
}

SatisfactionEffect z_effect(double before, double after, double se) {
  SatisfactionEffect e{before, after, after - before};
  if (se > 0) {
    const double z = e.difference / se;
    e.p_worse = normal_upper_tail(-z);
    e.p_better = normal_upper_tail(z);
  }
  return e;
}

std::optional<SatisfactionEffect> csat_effect(const ActionWindow& b, const ActionWindow& a, int64_t min_responses) {
  if (b.responses < min_responses || a.responses < min_responses) return std::nullopt;
  const double n1 = static_cast<double>(b.responses), n2 = static_cast<double>(a.responses);
  const double p1 = b.satisfied / n1, p2 = a.satisfied / n2;
  const double pooled = (b.satisfied + a.satisfied) / (n1 + n2);
  const double se = std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  SatisfactionEffect e = z_effect(p1 * 100, p2 * 100, se * 100);
  return e;
}

std::optional<SatisfactionEffect> nps_effect(const ActionWindow& b, const ActionWindow& a, int64_t min_responses) {
  const int64_t n1 = b.nps.total(), n2 = a.nps.total();
  if (n1 < min_responses || n2 < min_responses) return std::nullopt;
  auto share_var = [](const NpsCounts& c, double& nps) {
    const double n = static_cast<double>(c.total());
    const double p = c.promoters / n, q = c.detractors / n;
    nps = (p - q) * 100;
    return (p + q - (p - q) * (p - q)) / n;
  };
  double before = 0, after = 0;
  const double var = share_var(b.nps, before) + share_var(a.nps, after);
  return z_effect(before, after, std::sqrt(var) * 100);
}

struct Words {
  std::string zh, en;
};

Words recurrence_words(const RecurrenceEffect& r) {
  const double change = (r.rate_ratio - 1) * 100;
  return {fmt::format("复发率每千次接触 {:.1f} → {:.1f}（{:+.0f}%，p = {:.2g}）", r.before_rate, r.after_rate, change,
                      r.p_value),
          fmt::format("recurrence {:.1f} → {:.1f} per 1,000 contacts ({:+.0f} %, p = {:.2g})", r.before_rate,
                      r.after_rate, change, r.p_value)};
}

Words satisfaction_words(const char* zh_name, const char* en_name, const char* unit,
                         const std::optional<SatisfactionEffect>& e, int64_t min_responses) {
  if (!e) {
    return {fmt::format("{}未衡量（回答少于 {} 份）", zh_name, min_responses),
            fmt::format("{} not measured (fewer than {} answers)", en_name, min_responses)};
  }
  const double p = e->difference < 0 ? e->p_worse : e->p_better;
  return {fmt::format("{} {:.0f}{} → {:.0f}{}（p = {:.2g}）", zh_name, e->before, unit, e->after, unit, p),
          fmt::format("{} {:.0f}{} → {:.0f}{} (p = {:.2g})", en_name, e->before, unit, e->after, unit, p)};
}

Verification decide(Verification v, Verdict verdict, const char* code, const Words& w) {
  v.verdict = verdict;
  v.code = code;
  v.reason_zh = w.zh;
  v.reason_en = w.en;
  return v;
}

}  // namespace

const char* name(Verdict v) {
  switch (v) {
    case Verdict::effective:
      return "effective";
    case Verdict::not_effective:
      return "not_effective";
    case Verdict::not_enough_data:
      return "not_enough_data";
  }
  return "not_enough_data";
}

Verification verify_action(const ActionWindow& before, const ActionWindow& after, bool after_window_complete,
                           const VerificationRules& rules) {
  Verification v;
  const auto wait = Verdict::not_enough_data;
  if (before.contacts <= 0 || after.contacts <= 0) {
    return decide(v, wait, "no_contacts",
                  {"整改前或整改后的时间窗内没有接触量，无法比较", "a window has no contacts: nothing to compare"});
  }
  if (before.items < std::max<int64_t>(1, rules.min_items_before)) {
    return decide(
        v, wait, "too_rare_before",
        {fmt::format("整改前仅 {} 条（至少需要 {} 条），问题太少，无法衡量变化", before.items, rules.min_items_before),
         fmt::format("only {} items before (at least {} needed): too rare to measure a change", before.items,
                     rules.min_items_before)});
  }
  const double pi0 = static_cast<double>(after.contacts) / static_cast<double>(before.contacts + after.contacts);
  if (std::pow(1 - pi0, static_cast<double>(before.items)) > rules.alpha) {
    return decide(
        v, wait, "after_too_short",
        {fmt::format("整改后仅 {} 次接触，即使零复发也还不显著，请继续观察", after.contacts),
         fmt::format("only {} contacts after: even no recurrence would not be significant yet", after.contacts)});
  }

  v.recurrence = recurrence_effect(before, after, rules.alpha);
  v.csat = csat_effect(before, after, rules.min_responses);
  v.nps = nps_effect(before, after, rules.min_responses);
  const Words rec = recurrence_words(v.recurrence);
  const Words csat = satisfaction_words("满意度", "CSAT", "%", v.csat, rules.min_responses);
  const Words nps = satisfaction_words("NPS", "NPS", "", v.nps, rules.min_responses);
  auto sentence = [&](const char* zh, const char* en) {
    return Words{rec.zh + zh + "；" + csat.zh + "；" + nps.zh, rec.en + en + "; " + csat.en + "; " + nps.en};
  };
  const double required = 1 - rules.min_reduction;
  const bool fell = v.recurrence.p_value <= rules.alpha && v.recurrence.rate_ratio <= required;
  if (fell) {
    const bool csat_fell = v.csat && v.csat->p_worse <= rules.alpha;
    const bool nps_fell = v.nps && v.nps->p_worse <= rules.alpha;
    if (csat_fell || nps_fell) {
      return decide(v, Verdict::not_effective, "satisfaction_fell",
                    sentence("，但受影响顾客的满意度显著下降", ", but the affected customers' satisfaction fell"));
    }
    return decide(v, Verdict::effective, "effective", sentence("：显著下降", ": a significant fall"));
  }
  const int reduction = static_cast<int>(std::lround(rules.min_reduction * 100));
  if (v.recurrence.ratio_low > required) {
    return decide(v, Verdict::not_effective, "recurrence_not_reduced",
                  sentence(fmt::format("：降幅确定低于要求的 {}%", reduction).c_str(),
                           fmt::format(": the reduction is surely below the required {} %", reduction).c_str()));
  }
  if (after_window_complete && v.recurrence.p_value <= rules.alpha) {
    return decide(
        v, Verdict::not_effective, "reduction_too_small",
        sentence(fmt::format("：观察期结束，降幅未达要求的 {}%", reduction).c_str(),
                 fmt::format(": the window is over and the fall is below the required {} %", reduction).c_str()));
  }
  if (after_window_complete) {
    return decide(v, Verdict::not_effective, "no_significant_reduction",
                  sentence("：整个观察期内没有显著下降", ": no significant fall over the whole after window"));
  }
  return decide(v, wait, "unclear", sentence("：变化尚不明确，继续观察", ": not clear yet, the window continues"));
}

}  // namespace kefu::feedback
