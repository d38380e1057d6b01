// Personal-data rights (个人信息请求): find a person and what is held on them (the dry run),
// export it as a ZIP through a one-time link, erasure requests under the two-person rule,
// retention rules and their runs, the audit of all of it. A person is named in bodies only
// (POST), never in URLs: a phone stays out of access logs and browser history.
#include <algorithm>
#include <chrono>
#include <memory>

#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "privacy/api/blobs.hpp"
#include "privacy/api/render.hpp"
#include "privacy/app/erasure.hpp"
#include "privacy/app/export.hpp"
#include "privacy/app/privacy_audit.hpp"
#include "privacy/app/retention.hpp"
#include "tickets/api/blob_store.hpp"

namespace kefu::api {

// Deletes the blobs an erasure freed, after its commit, off the io threads. A blob that a
// row names again meanwhile (the same photo uploaded anew) stays.
void delete_freed_blobs(Services& s, std::vector<std::string> shas) {
  if (shas.empty()) return;
  try {
    run_slow(s, [&s, shas = std::move(shas)] {
      auto& reader = s.db.reader();
      storage::Snapshot snap(reader);
      auto& people = reader.get<storage::PersonDataStore>();
      BlobStore(s.attachments_dir).collect(std::chrono::seconds(0), [&](const std::string& sha) {
        return std::find(shas.begin(), shas.end(), sha) == shas.end() || people.blob_named(sha);
      });
    });
  } catch (const std::exception&) {
    // busy: `kefu blobs gc` collects them later (no row names them)
  }
}

namespace {

app::PersonQuery person_query(const nlohmann::json& b) { return {maybe_int(b, "member_id"), opt_string(b, "phone")}; }

// write() whose reply also deletes the blobs the use case freed.
template <class Fn>
void write_freeing(Services& s, http::Request& req, http::Reply reply, const people::Actor& actor, Fn fn) {
  auto freed = std::make_shared<std::vector<std::string>>();
  write(
      s, req,
      [&s, reply, freed](http::Response r) {
        reply(std::move(r));
        delete_freed_blobs(s, std::move(*freed));
      },
      actor, [fn, freed](app::Context& c) { return fn(c, *freed); });
}

void search(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto q = person_query(parse_object(req));
  read(s, req, reply, actor, [q](app::Context& c) { return ok(200, render_person(app::find_person(c, q))); });
}

void create_export(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto q = person_query(parse_object(req));
  ignore_idempotency_key(req);  // the link is shown once
  write(s, req, std::move(reply), actor, [q](app::Context& c) {
    auto l = app::create_export(c, q);
    auto body = render_person(l.person);
    body["token"] = l.token;
    body["path"] = l.path;
    body["expires_at"] = l.expires_at;
    return ok(201, body);
  });
}

void download_export(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto token = req.params["token"];
  auto request = std::make_shared<http::Request>(req);
  auto key = std::make_shared<storage::PersonKey>();
  // First the one-time use (a write), then the archive off the io threads (a read).
  write(
      s, req,
      [&s, request, reply, actor, key](http::Response r) {
        if (r.status != 200) return reply(std::move(r));
        try {
          read_on_worker(s, *request, reply, actor, [&s, key](app::Context& c) {
            BlobStore blobs(s.attachments_dir);
            auto zip = app::export_zip(c, *key, [&](const std::string& sha) { return blobs.get(sha); });
            auto out = http::Response::text(200, std::move(zip), "application/zip");
            out.set("Content-Disposition",
                    "attachment; filename=\"personal-data-" + std::to_string(c.now_ms) + ".zip\"");
            out.set("Cache-Control", "no-store");
            return out;
          });
        } catch (...) {
          reply(error_response(*request, std::current_exception()));
        }
      },
      actor,
      [token, key](app::Context& c) {
        *key = app::take_export(c, token);
        return ok(200, nlohmann::json::object());
      });
}

void list_requests(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto states = query_list(req, "state");
  auto state = states.empty() ? std::string() : states.front();
  auto limit = static_cast<int>(query_int(req, "limit").value_or(100));
  read(s, req, reply, actor, [state, limit](app::Context& c) {
    auto items = nlohmann::json::array();
    for (const auto& r : app::erasure_requests(c, state, limit)) items.push_back(render_request(r));
    return ok(200, {{"items", items}});
  });
}

void get_request(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) {
    auto r = app::erasure_request(c, id);
    auto body = render_request(r);
    // While it waits, the dry run as of now (what a confirmation would erase).
    body["pending"] =
        r.state == "requested" ? render_person(app::person_of(c, {r.member_id, r.phone})) : nlohmann::json(nullptr);
    return ok(200, body);
  });
}

void create_request(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto q = person_query(b);
  auto reason = req_string(b, "reason");
  write(s, req, std::move(reply), actor,
        [q, reason](app::Context& c) { return ok(201, render_request(app::request_erasure(c, q, reason))); });
}

void confirm_request(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto note = opt_string(parse_object(req, true), "note");
  write_freeing(s, req, std::move(reply), actor, [id, note](app::Context& c, std::vector<std::string>& freed) {
    auto out = app::confirm_erasure(c, id, note);
    freed = out.freed_blobs;
    return ok(200, render_request(out.request));
  });
}

void refuse_request(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto note = req_string(parse_object(req), "note");
  write(s, req, std::move(reply), actor,
        [id, note](app::Context& c) { return ok(200, render_request(app::refuse_erasure(c, id, note))); });
}

void list_rules(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor, [](app::Context& c) {
    auto items = nlohmann::json::array();
    for (const auto& r : app::retention_rules(c)) items.push_back(render_rule(r));
    return ok(200, {{"items", items}});
  });
}

void put_rule(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto kind = req.params["kind"];
  auto b = parse_object(req);
  auto enabled = maybe_bool(b, "enabled");
  if (!enabled) throw make_error(errors::kRequired, {{"what", "enabled"}}, "enabled");
  auto days = req_int(b, "days");
  const int d = days < 0 || days > 1'000'000 ? -1 : static_cast<int>(days);  // the use case refuses it
  write(s, req, std::move(reply), actor, [kind, e = *enabled, d](app::Context& c) {
    return ok(200, render_rule(app::put_retention_rule(c, kind, e, d)));
  });
}

void run_retention(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  parse_object(req, true);
  write_freeing(s, req, std::move(reply), actor, [](app::Context& c, std::vector<std::string>& freed) {
    auto run = app::apply_retention(c);
    freed = run.freed_blobs;
    return ok(200, {{"counts", render_counts(run.counts)}, {"photos", freed.size()}});
  });
}

void list_audit(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto before = query_int(req, "before_id").value_or(0);
  auto limit = static_cast<int>(query_int(req, "limit").value_or(100));
  read(s, req, reply, actor, [before, limit](app::Context& c) {
    auto items = nlohmann::json::array();
    for (const auto& e : app::privacy_audit(c, before, limit)) items.push_back(render_audit(e));
    return ok(200, {{"items", items}});
  });
}

}  // namespace

void add_privacy_routes(RouteTable& r) {
  r.add("POST", "/api/v1/privacy/people/search", staff("supervisor", "members:read"), search);
  r.add("POST", "/api/v1/privacy/exports", staff("supervisor", "members:read"), create_export);
  r.add("GET", "/api/v1/privacy/exports/{token}", staff("supervisor", "members:read"), download_export);
  r.add("GET", "/api/v1/privacy/requests", staff("supervisor", "members:read"), list_requests);
  r.add("POST", "/api/v1/privacy/requests", staff("supervisor", "members:write"), create_request);
  r.add("GET", "/api/v1/privacy/requests/{id}", staff("supervisor", "members:read"), get_request);
  r.add("POST", "/api/v1/privacy/requests/{id}/confirm", staff("manager", "members:write"), confirm_request);
  r.add("POST", "/api/v1/privacy/requests/{id}/refuse", staff("manager", "members:write"), refuse_request);
  r.add("GET", "/api/v1/privacy/retention", staff("admin", "admin"), list_rules);
  r.add("PUT", "/api/v1/privacy/retention/{kind}", staff("admin", "admin"), put_rule);
  r.add("POST", "/api/v1/privacy/retention/run", staff("admin", "admin"), run_retention);
  r.add("GET", "/api/v1/privacy/audit", staff("admin", "admin"), list_audit);
}

}  // namespace kefu::api
