#pragma once
// kefu's own small HTTP types. Handlers see only these; Boost.Beast stays inside
// server.cpp so that the rest of the code base compiles fast and never touches sockets.
#include <any>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kefu::http {

struct Request {
  std::string method;                                        // "GET", "POST", ...
  std::string target;                                        // raw target, e.g. "/api/v1/tickets?status=new"
  std::string path;                                          // decoded path without the query string
  std::multimap<std::string, std::string> query;             // decoded query parameters
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::map<std::string, std::string> params;                 // path parameters filled by the router ({id})
  std::string body;
  std::string remote;  // peer address, for the access log and login throttling
  std::string route;   // the matched route pattern, e.g. "/api/v1/tickets/{id}"
  std::any caller;     // who is calling, once the application has checked (api/access.hpp)

  // Case-insensitive header lookup; empty when absent.
  std::string header(std::string_view name) const;
  // Value of one cookie from the Cookie header; empty when absent.
  std::string cookie(std::string_view name) const;
  // First value of a query parameter; empty when absent.
  std::string query_value(std::string_view name) const;
  bool has_query(std::string_view name) const;
};

// A Server-Sent Events stream (text/event-stream) to one client, obtained through
// Response::event_stream. Shared and thread-safe: any thread may send, and events are
// written in the order their send() calls returned. send() and comment() only queue and
// never block; they return false once the stream is closed: the client went away, was
// too slow (more than ServerOptions::stream_max_queued_bytes waiting: it is
// disconnected), the handler called close(), or the server is stopping.
class EventStream {
 public:
  virtual ~EventStream() = default;
  // Queues "id: <id>\n" (when not empty), "event: <event>\n" (when not empty), one
  // "data: <line>\n" per line of data (split at \n, \r\n or \r; at least one) and a
  // blank line. CR and LF in event and id are dropped.
  virtual bool send(std::string_view event, std::string_view data, std::string_view id = {}) = 0;
  // Queues a comment (": <text>\n" per line, then a blank line), e.g. a keep-alive ping;
  // clients ignore it.
  virtual bool comment(std::string_view text) = 0;
  // Ends the stream: what is queued is still written, then the connection closes.
  virtual void close() = 0;
  virtual bool open() const = 0;
  // Runs fn once when the stream closes, for whatever reason, on the thread that closed
  // it (often an io thread: do not block); at once, on this thread, if already closed.
  // The place to unsubscribe. fn may call send() (which returns false).
  virtual void on_close(std::function<void()> fn) = 0;
};

// A WebSocket (RFC 6455) to one client, obtained through Response::websocket. Text
// messages only. Shared and thread-safe like EventStream: any thread may send; messages
// are written in the order their send() calls returned; send() only queues, and returns
// false once the socket is closed (the client went away or sent a close, too slow a
// client, close(), the server stopping). Incoming messages reach on_message on an io
// thread, one at a time and in order: hand slow work on, do not block.
class WebSocket {
 public:
  virtual ~WebSocket() = default;
  virtual bool send(std::string_view text) = 0;
  // Ends the socket: what is queued is still written, then a close frame.
  virtual void close() = 0;
  virtual bool open() const = 0;
  virtual void on_close(std::function<void()> fn) = 0;
  // Set it in on_open: messages arriving before are dropped.
  virtual void on_message(std::function<void(std::string)> fn) = 0;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Set (by event_stream) to answer with an event stream instead of a body.
  std::function<void(std::shared_ptr<EventStream>)> on_stream;
  // Set (by websocket) to accept a WebSocket upgrade instead of answering.
  std::function<void(std::shared_ptr<WebSocket>)> on_websocket;

  Response& set(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  static Response json(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.set("Content-Type", "application/json; charset=utf-8");
    r.set("Cache-Control", "no-store");  // answers about people and tickets stay out of caches
    return r;
  }
  static Response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8") {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.set("Content-Type", std::move(content_type));
    return r;
  }
  // Answers 200 with a text/event-stream kept open after the reply. The server writes
  // the header (Content-Type, Cache-Control: no-cache, X-Accel-Buffering: no, no length,
  // close-delimited) and then calls on_open with the stream on an io thread; keep the
  // stream, send from any thread. status and body are ignored; other headers set on the
  // response are sent. See server.hpp for pings, limits and shutdown.
  static Response event_stream(std::function<void(std::shared_ptr<EventStream>)> on_open) {
    Response r;
    r.on_stream = std::move(on_open);
    return r;
  }
  // Accepts the request's WebSocket upgrade (101) and calls on_open with the socket on an
  // io thread. A request that is no upgrade gets 426 instead. See server.hpp.
  static Response websocket(std::function<void(std::shared_ptr<WebSocket>)> on_open) {
    Response r;
    r.on_websocket = std::move(on_open);
    return r;
  }
};

// Completes one request. May be called from any thread, exactly once; the server
// moves the response back onto the connection's executor.
using Reply = std::function<void(Response)>;

// A handler either calls reply before returning (synchronous reads) or hands it to
// work that finishes later (group-committed writes, password hashing). An exception
// thrown by the handler itself is turned into a response by the server's ErrorMapper.
using Handler = std::function<void(Request&, Reply)>;

// Maps an exception escaping a handler to a response (the one error mapping lives in api/).
using ErrorMapper = std::function<Response(const Request&, std::exception_ptr)>;

}  // namespace kefu::http
