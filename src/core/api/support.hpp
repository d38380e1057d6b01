#pragma once
// The shape every handler follows: authenticate → parse → one use case → render.
// Reads run inline on the io thread against this thread's read connection; writes
// run on the database writer and reply after their group commit is durable.
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/api/error_mapping.hpp"
#include "core/api/services.hpp"
#include "core/app/context.hpp"
#include "core/http/message.hpp"

namespace kefu::api {

// The token from "Authorization: Bearer …" or else the kefu_session cookie.
std::string request_token(const http::Request&);

// The caller behind the session cookie or bearer token; throws unauthenticated.
people::Actor authenticate(Services&, const http::Request&);

http::Response ok(int status, const nlohmann::json& body);

using ReadFn = std::function<http::Response(app::Context&)>;
using WriteFn = std::function<http::Response(app::Context&)>;

// Runs fn against a reader and replies.
void read(Services&, const http::Request&, const http::Reply&, const people::Actor&, const ReadFn& fn);

// Runs fn inside a group-committed write and replies once it is on disk. With an
// Idempotency-Key header, a repeated request (same caller, key and body) gets the
// first response again instead of running twice; the same key with another body is
// refused (409 idempotency_key_reused).
// `affinity`: writes with the same non-zero key run on the same writer connection
// (Database::write_for), e.g. a conversation's messages.
void write(Services&, const http::Request&, http::Reply, people::Actor, WriteFn fn, uint64_t affinity = 0);

// For a use case with slow CPU work first (hashing a password): slow() runs on the worker
// pool, then fn(context, its result) as write() runs it; a throw from either is answered
// as an error. busy (429) when the pool takes no more work.
template <class Slow, class Fn>
void write_after(Services& s, const http::Request& req, http::Reply reply, people::Actor actor, Slow slow, Fn fn) {
  auto request = std::make_shared<http::Request>(req);
  run_slow(s, [&s, request, reply, actor, slow = std::move(slow), fn = std::move(fn)]() mutable {
    try {
      auto prepared = slow();
      write(s, *request, reply, actor, [prepared, fn](app::Context& c) { return fn(c, prepared); });
    } catch (...) {
      reply(error_response(*request, std::current_exception()));
    }
  });
}

// For an answer that must not be kept for replay (it holds a secret shown once): the
// request's Idempotency-Key is dropped, so write() stores nothing.
void ignore_idempotency_key(http::Request&);

// Runs work on the worker pool; throws busy (429) when it takes no more.
void run_slow(Services&, std::function<void()> work);

// read() on the worker pool, with that thread's read connection: for a read that costs CPU
// (hundreds of ms: a report over a month), so that no io thread waits on it. busy (429) when
// the pool takes no more work.
void read_on_worker(Services&, const http::Request&, const http::Reply&, const people::Actor&, ReadFn fn);

// Optimistic concurrency: the version from If-Match ("3" or W/"3") or the body's
// "version"; If-Match mismatches are 412, body mismatches 409 (checked by the use case).
std::optional<int64_t> if_match(const http::Request&);

}  // namespace kefu::api
