#include "feedback/app/feedback_digest.hpp"

#include <chrono>

#include "feedback/app/feedback_items.hpp"
#include "feedback/domain/digest.hpp"
#include "feedback/domain/local_days.hpp"
#include "feedback/storage/feedback_stats_store.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "notifications/app/notifications.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr size_t kExampleChars = 120;  // bytes of UTF-8, cut at a character boundary

std::string shortened(const std::string& text) {
  if (text.size() <= kExampleChars) return text;
  size_t end = kExampleChars;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

std::vector<int64_t> managers_of(Context& c, int64_t store_id) {
  std::vector<int64_t> out;
  auto& org = c.store<storage::OrgStore>();
  for (const char* role : {"manager", "supervisor"}) {
    for (const auto& s : org.staff_in_store(store_id, role)) out.push_back(s.id);
    if (!out.empty()) break;
  }
  return out;
}

}  // namespace

std::vector<DigestSent> send_weekly_digests(Context& c) {
  std::vector<DigestSent> out;
  const feedback::DigestRules rules;
  std::map<std::string, std::string> names;
  for (const auto& t : list_topics(c)) names[t.code] = t.name;
  auto& stats = c.store<storage::FeedbackStatsStore>();
  for (const auto& store : c.store<storage::OrgStore>().stores()) {
    const auto& zone = store.timezone;
    const sys_days today = feedback::local_day(c.now_ms, zone);
    if (feedback::monday_of(today) != today || feedback::local_hour(c.now_ms, zone) < kDigestHour) continue;
    const sys_days first = today - days{7};
    const auto key = feedback::iso_week(first);
    if (!stats.notices("digest", {store.id}, key, key).empty()) continue;  // sent: no need to count
    const int64_t from = feedback::day_start(first, zone);
    const int64_t to = feedback::day_start(today, zone);
    const auto week = stats.journey_counts({{store.id}, from, to});
    if (week.empty()) continue;
    const auto to_whom = managers_of(c, store.id);
    if (to_whom.empty()) continue;
    if (!stats.record_notice({"digest", store.id, "", key, c.now_ms, static_cast<int64_t>(to_whom.size())})) continue;
    const auto before =
        stats.journey_counts({{store.id}, feedback::day_start(first - days{7 * rules.weeks_before}, zone), from});
    const auto figures = feedback::digest_figures(week, before, rules);
    feedback::DigestText text{store.name, key, feedback::day_text(first), feedback::day_text(today - days{1}), names,
                              {},         ""};
    for (const auto& t : figures.top) {
      storage::FeedbackFilter f;
      f.store_ids = {store.id};
      f.from = from;
      f.to = to;
      f.topic = t.topic;
      f.limit = kDigestExamples;
      for (const auto& item : c.store<storage::FeedbackStore>().list_items(f))
        text.examples[t.topic].push_back(shortened(item.text));
    }
    Notice n{"feedback_digest", std::nullopt, feedback::digest_title(text), feedback::digest_body(figures, text), {}};
    n.data = {{"store_id", store.id}, {"week", key}, {"total", figures.total}, {"from", from}, {"to", to}};
    notify(c, to_whom, n);
    out.push_back({store.id, key, to_whom});
  }
  return out;
}

}  // namespace kefu::app
