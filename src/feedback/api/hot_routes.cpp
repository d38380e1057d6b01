// Hot issues and the customer journey map (docs/feedback.md): read-only figures over the
// feedback inbox for supervisors and above.
#include "core/api/error_mapping.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "feedback/app/feedback_hot.hpp"
#include "feedback/app/feedback_journey.hpp"
#include "feedback/domain/local_days.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

// Both read a month of items (about 0.2–0.3 s at 100,000 items a month on SQLite, measured:
// docs/feedback.md): on the worker pool, with that thread's read connection, so that no io
// thread waits on them (read_on_worker).

json issue_json(const app::HotIssue& h) {
  json examples = json::array();
  for (const auto& e : h.examples)
    examples.push_back({{"id", e.id}, {"text", e.text}, {"said_at", e.said_at}, {"sentiment", e.sentiment}});
  return {{"store_id", h.store_id},
          {"store_name", h.store_name},
          {"topic", h.spike.topic},
          {"topic_name", h.topic_name},
          {"observed", h.spike.observed},
          {"expected", h.spike.expected},
          {"ratio", h.spike.ratio},
          {"p_value", h.spike.p_value},
          {"q_value", h.spike.q_value},
          {"dispersion", h.spike.dispersion},
          {"from", h.from},
          {"to", h.to},
          {"history", {{"from_day", h.history_from}, {"counts", h.history}}},
          {"examples", examples},
          {"item_ids", h.item_ids},
          {"notified", h.notified}};
}

// GET /feedback/hot?store_id&day
void hot(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const app::HotQuery q{query_int(req, "store_id"), req.query_value("day")};
  read_on_worker(s, req, reply, actor, [q](app::Context& c) {
    const auto board = app::hot_issues(c, q);
    json issues = json::array();
    for (const auto& h : board.issues) issues.push_back(issue_json(h));
    return ok(200, {{"day", board.day},
                    {"tested", board.tested},
                    {"too_little_data", board.too_little_data},
                    {"overdispersion", board.overdispersion},
                    {"rules",
                     {{"window_days", board.rules.window_days},
                      {"min_history_days", board.rules.min_history_days},
                      {"min_count", board.rules.min_count},
                      {"min_ratio", board.rules.min_ratio},
                      {"fdr", board.rules.fdr}}},
                    {"issues", issues}});
  });
}

json period_json(const feedback::PeriodFigures& f) {
  return {{"volume", f.volume},
          {"negative", f.negative},
          {"positive", f.positive},
          {"negative_share", or_null(f.negative_share)}};
}

json stage_json(const feedback::Stage& st, const std::map<std::string, std::string>& names) {
  json topics = json::array();
  for (const auto& t : st.top_topics) {
    const auto name = names.find(t.topic);
    topics.push_back({{"topic", t.topic},
                      {"topic_name", name == names.end() ? t.topic : name->second},
                      {"count", t.count},
                      {"negative", t.negative}});
  }
  return {{"touchpoint", st.touchpoint},
          {"current", period_json(st.current)},
          {"previous", period_json(st.previous)},
          {"top_topics", topics},
          {"z", or_null(st.z)},
          {"p_value", or_null(st.p_value)},
          {"trend", st.trend}};
}

// GET /feedback/journey?store_id&from&to (default: the last 30 days)
void journey(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto to = query_time(req, "to").value_or(s.now_ms());
  const app::JourneyQuery q{query_int(req, "store_id"), query_time(req, "from").value_or(to - 30 * feedback::kDayMs),
                            to};
  read_on_worker(s, req, reply, actor, [q](app::Context& c) {
    const auto m = app::customer_journey(c, q);
    json stages = json::array();
    for (const auto& st : m.journey.stages) stages.push_back(stage_json(st, m.topic_names));
    return ok(200, {{"store_id", q.store_id ? json(*q.store_id) : json(nullptr)},
                    {"from", q.from},
                    {"to", q.to},
                    {"previous_from", m.previous_from},
                    {"stages", stages},
                    {"without_touchpoint", m.journey.without_touchpoint},
                    {"previous_without_touchpoint", m.journey.previous_without_touchpoint}});
  });
}

}  // namespace

void add_feedback_hot_routes(RouteTable& r) {
  const auto reader = staff("supervisor", "feedback:read");
  r.add("GET", "/api/v1/feedback/hot", reader, hot);
  r.add("GET", "/api/v1/feedback/journey", reader, journey);
}

}  // namespace kefu::api
