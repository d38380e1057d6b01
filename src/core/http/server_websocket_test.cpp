// WebSockets through the real server, spoken from the wire by a minimal client here (the
// handshake, masked client frames, unmasked server frames): echo and server-initiated
// messages in order, refusal of plain requests, oversized messages, the peer's close and
// the server's shutdown.
#include "core/http/server_test_support.hpp"

namespace kefu::http {
namespace {

using namespace test_support;
using ::testing::HasSubstr;
using ::testing::StartsWith;
constexpr auto kWait = std::chrono::seconds(5);  // generous upper bound, never a timing assertion

std::string upgrade_request(const std::string& target) {
  return "GET " + target +
         " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

// A client frame (RFC 6455 5.2): FIN, the opcode, masked payload.
std::string client_frame(std::string_view payload, unsigned char opcode = 0x1) {
  std::string f;
  f += static_cast<char>(0x80 | opcode);
  if (payload.size() < 126) {
    f += static_cast<char>(0x80 | payload.size());
  } else {
    f += static_cast<char>(0x80 | 126);
    f += static_cast<char>((payload.size() >> 8) & 0xff);
    f += static_cast<char>(payload.size() & 0xff);
  }
  const unsigned char mask[4] = {0x12, 0x34, 0x56, 0x78};
  for (unsigned char m : mask) f += static_cast<char>(m);
  for (std::size_t i = 0; i < payload.size(); ++i) f += static_cast<char>(payload[i] ^ mask[i % 4]);
  return f;
}

struct Frame {
  unsigned char opcode = 0;
  std::string payload;
};

// The next frame the server sent (servers never mask), nullopt when the connection ends.
std::optional<Frame> read_frame(Client& c) {
  auto head = c.read_bytes(2);
  if (!head) return std::nullopt;
  Frame f;
  f.opcode = static_cast<unsigned char>((*head)[0]) & 0x0f;
  std::size_t len = static_cast<unsigned char>((*head)[1]) & 0x7f;
  if (len == 126) {
    auto ext = c.read_bytes(2);
    if (!ext) return std::nullopt;
    len = (static_cast<unsigned char>((*ext)[0]) << 8) | static_cast<unsigned char>((*ext)[1]);
  } else if (len == 127) {
    auto ext = c.read_bytes(8);
    if (!ext) return std::nullopt;
    len = 0;
    for (char b : *ext) len = (len << 8) | static_cast<unsigned char>(b);
  }
  auto body = c.read_bytes(len);
  if (!body) return std::nullopt;
  f.payload = std::move(*body);
  return f;
}

// The next text message, skipping pings.
std::optional<std::string> read_text(Client& c) {
  for (;;) {
    auto f = read_frame(c);
    if (!f) return std::nullopt;
    if (f->opcode == 0x9 || f->opcode == 0xA) continue;
    if (f->opcode != 0x1) return "<opcode " + std::to_string(f->opcode) + ">";
    return f->payload;
  }
}

struct SocketProbe : std::enable_shared_from_this<SocketProbe> {
  std::promise<std::shared_ptr<WebSocket>> opened;
  std::shared_future<std::shared_ptr<WebSocket>> opened_future = opened.get_future().share();
  std::promise<void> closed;
  std::shared_future<void> closed_future = closed.get_future().share();

  // Echoes every message as "echo:<text>".
  Handler handler() {
    return [self = shared_from_this()](Request&, Reply reply) {
      reply(Response::websocket([self](std::shared_ptr<WebSocket> s) {
              s->on_close([self] { self->closed.set_value(); });
              std::weak_ptr<WebSocket> weak = s;
              s->on_message([weak](std::string text) {
                if (auto ws = weak.lock()) ws->send("echo:" + text);
              });
              self->opened.set_value(std::move(s));
            }).set("X-Kefu-Socket", "chat"));
    };
  }
  std::shared_ptr<WebSocket> socket() {
    if (opened_future.wait_for(kWait) != std::future_status::ready) throw std::runtime_error("socket not opened");
    return opened_future.get();
  }
  bool closed_in_time() { return closed_future.wait_for(kWait) == std::future_status::ready; }
};

TEST_F(ServerTest, WebSocketEchoesAndSendsFromOtherThreadsInOrder) {
  auto probe = std::make_shared<SocketProbe>();
  router.add("GET", "/api/socket", probe->handler());
  start();
  Client c(port);
  c.send(upgrade_request("/api/socket"));
  const auto head = c.read_until("\r\n\r\n");
  ASSERT_TRUE(head);
  EXPECT_THAT(*head, StartsWith("HTTP/1.1 101 Switching Protocols\r\n"));
  EXPECT_THAT(lowered(*head), HasSubstr("\r\nsec-websocket-accept: s3pplmbitxaq9kygzzhzrbk+xoo=\r\n"));
  EXPECT_THAT(*head, HasSubstr("\r\nX-Kefu-Socket: chat\r\n"));

  c.send(client_frame("你好"));
  EXPECT_EQ(read_text(c), "echo:你好");
  const std::string big(5000, 'x');
  c.send(client_frame(big));
  EXPECT_EQ(read_text(c), "echo:" + big);

  auto s = probe->socket();
  spawn([s] {
    for (int i = 0; i < 50; ++i) EXPECT_TRUE(s->send("n" + std::to_string(i)));
  });
  for (int i = 0; i < 50; ++i) ASSERT_EQ(read_text(c), "n" + std::to_string(i));

  // The client closes: the server answers the close frame, and once the client has gone
  // (as browsers do after the closing handshake) the handler hears of it.
  c.send(client_frame("\x03\xe8", 0x8));
  auto f = read_frame(c);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->opcode, 0x8);
  c.close();
  EXPECT_TRUE(probe->closed_in_time());
  EXPECT_FALSE(s->send("after close"));
}

TEST_F(ServerTest, WebSocketRouteRefusesAPlainRequestAndOversizedMessages) {
  auto probe = std::make_shared<SocketProbe>();
  router.add("GET", "/api/socket", probe->handler());
  start();
  {
    Client plain(port);
    plain.send(get("/api/socket"));
    auto r = plain.read();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 426);
    EXPECT_THAT(r->body, HasSubstr("upgrade_required"));
  }
  Client c(port);
  c.send(upgrade_request("/api/socket"));
  ASSERT_TRUE(c.read_until("\r\n\r\n"));
  std::string huge = client_frame(std::string(70 * 1024, 'y'));
  huge[1] = static_cast<char>(0x80 | 127);  // re-encode the length as 64-bit
  std::string frame;
  frame += huge[0];
  frame += static_cast<char>(0x80 | 127);
  for (int i = 7; i >= 0; --i) frame += static_cast<char>(((70 * 1024) >> (8 * i)) & 0xff);
  frame += huge.substr(4);  // mask and payload
  c.send(frame);
  auto f = read_frame(c);
  ASSERT_TRUE(f) << "the server says why before it closes";
  EXPECT_EQ(f->opcode, 0x8);
  ASSERT_GE(f->payload.size(), 2u);
  EXPECT_EQ((static_cast<unsigned char>(f->payload[0]) << 8) | static_cast<unsigned char>(f->payload[1]), 1009);
  EXPECT_TRUE(probe->closed_in_time());
}

TEST_F(ServerTest, StoppingTheServerClosesWebSocketsWithACloseFrame) {
  auto probe = std::make_shared<SocketProbe>();
  router.add("GET", "/api/socket", probe->handler());
  start();
  Client c(port);
  c.send(upgrade_request("/api/socket"));
  ASSERT_TRUE(c.read_until("\r\n\r\n"));
  probe->socket();
  server->stop();
  auto f = read_frame(c);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->opcode, 0x8);
  c.send(client_frame("", 0x8));  // the client answers the close and goes
  c.close();
  EXPECT_TRUE(probe->closed_in_time());
  server_thread.join();
  EXPECT_TRUE(run_returned);
}

}  // namespace
}  // namespace kefu::http
