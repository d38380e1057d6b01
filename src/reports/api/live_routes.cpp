// The live wallboard (实时大屏): GET /reports/live.
#include "chat/domain/queue.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "reports/app/live.hpp"
#include "tickets/domain/vocabulary.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

template <class Closed>
std::string zh_label(const std::string& code) {
  auto v = Closed::parse(code);
  return v ? std::string(v->zh()) : code;
}

json rate(int64_t part, int64_t whole) { return whole ? json(static_cast<double>(part) / whole) : json(nullptr); }

json render(const storage::LiveBreaching& b) {
  json list = json::array();
  for (const auto& t : b.tickets)
    list.push_back({{"id", t.id},
                    {"number", t.number},
                    {"subject", t.subject},
                    {"store_id", t.store_id},
                    {"owner_id", t.owner_id ? json(*t.owner_id) : json(nullptr)},
                    {"owner_name", t.owner_id ? json(t.owner_name) : json(nullptr)},
                    {"metric", t.metric},
                    {"due_at", t.due_at}});
  return {{"count", b.count}, {"tickets", list}};
}

json render(const app::LiveBoard& b) {
  json contacts = json::array(), queues = json::array(), topics = json::array();
  int64_t total = 0;
  for (const auto& [code, n] : b.contacts) {
    contacts.push_back({{"channel", code}, {"label", zh_label<ticket::Channel>(code)}, {"count", n}});
    total += n;
  }
  int64_t waiting = 0;
  std::optional<int64_t> oldest;
  for (const auto& q : b.queues) {
    queues.push_back({{"queue", q.queue},
                      {"label", zh_label<chat::Queue>(q.queue)},
                      {"waiting", q.waiting},
                      {"longest_wait_ms", std::max<int64_t>(0, b.as_of - q.oldest_queued_at)}});
    waiting += q.waiting;
    if (!oldest || q.oldest_queued_at < *oldest) oldest = q.oldest_queued_at;
  }
  for (const auto& [category, n] : b.tickets.by_category) topics.push_back({{"category", category}, {"count", n}});
  return {
      {"as_of", b.as_of},
      {"from", b.from},
      {"store_id", b.store_id ? json(*b.store_id) : json(nullptr)},
      {"store_name", b.store_name},
      {"timezone", b.timezone},
      {"contacts",
       {{"total", total}, {"tickets", b.tickets.created}, {"chats", b.chats.started}, {"by_channel", contacts}}},
      {"chat",
       {{"waiting", waiting},
        {"longest_wait_ms", oldest ? json(std::max<int64_t>(0, b.as_of - *oldest)) : json(nullptr)},
        {"queues", queues}}},
      {"agents",
       {{"online", b.agents.online},
        {"busy", b.agents.busy},
        {"available", b.agents.online - b.agents.busy},
        {"away", b.agents.away}}},
      {"tickets", {{"open", b.tickets.open}, {"resolved", b.tickets.resolved}}},
      {"breaching", {{"window_ms", app::kDueSoonMs}, {"due_soon", render(b.due_soon)}, {"overdue", render(b.overdue)}}},
      {"csat",
       {{"n", b.csat.n},
        {"avg", b.csat.n ? json(static_cast<double>(b.csat.sum) / b.csat.n) : json(nullptr)},
        {"good_rate", rate(b.csat.good, b.csat.n)}}},
      {"hot_topics", topics},
  };
}

// GET /reports/live?store_id=: the wallboard's figures right now.
void live(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store = query_int(req, "store_id");
  read(s, req, reply, actor, [=](app::Context& c) { return ok(200, render(app::live_board(c, store))); });
}

}  // namespace

void add_live_routes(RouteTable& r) {
  r.add("GET", "/api/v1/reports/live", staff("supervisor", "reports:read").on(Reach::store), live);
}

}  // namespace kefu::api
