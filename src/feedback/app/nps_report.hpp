#pragma once
// The NPS report (GET /api/v1/feedback/nps): the score with its adjusted-Wald interval
// (feedback/domain/nps.hpp), the counts, the minimum sample for the margin and whether the
// figure is trusted, the response rate, by store and by period, and the reasons by topic.
// Invitations are counted by when they were made: a period's response rate and score are
// those of its invitations. Sent = a link was issued (kefu cannot reach a customer without
// one), so the response rate is answered / invitations with a link.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "feedback/domain/nps.hpp"

namespace kefu::app {

inline constexpr double kNpsTrustMargin = 10;  // points: trusted when the half-width is at most this

struct NpsReportQuery {
  std::optional<int64_t> store_id;  // none: every store the caller serves
  int64_t from = 0;                 // required, ms
  int64_t to = 0;                   // required, ms; at most 400 days after from
  std::string member_tier;          // "" every tier
  std::optional<int64_t> campaign_id;
  std::string period = "month";  // week | month (Asia/Shanghai, weeks from Monday)
};

struct NpsFigure {
  feedback::NpsCounts counts;
  feedback::NpsEstimate estimate;
  int64_t minimum_sample = 0;  // for kNpsTrustMargin at the observed split
  bool trusted = false;
  int64_t invited = 0;  // invitations made (by the trigger or a sample)
  int64_t sent = 0;     // of which a link was issued (only a link reaches the customer)
  int64_t answered = 0;
  double response_rate = 0;  // answered / sent, 0 with none sent
};

struct NpsTopicCount {
  std::string topic;  // the reason's effective topic; "" not yet classified
  int64_t promoters = 0;
  int64_t detractors = 0;
};

struct NpsReport {
  NpsFigure overall;
  std::vector<std::pair<int64_t, NpsFigure>> by_store;       // store id
  std::vector<std::pair<std::string, NpsFigure>> by_period;  // "2026-11" or "2026-11-16" (the week's Monday)
  std::vector<NpsTopicCount> reasons;                        // most promoters + detractors first
};

// Agents and above with feedback:read, of the stores they serve (another store: 404).
NpsReport nps_report(Context&, const NpsReportQuery&);

}  // namespace kefu::app
