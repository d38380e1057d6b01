#include "bot/api/chat_completions.hpp"

#include <utility>  // g++ 12 + Boost 1.74 in C++20 mode: must precede the Boost headers

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

namespace kefu::api {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using nlohmann::json;

struct Url {
  std::string host, port, target;
};

// http://host[:port][/prefix] → the completions target under the prefix.
std::optional<Url> parse(std::string_view base) {
  constexpr std::string_view kScheme = "http://";
  if (base.substr(0, kScheme.size()) != kScheme) return std::nullopt;
  base.remove_prefix(kScheme.size());
  const auto slash = base.find('/');
  const auto authority = base.substr(0, slash);
  std::string prefix(slash == std::string_view::npos ? "" : base.substr(slash));
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  const auto colon = authority.rfind(':');
  Url u{std::string(authority.substr(0, colon)),
        colon == std::string_view::npos ? "80" : std::string(authority.substr(colon + 1)),
        prefix + "/v1/chat/completions"};
  if (u.host.empty() || u.port.empty()) return std::nullopt;
  return u;
}

// One exchange on its own io_context: the handlers chain resolve → connect → write → read.
struct Call : std::enable_shared_from_this<Call> {
  explicit Call(asio::io_context& ioc) : resolver(ioc), stream(ioc) {}
  tcp::resolver resolver;
  beast::tcp_stream stream;
  bhttp::request<bhttp::string_body> req;
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bool done = false;

  void start(const Url& u, std::chrono::milliseconds timeout) {
    stream.expires_after(timeout);
    resolver.async_resolve(u.host, u.port, [self = shared_from_this()](error_code ec, tcp::resolver::results_type r) {
      if (ec) return;
      self->stream.async_connect(r, [self](error_code ec, const tcp::endpoint&) {
        if (ec) return;
        bhttp::async_write(self->stream, self->req, [self](error_code ec, std::size_t) {
          if (ec) return;
          bhttp::async_read(self->stream, self->buffer, self->res, [self](error_code ec, std::size_t) {
            self->done = !ec;
            error_code ignored;
            self->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
          });
        });
      });
    });
  }
};

}  // namespace

std::optional<std::string> ChatCompletions::complete(const chat::Generative& g, const bot::Prompt& p) const {
  const auto url = parse(g.base_url);
  if (!url) return std::nullopt;
  const std::chrono::milliseconds timeout{g.timeout_ms};
  asio::io_context ioc;
  auto call = std::make_shared<Call>(ioc);
  auto& req = call->req;
  req.method(bhttp::verb::post);
  req.target(url->target);
  req.version(11);
  req.set(bhttp::field::host, url->host + ":" + url->port);
  req.set(bhttp::field::content_type, "application/json");
  req.set(bhttp::field::user_agent, "kefu-bot");
  if (!g.api_key.empty()) req.set(bhttp::field::authorization, "Bearer " + g.api_key);
  req.body() =
      json{{"model", g.model},
           {"temperature", 0},
           {"messages", {{{"role", "system"}, {"content", p.system}}, {{"role", "user"}, {"content", p.user}}}}}
          .dump();
  req.prepare_payload();
  call->start(*url, timeout);
  ioc.run_for(timeout);  // resolving is not covered by the stream's expiry; this bounds it all
  if (!ioc.stopped()) {  // out of time: cancel what is pending and let its handlers finish
    call->resolver.cancel();
    error_code ignored;
    call->stream.socket().close(ignored);
    ioc.run_for(std::chrono::milliseconds(200));
  }
  if (!call->done || call->res.result() != bhttp::status::ok) return std::nullopt;
  const auto body = json::parse(call->res.body(), nullptr, false);
  if (!body.is_object()) return std::nullopt;
  const auto choices = body.value("choices", json::array());
  if (!choices.is_array() || choices.empty() || !choices[0].is_object()) return std::nullopt;
  const auto message = choices[0].value("message", json::object());
  if (!message.is_object() || !message.contains("content") || !message["content"].is_string()) return std::nullopt;
  auto content = message["content"].get<std::string>();
  if (content.empty()) return std::nullopt;
  return content;
}

const app::Phraser& chat_completions() {
  static const ChatCompletions client;
  return client;
}

}  // namespace kefu::api
