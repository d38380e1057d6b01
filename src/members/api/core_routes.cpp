// Members beyond lookup (docs/members.md): search, profile edits, identities, merge and
// unmerge, history, tiers and their rules, points (balance, adjust, redeem, rewards), tags,
// care flags and marketing consent.
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/errors.hpp"
#include "members/api/core_render.hpp"
#include "members/api/render.hpp"
#include "members/app/member_identities.hpp"
#include "members/app/member_merge.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

int limit_of(const http::Request& req, int64_t fallback) {
  return static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(fallback), 1, 200));
}

// GET /members?name&tier&tag&store_id&after&limit
void search(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  // A phone never travels in a URL (access logs, browser history): the desk's lookup is a POST.
  if (!req.query_value("phone").empty())
    throw make_error(errors::kInvalidField,
                     {{"field", "phone"},
                      {"problem", Text("按手机号查找请用 POST /api/v1/members/lookup",
                                       "look a phone up with POST /api/v1/members/lookup")}},
                     "phone");
  app::MemberSearch q{.name_prefix = req.query_value("name"),
                      .tier = req.query_value("tier"),
                      .tag = req.query_value("tag"),
                      .store_id = query_int(req, "store_id"),
                      .after_id = query_int(req, "after").value_or(0),
                      .limit = limit_of(req, 50)};
  read(s, req, reply, actor, [q, actor](app::Context& c) {
    json items = json::array();
    const auto found = app::search_members(c, q);
    for (const auto& m : found) items.push_back(render(m, actor));
    json next = found.size() == static_cast<std::size_t>(q.limit) ? json(found.back().id) : json(nullptr);
    return ok(200, {{"items", items}, {"next_after", next}});
  });
}

// PATCH /members/{id} {name?, birthday?, tier?, home_store_id?}
void update(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  app::MemberChanges in{maybe_string(b, "name"), maybe_string(b, "birthday"), maybe_string(b, "tier"),
                        patch_int(b, "home_store_id")};
  write(s, req, std::move(reply), actor,
        [id, in, actor](app::Context& c) { return ok(200, render(app::update_member(c, id, in), actor)); });
}

void identities(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id, actor](app::Context& c) {
    json items = json::array();
    for (const auto& i : app::member_identities(c, id)) items.push_back(member_render::identity(i, actor));
    return ok(200, {{"items", items}});
  });
}

// POST /members/{id}/identities {kind, value}
void add_identity(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto kind = req_string(b, "kind"), value = req_string(b, "value");
  write(s, req, std::move(reply), actor, [=](app::Context& c) {
    return ok(201, member_render::identity(app::add_member_identity(c, id, kind, value), actor));
  });
}

// POST /members/{id}/identities/remove {kind, value}: 200 {removed}
void remove_identity(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto kind = req_string(b, "kind"), value = req_string(b, "value");
  write(s, req, std::move(reply), actor, [=](app::Context& c) {
    return ok(200, {{"removed", app::remove_member_identity(c, id, kind, value)}});
  });
}

// GET /members/{id}/merge-preview?other_id
void merge_preview(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto other = query_int(req, "other_id").value_or(0);
  read(s, req, reply, actor, [=](app::Context& c) {
    return ok(200, {{"kept_id", id}, {"other_id", other}, {"counts", app::merge_preview(c, id, other)}});
  });
}

// POST /members/{id}/merge {other_id}: the other record is merged into this one.
void merge(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto other = req_int(parse_object(req), "other_id");
  write(s, req, std::move(reply), actor,
        [=](app::Context& c) { return ok(200, member_render::merge(app::merge_members(c, id, other))); });
}

// POST /members/{id}/unmerge {merge_id}
void unmerge(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto merge_id = req_int(parse_object(req), "merge_id");
  write(s, req, std::move(reply), actor,
        [=](app::Context& c) { return ok(200, member_render::merge(app::unmerge_members(c, id, merge_id))); });
}

void merges(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) {
    json items = json::array();
    for (const auto& r : app::member_merges(c, id)) items.push_back(member_render::merge(r));
    return ok(200, {{"items", items}});
  });
}

// GET /members/{id}/history?before&limit
void history(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto before = query_int(req, "before").value_or(0);
  auto limit = limit_of(req, 50);
  read(s, req, reply, actor, [=](app::Context& c) {
    json items = json::array();
    for (const auto& e : app::member_history(c, id, before, limit)) items.push_back(member_render::event(e));
    return ok(200, {{"items", items}});
  });
}

}  // namespace

void add_member_profile_routes(RouteTable& r);  // profile_routes.cpp

void add_member_core_routes(RouteTable& r) {
  r.add("GET", "/api/v1/members", staff("agent", "members:read"), search);
  r.add("PATCH", "/api/v1/members/{id}", staff("agent", "members:write").on(Reach::member), update);
  r.add("GET", "/api/v1/members/{id}/identities", staff("agent", "members:read").on(Reach::member), identities);
  r.add("POST", "/api/v1/members/{id}/identities", staff("agent", "members:write").on(Reach::member), add_identity);
  r.add("POST", "/api/v1/members/{id}/identities/remove", staff("agent", "members:write").on(Reach::member),
        remove_identity);
  r.add("GET", "/api/v1/members/{id}/merge-preview", staff("supervisor", "members:write").on(Reach::member),
        merge_preview);
  r.add("POST", "/api/v1/members/{id}/merge", staff("supervisor", "members:write").on(Reach::member), merge);
  r.add("POST", "/api/v1/members/{id}/unmerge", staff("supervisor", "members:write").on(Reach::member), unmerge);
  r.add("GET", "/api/v1/members/{id}/merges", staff("agent", "members:read").on(Reach::member), merges);
  r.add("GET", "/api/v1/members/{id}/history", staff("agent", "members:read").on(Reach::member), history);
  add_member_profile_routes(r);
}

}  // namespace kefu::api
