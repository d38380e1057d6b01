// The automatic quality checks' API (自动质检): rules (the chain's and a store's, with a
// try box), the hits with a link to the exact message, and their counts.
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "quality/app/auto_rules.hpp"

namespace kefu::api {
namespace {

using json = nlohmann::json;

json render_rule(const quality::AutoRule& r) {
  return {{"id", r.id ? json(r.id) : json(nullptr)},
          {"code", r.code},
          {"store_id", r.store_id ? json(r.store_id) : json(nullptr)},
          {"name", r.name},
          {"kind", r.kind.code()},
          {"phrases", r.phrases},
          {"seconds", r.seconds},
          {"threshold", r.threshold},
          {"severity", r.red_line ? "red_line" : "normal"},
          {"enabled", r.enabled},
          {"version", r.version},
          {"updated_at", r.id ? json(r.updated_at) : json(nullptr)},
          {"updated_by", r.id ? json(r.updated_by) : json(nullptr)}};
}

// Where the console shows the message: the ticket at its event, the conversation at its seq.
std::string link_of(const storage::QaAutoHit& h) {
  if (h.subject_kind == "ticket")
    return "/tickets/" + std::to_string(h.subject_id) + "?event=" + std::to_string(h.message_ref);
  return "/chat?c=" + std::to_string(h.subject_id) + "&seq=" + std::to_string(h.message_ref);
}

json render_hit(const storage::QaAutoHit& h) {
  return {{"id", h.id},
          {"rule_code", h.rule_code},
          {"rule_kind", h.rule_kind},
          {"rule_name", h.rule_name},
          {"subject_kind", h.subject_kind},
          {"subject_id", h.subject_id},
          {"ticket_event_id", h.subject_kind == "ticket" ? json(h.message_ref) : json(nullptr)},
          {"message_seq", h.subject_kind == "conversation" ? json(h.message_ref) : json(nullptr)},
          {"staff_id", or_null(h.staff_id)},
          {"store_id", h.store_id},
          {"severity", h.red_line ? "red_line" : "normal"},
          {"excerpt", h.excerpt},
          {"detail", h.detail},
          {"at", h.at},
          {"link", link_of(h)}};
}

bool severity_of(const json& b) {
  const auto s = opt_string(b, "severity", "normal");
  app::check_enum("severity", s, s == "normal" || s == "red_line");
  return s == "red_line";
}

// The fields an editor writes (code, store and kind only when creating).
quality::AutoRule rule_from(const json& b, bool creating) {
  quality::AutoRule r;
  if (creating) {
    r.code = req_string(b, "code");
    r.store_id = maybe_int(b, "store_id").value_or(0);
    r.kind = app::parse_enum<quality::Kind>("kind", req_string(b, "kind"));
  }
  r.name = req_string(b, "name");
  r.phrases = string_list(b, "phrases");
  r.seconds = maybe_int(b, "seconds").value_or(0);
  const auto threshold = maybe_int(b, "threshold").value_or(0);
  r.threshold = threshold < 0 || threshold > 1000 ? -1 : static_cast<int>(threshold);
  r.red_line = severity_of(b);
  r.enabled = maybe_bool(b, "enabled").value_or(true);
  return r;
}

void list_rules(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto store_id = query_int(req, "store_id").value_or(0);
  read(s, req, reply, actor, [store_id](app::Context& c) {
    auto set = app::auto_rules(c, store_id);
    json saved = json::array(), in_force = json::array();
    for (const auto& r : set.saved) saved.push_back(render_rule(r));
    for (const auto& r : set.in_force) in_force.push_back(render_rule(r));
    json kinds = json::array();
    for (const auto& t : quality::Kind::terms()) kinds.push_back({{"code", t.code}, {"zh", t.zh}, {"en", t.en}});
    return ok(200, {{"store_id", store_id ? json(store_id) : json(nullptr)},
                    {"saved", saved},
                    {"in_force", in_force},
                    {"kinds", kinds}});
  });
}

void create_rule(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto in = rule_from(parse_object(req), true);
  write(s, req, std::move(reply), actor,
        [in](app::Context& c) { return ok(201, render_rule(app::create_auto_rule(c, in))); });
}

void update_rule(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto in = rule_from(b, false);
  auto version = if_match(req);
  if (!version) version = maybe_int(b, "version");
  if (!version) throw make_error(errors::kVersionRequired);
  const int v = static_cast<int>(*version);
  write(s, req, std::move(reply), actor,
        [id, in, v](app::Context& c) { return ok(200, render_rule(app::update_auto_rule(c, id, in, v))); });
}

void delete_rule(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, std::move(reply), actor, [id](app::Context& c) {
    app::delete_auto_rule(c, id);
    return ok(200, {{"id", id}, {"deleted", true}});
  });
}

void try_rule(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto rule = rule_from(b, true);
  auto text = req_string(b, "text");
  const bool first = maybe_bool(b, "first").value_or(true);
  const auto delay_s = maybe_int(b, "delay_seconds").value_or(0);
  read(s, req, reply, actor, [rule, text, first, delay_s](app::Context& c) {
    auto t = app::try_auto_rule(c, rule, text, first, delay_s);
    return ok(200, {{"hit", t.hit}, {"detail", t.detail}});
  });
}

std::optional<bool> red_line_query(const http::Request& req) {
  const auto v = req.query_value("severity");
  if (v.empty()) return std::nullopt;
  app::check_enum("severity", v, v == "normal" || v == "red_line");
  return v == "red_line";
}

void list_hits(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::AutoHitFilter f;
  f.store_id = query_int(req, "store_id");
  f.staff_id = query_int(req, "staff_id");
  f.rule_code = req.query_value("rule_code");
  f.red_line = red_line_query(req);
  f.subject_kind = req.query_value("subject_kind");
  f.subject_id = query_int(req, "subject_id");
  f.from = query_time(req, "from").value_or(0);
  f.to = query_time(req, "to").value_or(0);
  f.before_id = query_int(req, "before_id");
  f.limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(50), 1, 200));
  read(s, req, reply, actor, [f](app::Context& c) {
    json items = json::array();
    const auto hits = app::auto_hits(c, f);
    for (const auto& h : hits) items.push_back(render_hit(h));
    const bool more = static_cast<int>(hits.size()) == f.limit;
    return ok(200, {{"items", items}, {"next_before_id", more ? json(hits.back().id) : json(nullptr)}});
  });
}

void hit_counts(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store_id = query_int(req, "store_id");
  auto from = query_time(req, "from");
  auto to = query_time(req, "to");
  if (!from) throw make_error(errors::kRequired, {{"what", "from"}}, "from");
  if (!to) throw make_error(errors::kRequired, {{"what", "to"}}, "to");
  read(s, req, reply, actor, [store_id, from, to](app::Context& c) {
    json items = json::array();
    for (const auto& n : app::auto_hit_counts(c, store_id, *from, *to))
      items.push_back({{"rule_code", n.rule_code},
                       {"staff_id", or_null(n.staff_id)},
                       {"hits", n.hits},
                       {"red_line_hits", n.red_line_hits}});
    return ok(200, {{"from", *from}, {"to", *to}, {"items", items}});
  });
}

}  // namespace

void add_quality_auto_routes(RouteTable& r) {
  r.add("GET", "/api/v1/quality/auto-rules", staff("agent", "quality:read").on(Reach::store), list_rules);
  r.add("POST", "/api/v1/quality/auto-rules", staff("supervisor", "quality:write").on(Reach::store), create_rule);
  r.add("POST", "/api/v1/quality/auto-rules/try", staff("supervisor", "quality:read"), try_rule);
  r.add("PUT", "/api/v1/quality/auto-rules/{id}", staff("supervisor", "quality:write").on(Reach::qa_rule), update_rule);
  r.add("DELETE", "/api/v1/quality/auto-rules/{id}", staff("supervisor", "quality:write").on(Reach::qa_rule),
        delete_rule);
  r.add("GET", "/api/v1/quality/auto-hits", staff("agent", "quality:read").on(Reach::store), list_hits);
  r.add("GET", "/api/v1/quality/auto-hits/counts", staff("supervisor", "quality:read").on(Reach::store), hit_counts);
}

}  // namespace kefu::api
