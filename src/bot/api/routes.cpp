// Bot operations (机器人运营, docs/bot.md): the bot's report, the questions it could not
// answer (grouped) and an admin's two actions on them.
#include "core/api/routes.hpp"

#include "bot/app/bot_ops.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "kb/api/render.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

constexpr int64_t kWeekMs = 7LL * 24 * 3600 * 1000;

json rate(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json day_json(const bot::DayRow& d) {
  json handoffs = json::object();
  for (const auto& [reason, n] : d.handoffs) handoffs[reason] = n;
  json out{{"conversations", d.conversations},
           {"bot_conversations", d.bot_conversations},
           {"resolved", d.resolved},
           {"involvement", rate(d.rates.involvement)},
           {"resolution", rate(d.rates.resolution)},
           {"containment", rate(d.rates.containment)},
           {"handoffs", handoffs}};
  if (!d.day.empty()) {
    out["day"] = d.day;
    out["store_id"] = d.store_id;
  }
  return out;
}

json report_json(const app::BotReport& r) {
  json days = json::array(), faqs = json::array();
  for (const auto& d : r.report.days) days.push_back(day_json(d));
  for (const auto& f : r.report.faqs)
    faqs.push_back({{"faq_id", f.counts.faq_id},
                    {"question", r.faq_questions.at(f.counts.faq_id)},
                    {"answers", f.counts.answers},
                    {"solved", f.counts.solved},
                    {"unsolved", f.counts.unsolved},
                    {"handed_over", f.counts.handed_over},
                    {"solved_rate", rate(f.solved_rate)},
                    {"no_handoff_rate", rate(f.no_handoff_rate)},
                    {"handoff_rate", rate(f.handoff_rate)}});
  return {{"from", r.range.from},
          {"to", r.range.to},
          {"store_id", r.range.store_id ? json(*r.range.store_id) : json(nullptr)},
          {"total", day_json(r.report.total)},
          {"days", days},
          {"faqs", faqs}};
}

json cluster_json(const bot::QuestionCluster& c) {
  return {{"key", c.key},
          {"size", c.size},
          {"questions", c.questions},
          {"stores", c.stores},
          {"last_at", c.last_at},
          {"guess", c.guess ? json{{"faq_id", c.guess->faq_id}, {"question", c.guess->question}} : json(nullptr)}};
}

app::BotOpsRange range_of(Services& s, const http::Request& req, int64_t default_span) {
  const auto to = query_time(req, "to").value_or(s.now_ms());
  return {query_int(req, "store_id"), query_time(req, "from").value_or(to - default_span), to};
}

// The report and the list cost CPU (hundreds of ms at a month of a busy mall's chats:
// docs/bot.md): both run with read_on_worker.

// GET /bot/report?from&to&store_id: per day × store and per FAQ entry (default: the last 7 days).
void report(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto range = range_of(s, req, kWeekMs);
  read_on_worker(s, req, reply, actor,
                 [range](app::Context& c) { return ok(200, report_json(app::bot_report(c, range))); });
}

// GET /bot/unanswered?store_id&from&to: the questions it could not answer, grouped (default:
// 30 days; grouping 500 questions takes 100–300 ms of CPU).
void unanswered(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto range = range_of(s, req, 30 * kWeekMs / 7);
  const app::Knowledge* knowledge = s.knowledge ? s.knowledge : &app::no_knowledge();
  read_on_worker(s, req, reply, actor, [range, knowledge](app::Context& c) {
    const auto list = app::unanswered_questions(c, *knowledge, range);
    json clusters = json::array();
    for (const auto& cl : list.clusters) clusters.push_back(cluster_json(cl));
    return ok(200, {{"clusters", clusters}, {"questions", list.questions}, {"truncated", list.truncated}});
  });
}

// POST /bot/unanswered/resolve {questions, faq_id} | {questions, question, answer, category_id?}
void resolve(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::ResolveQuestions in{string_list(b, "questions"), maybe_int(b, "faq_id"), "", "", maybe_int(b, "category_id")};
  if (!in.faq_id) {
    in.question = req_string(b, "question");
    in.answer = req_string(b, "answer");
  }
  write(s, req, std::move(reply), actor, [in](app::Context& c) {
    const auto r = app::resolve_questions(c, in);
    return ok(200, {{"entry", kb_render::faq(r.entry)}, {"handled", r.handled}});
  });
}

// POST /bot/unanswered/dismiss {questions}
void dismiss(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto questions = string_list(parse_object(req), "questions");
  write(s, req, std::move(reply), actor, [questions](app::Context& c) {
    return ok(200, {{"handled", app::dismiss_questions(c, questions)}});
  });
}

}  // namespace

void add_bot_routes(RouteTable& r) {
  const auto reader = staff("supervisor", "chat:read").on(Reach::store);
  r.add("GET", "/api/v1/bot/report", reader, report);
  r.add("GET", "/api/v1/bot/unanswered", reader, unanswered);
  r.add("POST", "/api/v1/bot/unanswered/resolve", staff("admin", "kb:write"), resolve);
  r.add("POST", "/api/v1/bot/unanswered/dismiss", staff("admin", "kb:write"), dismiss);
}

}  // namespace kefu::api
