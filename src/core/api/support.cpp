#include "core/api/support.hpp"

#include "auth/app/auth.hpp"
#include "auth/domain/password.hpp"
#include "core/api/error_mapping.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/storage/platform_stores.hpp"

namespace kefu::api {
std::string request_token(const http::Request& req) {
  auto h = req.header("authorization");
  if (h.size() > 7 && (h.starts_with("Bearer ") || h.starts_with("bearer "))) return h.substr(7);
  return req.cookie("kefu_session");
}

people::Actor authenticate(Services& s, const http::Request& req) {
  if (const auto* checked = std::any_cast<people::Actor>(&req.caller)) return *checked;  // by enforce()
  auto token = request_token(req);
  if (token.empty()) throw make_error(errors::kUnauthenticated);
  const auto now = s.now_ms();
  if (auto cached = s.auth_cache.get(token, now)) return *cached;
  auto actor = app::resolve_actor(s.db.reader(), token, now);
  if (actor) s.auth_cache.put(token, *actor, now);
  if (!actor) throw make_error(errors::kSessionExpired);
  return *actor;
}

// Bytes that are not UTF-8 (from a query or path the answer repeats) become U+FFFD.
http::Response ok(int status, const nlohmann::json& body) {
  return http::Response::json(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void read(Services& s, const http::Request& req, const http::Reply& reply, const people::Actor& actor,
          const ReadFn& fn) {
  app::Context c{s.db.reader(), actor, s.now_ms(), s.segmenter.get()};
  reply(fn(c));
}

void write(Services& s, const http::Request& req, http::Reply reply, people::Actor actor, WriteFn fn,
           uint64_t affinity) {
  std::string key = req.header("idempotency-key");
  if (key.size() > 200)
    throw make_error(errors::kTooLong, {{"what", "Idempotency-Key"}, {"max", 200}}, "Idempotency-Key");
  std::string fingerprint = key.empty() ? "" : people::sha256_hex(req.method + " " + req.path + "\n" + req.body);
  auto result = std::make_shared<http::Response>();
  auto lang = req.header("accept-language");
  s.db.write_for(
      affinity,
      [&s, actor = std::move(actor), fn = std::move(fn), key, fingerprint, result](storage::Stores& r) {
        app::Context c{r, actor, s.now_ms(), s.segmenter.get()};
        if (!key.empty()) {
          if (auto first = r.get<storage::IdempotencyStore>().idempotent(actor.staff_id, key)) {
            if (first->request_hash != fingerprint) throw make_error(errors::kIdempotencyKeyReused);
            *result = http::Response::json(first->status, first->body);
            result->set("Idempotent-Replayed", "true");
            return;
          }
        }
        *result = fn(c);
        if (!key.empty() && result->status < 300)
          r.get<storage::IdempotencyStore>().put_idempotent(actor.staff_id, key,
                                                            {fingerprint, result->status, result->body}, c.now_ms);
      },
      [reply = std::move(reply), result, lang](std::exception_ptr e) {
        reply(e ? error_response(lang, e) : std::move(*result));
      });
}

void ignore_idempotency_key(http::Request& req) {
  std::erase_if(req.headers, [](const auto& h) { return h.first == "idempotency-key"; });
}

void run_slow(Services& s, std::function<void()> work) {
  if (!s.workers.submit(std::move(work))) throw make_error(errors::kBusy);
}

void read_on_worker(Services& s, const http::Request& req, const http::Reply& reply, const people::Actor& actor,
                    ReadFn fn) {
  auto request = std::make_shared<http::Request>(req);
  run_slow(s, [&s, request, reply, actor, fn = std::move(fn)] {
    try {
      read(s, *request, reply, actor, fn);
    } catch (...) {
      reply(error_response(*request, std::current_exception()));
    }
  });
}

std::optional<int64_t> if_match(const http::Request& req) {
  auto h = req.header("if-match");
  if (h.empty()) return std::nullopt;
  if (h.starts_with("W/")) h = h.substr(2);
  if (h.size() >= 2 && h.front() == '"' && h.back() == '"') h = h.substr(1, h.size() - 2);
  try {
    std::size_t used = 0;
    auto v = std::stoll(h, &used);
    if (used == h.size()) return v;
  } catch (...) {
  }
  throw make_error(errors::kInvalidType, {{"field", "If-Match"}, {"expected", Text("版本号", "a version number")}},
                   "If-Match");
}

}  // namespace kefu::api
