// NPS (净推荐值, docs/feedback.md "## NPS"): campaigns, invitations and their links, the
// service-recovery ticket, the report, and the customer's survey page.
#include <cmath>

#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/app/nps_campaigns.hpp"
#include "feedback/app/nps_report.hpp"
#include "feedback/app/nps_survey.hpp"
#include "members/domain/phone.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

json render_campaign(const feedback::Campaign& k) {
  return {{"id", k.id},
          {"name", k.name},
          {"store_ids", k.store_ids},
          {"trigger", k.trigger},
          {"question", k.question},
          {"starts_at", k.starts_at},
          {"ends_at", k.ends_at ? json(k.ends_at) : json(nullptr)},
          {"sample_rate", static_cast<double>(k.sample_ppm) / 1e6},
          {"sample_size", k.sample_size},
          {"cap_days", k.cap_days},
          {"link_days", k.link_days},
          {"active", k.active},
          {"created_at", k.created_at},
          {"updated_at", k.updated_at}};
}

json render_invitation(const feedback::Invitation& v, const people::Actor& viewer) {
  return {{"id", v.id},
          {"campaign_id", v.campaign_id},
          {"store_id", v.store_id},
          {"member_id", or_null(v.member_id)},
          {"phone", viewer.sees_full_phone() ? v.phone : people::mask_phone(v.phone)},
          {"member_tier", v.member_tier},
          {"ticket_id", or_null(v.ticket_id)},
          {"sent_at", v.sent_at},
          {"link_expires_at", v.expires_at ? json(v.expires_at) : json(nullptr)},
          {"opened_at", or_null(v.opened_at)},
          {"answered_at", or_null(v.answered_at)},
          {"score", v.score ? json(*v.score) : json(nullptr)},
          {"category", v.category.empty() ? json(nullptr) : json(v.category)},
          {"reason", v.reason},
          {"topic", v.topic},
          {"feedback_item_id", or_null(v.feedback_item_id)},
          {"recovery_ticket_id", or_null(v.recovery_ticket_id)}};
}

json render_figure(const app::NpsFigure& f) {
  return {{"nps", f.estimate.nps},
          {"low", f.estimate.low},
          {"high", f.estimate.high},
          {"half_width", f.estimate.half_width},
          {"promoters", f.counts.promoters},
          {"passives", f.counts.passives},
          {"detractors", f.counts.detractors},
          {"responses", f.counts.total()},
          {"minimum_sample", f.minimum_sample},
          {"trusted", f.trusted},
          {"invited", f.invited},
          {"sent", f.sent},
          {"answered", f.answered},
          {"response_rate", f.response_rate}};
}

// The campaign a body describes (POST and PUT take every field; absent ones take defaults).
feedback::Campaign campaign_of(const json& b) {
  feedback::Campaign k;
  k.name = req_string(b, "name");
  k.store_ids = int_list(b, "store_ids");
  k.trigger = opt_string(b, "trigger", "resolved_ticket");
  k.question = opt_string(b, "question");
  k.starts_at = maybe_time(b, "starts_at").value_or(0);
  k.ends_at = maybe_time(b, "ends_at").value_or(0);
  if (b.contains("sample_rate") && !b["sample_rate"].is_null()) {
    if (!b["sample_rate"].is_number())
      throw make_error(errors::kInvalidType, {{"field", "sample_rate"}, {"expected", Text("数字", "a number")}},
                       "sample_rate");
    k.sample_ppm = std::llround(std::clamp(b["sample_rate"].get<double>(), -1.0, 2.0) * 1e6);
  }
  k.sample_size = maybe_int(b, "sample_size").value_or(0);
  k.cap_days = static_cast<int>(std::clamp<int64_t>(maybe_int(b, "cap_days").value_or(90), -1, 100000));
  k.link_days = static_cast<int>(std::clamp<int64_t>(maybe_int(b, "link_days").value_or(14), -1, 1000));
  k.active = maybe_bool(b, "active").value_or(true);
  return k;
}

void list_campaigns(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor, [](app::Context& c) {
    json items = json::array();
    for (const auto& k : app::list_campaigns(c)) items.push_back(render_campaign(k));
    return ok(200, {{"items", items}});
  });
}

void create_campaign(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto k = campaign_of(parse_object(req));
  write(s, req, std::move(reply), actor,
        [k](app::Context& c) { return ok(201, render_campaign(app::create_campaign(c, k))); });
}

void get_campaign(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) { return ok(200, render_campaign(app::get_campaign(c, id))); });
}

void update_campaign(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  auto k = campaign_of(parse_object(req));
  write(s, req, std::move(reply), actor,
        [id, k](app::Context& c) { return ok(200, render_campaign(app::update_campaign(c, id, k))); });
}

void sample(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  write(s, req, std::move(reply), actor, [id, actor](app::Context& c) {
    const auto run = app::sample_members(c, id);
    json invited = json::array();
    for (const auto& v : run.invited) invited.push_back(render_invitation(v, actor));
    return ok(200, {{"candidates", run.candidates}, {"capped", run.capped}, {"invited", invited}});
  });
}

std::optional<bool> query_bool(const http::Request& req, const char* name) {
  const auto v = req.query_value(name);
  if (v.empty()) return std::nullopt;
  return v == "true" || v == "1";
}

// GET /feedback/nps/invitations?campaign_id&store_id&category&answered&before&limit
void list_invitations(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::InvitationQuery q{.campaign_id = query_int(req, "campaign_id"),
                         .store_id = query_int(req, "store_id"),
                         .category = req.query_value("category"),
                         .answered = query_bool(req, "answered"),
                         .before_id = query_int(req, "before"),
                         .limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(50), 1, 200))};
  read(s, req, reply, actor, [q, actor](app::Context& c) {
    json items = json::array();
    for (const auto& v : app::list_invitations(c, q)) items.push_back(render_invitation(v, actor));
    return ok(200, {{"items", items}});
  });
}

void issue_link(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  write(s, req, std::move(reply), actor, [id](app::Context& c) {
    const auto l = app::issue_link(c, id);
    return ok(201, {{"token", l.token}, {"path", l.path}, {"expires_at", l.expires_at}});
  });
}

void recovery(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  write(s, req, std::move(reply), actor, [id](app::Context& c) {
    return ok(201, {{"ticket_id", app::open_recovery_ticket(c, id)}});
  });
}

// GET /feedback/nps?store_id&from&to&tier&campaign_id&period
void report(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::NpsReportQuery q;
  q.store_id = query_int(req, "store_id");
  q.from = query_time(req, "from").value_or(0);
  q.to = query_time(req, "to").value_or(0);
  q.member_tier = req.query_value("tier");
  q.campaign_id = query_int(req, "campaign_id");
  if (const auto p = req.query_value("period"); !p.empty()) q.period = p;
  read(s, req, reply, actor, [q](app::Context& c) {
    const auto r = app::nps_report(c, q);
    json stores = json::array(), periods = json::array(), reasons = json::array();
    for (const auto& [id, f] : r.by_store) {
      auto j = render_figure(f);
      j["store_id"] = id;
      stores.push_back(std::move(j));
    }
    for (const auto& [key, f] : r.by_period) {
      auto j = render_figure(f);
      j["period"] = key;
      periods.push_back(std::move(j));
    }
    for (const auto& t : r.reasons)
      reasons.push_back({{"topic", t.topic}, {"promoters", t.promoters}, {"detractors", t.detractors}});
    return ok(200, {{"overall", render_figure(r.overall)},
                    {"margin", app::kNpsTrustMargin},
                    {"period", q.period},
                    {"by_store", stores},
                    {"by_period", periods},
                    {"reasons", reasons}});
  });
}

std::string token_of(const http::Request& req) {
  auto it = req.params.find("token");
  return it == req.params.end() ? std::string() : it->second;
}

// The customer's page: opening it records when (a write), so the GET runs on the writer.
void public_view(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  write(s, req, std::move(reply), people::customer_actor(), [token](app::Context& c) {
    const auto v = app::open_survey(c, token);
    return ok(200, {{"question", v.question},
                    {"store_name", v.store_name},
                    {"expires_at", v.expires_at},
                    {"answered", v.answered},
                    {"score", v.score ? json(*v.score) : json(nullptr)},
                    {"reason", v.reason}});
  });
}

void public_answer(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  auto b = parse_object(req);
  const auto score = req_int(b, "score");
  const auto reason = opt_string(b, "reason");
  ignore_idempotency_key(req);                                             // anonymous callers share one actor
  const int sc = score < -1 || score > 11 ? -1 : static_cast<int>(score);  // out of 0–10 is refused
  write(s, req, std::move(reply), people::customer_actor(), [token, sc, reason](app::Context& c) {
    const auto a = app::answer_survey(c, token, sc, reason);
    return ok(201, {{"score", a.score}, {"category", a.category}});
  });
}

}  // namespace

void add_feedback_nps_routes(RouteTable& r) {
  const auto reader = staff("agent", "feedback:read");
  const auto manager = staff("manager", "feedback:write");
  r.add("GET", "/api/v1/feedback/nps", reader.on(Reach::store), report);
  r.add("GET", "/api/v1/feedback/nps/campaigns", reader, list_campaigns);
  r.add("POST", "/api/v1/feedback/nps/campaigns", manager.on(Reach::store), create_campaign);
  r.add("GET", "/api/v1/feedback/nps/campaigns/{id}", reader.on(Reach::nps_campaign), get_campaign);
  r.add("PUT", "/api/v1/feedback/nps/campaigns/{id}", manager.on(Reach::nps_campaign), update_campaign);
  r.add("POST", "/api/v1/feedback/nps/campaigns/{id}/sample", manager.on(Reach::nps_campaign), sample);
  r.add("GET", "/api/v1/feedback/nps/invitations", reader, list_invitations);
  r.add("POST", "/api/v1/feedback/nps/invitations/{id}/link",
        staff("agent", "feedback:write").on(Reach::nps_invitation), issue_link);
  r.add("POST", "/api/v1/feedback/nps/invitations/{id}/recovery",
        staff("agent", "tickets:write").on(Reach::nps_invitation), recovery);
  r.add("GET", "/api/v1/public/nps/{token}", customer(), public_view);
  r.add("POST", "/api/v1/public/nps/{token}", customer(), public_answer);
}

}  // namespace kefu::api
