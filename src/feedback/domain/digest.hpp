#pragma once
// The weekly feedback digest (反馈周报) a store's managers get on Monday morning: what was
// said most last week, what rose against the four weeks before, in customers' own words.
// Pure: counts per topic and sentiment come in for the week and for the weeks before.
//
// Rising: a topic's count this week against its weekly mean over the weeks before,
// expected = (S + ½) / weeks (the half item lets a topic new this week rise), tested as
// Poisson: p = P(X >= count). A topic rises when count >= `rising_min`, count / expected >=
// `rising_ratio` and p < `alpha`. Weekly counts of one topic are too few to estimate their
// own over-dispersion, so the bar on the ratio and the minimum count do that work; a slow
// rise over several weeks passes too, which is what a digest (unlike the hot board) is for.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "feedback/domain/journey.hpp"

namespace kefu::feedback {

struct DigestRules {
  int top = 5;
  int weeks_before = 4;
  int64_t rising_min = 3;
  double rising_ratio = 1.5;
  double alpha = 0.05;
};

struct TopicWeek {
  std::string topic;
  int64_t count = 0;
  int64_t negative = 0;
};

struct RisingTopic {
  std::string topic;
  int64_t count = 0;
  double expected = 0;  // per week, over the weeks before
  double ratio = 0;
  double p_value = 1;
};

struct DigestFigures {
  int64_t total = 0;  // items of the week
  int64_t negative = 0;
  double weekly_before = 0;         // items per week over the weeks before
  std::vector<TopicWeek> top;       // most said first (ties: more negative, then code); at most `top`
  std::vector<RisingTopic> rising;  // smallest p first
};

// `week` and `before`: per topic × sentiment (touchpoints ignored); items without a topic
// count in the totals only.
DigestFigures digest_figures(const std::vector<JourneyCount>& week, const std::vector<JourneyCount>& before,
                             const DigestRules& rules = {});

// What the email says (zh-CN plain text). names: topic code → name; examples: topic code →
// a few texts customers wrote; link: the hot board in the console ("" none).
struct DigestText {
  std::string store_name;
  std::string week;              // ISO week, "2026-W10"
  std::string from_day, to_day;  // the week's first and last local days
  std::map<std::string, std::string> names;
  std::map<std::string, std::vector<std::string>> examples;
  std::string link;
};
std::string digest_title(const DigestText&);
std::string digest_body(const DigestFigures&, const DigestText&);

}  // namespace kefu::feedback
