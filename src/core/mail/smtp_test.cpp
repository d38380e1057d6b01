// SmtpMailer::send end to end against a one-connection SMTP sink on 127.0.0.1.
#include "core/mail/smtp.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace kefu::notify {
namespace {

// Listens on an ephemeral loopback port, serves exactly one SMTP session in a
// thread and records the envelope and the DATA. Socket timeouts only keep a broken
// test from hanging; nothing asserts on time.
class OneShotSmtpSink {
 public:
  OneShotSmtpSink() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 1) != 0)
      throw std::runtime_error("sink: bind/listen failed");
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~OneShotSmtpSink() {
    if (thread_.joinable()) thread_.join();
    ::close(listen_fd_);
  }

  int port() const { return port_; }
  // Call after the client is done; waits for the session to end.
  void join() { thread_.join(); }

  std::string mail_from;
  std::vector<std::string> rcpt_to;
  std::string data;
  std::vector<std::string> commands;

 private:
  void serve() {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 20000) != 1) return;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) return;
    timeval tv{20, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    auto reply = [fd](std::string_view line) { (void)!::write(fd, line.data(), line.size()); };
    reply("220 sink.test ESMTP\r\n");
    std::string buf;
    bool in_data = false;
    for (;;) {
      auto eol = buf.find("\r\n");
      if (eol == std::string::npos) {
        char chunk[4096];
        ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n <= 0) break;
        buf.append(chunk, static_cast<std::size_t>(n));
        continue;
      }
      std::string line = buf.substr(0, eol);
      buf.erase(0, eol + 2);
      if (in_data) {
        if (line == ".") {
          in_data = false;
          reply("250 2.0.0 queued\r\n");
        } else {
          data += (line.starts_with(".") ? line.substr(1) : line) + "\r\n";
        }
        continue;
      }
      commands.push_back(line);
      std::string verb = line.substr(0, 4);
      for (auto& c : verb) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (verb == "EHLO" || verb == "HELO") {
        reply("250-sink.test\r\n250 8BITMIME\r\n");
      } else if (verb == "MAIL") {
        mail_from = line.substr(10);  // after "MAIL FROM:"
        reply("250 2.1.0 ok\r\n");
      } else if (verb == "RCPT") {
        rcpt_to.push_back(line.substr(8));  // after "RCPT TO:"
        reply("250 2.1.5 ok\r\n");
      } else if (verb == "DATA") {
        in_data = true;
        reply("354 end with <CRLF>.<CRLF>\r\n");
      } else if (verb == "QUIT") {
        reply("221 2.0.0 bye\r\n");
        break;
      } else {
        reply("502 5.5.2 not implemented\r\n");
      }
    }
    ::close(fd);
  }

  int listen_fd_ = -1;
  int port_ = 0;
  std::thread thread_;
};

std::string decode_body(const std::string& message) {
  auto start = message.find("\r\n\r\n");
  if (start == std::string::npos) return "<no body>";
  std::string b64 = message.substr(start + 4);
  std::string out(b64.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(), b64.size(), "\r\n", &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return "<bad base64>";
  out.resize(len);
  return out;
}

}  // namespace

TEST(SmtpMailer, DeliversToASink) {
  OneShotSmtpSink sink;
  SmtpMailer mailer({.url = "smtp://127.0.0.1:" + std::to_string(sink.port()), .from = "kefu@store.example"});
  ASSERT_TRUE(mailer.enabled());
  const std::string body = "工单 KF261122000123 已超过首次响应时限。\r\n请尽快处理。\r\n";
  mailer.send({"chenjing@store.example", "【超时】工单 KF261122000123 已超时", body});
  sink.join();

  EXPECT_EQ(sink.mail_from, "<kefu@store.example>");
  ASSERT_EQ(sink.rcpt_to.size(), 1u);
  EXPECT_EQ(sink.rcpt_to[0], "<chenjing@store.example>");
  EXPECT_NE(sink.data.find("\r\nTo: chenjing@store.example\r\n"), std::string::npos) << sink.data;
  EXPECT_NE(sink.data.find("\r\nMessage-ID: <"), std::string::npos) << sink.data;
  EXPECT_NE(sink.data.find("@store.example>\r\n"), std::string::npos) << sink.data;
  EXPECT_EQ(decode_body(sink.data), body);
  ASSERT_FALSE(sink.commands.empty());
  EXPECT_EQ(sink.commands.back(), "QUIT");
}

TEST(SmtpMailer, ClosedPortThrows) {
  // Take an ephemeral port and give it back: nothing listens there now.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);

  SmtpMailer mailer({.url = "smtp://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)), .from = "kefu@store.example"});
  try {
    mailer.send({"chenjing@store.example", "s", "b"});
    FAIL() << "send to a closed port did not throw";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("smtp:"), std::string::npos) << e.what();
  }
}

TEST(SmtpMailer, DisabledWithoutUrl) {
  SmtpMailer mailer({.url = "", .from = "kefu@store.example"});
  EXPECT_FALSE(mailer.enabled());
  EXPECT_THROW(mailer.send({"a@b.example", "s", "b"}), std::runtime_error);
}

TEST(SmtpMailer, RefusesHeaderInjectionBeforeConnecting) {
  // No server at this URL: an invalid_argument proves nothing was attempted.
  SmtpMailer mailer({.url = "smtp://127.0.0.1:1", .from = "kefu@store.example"});
  EXPECT_THROW(mailer.send({"a@b.example\r\nBcc: x@evil.example", "s", "b"}), std::invalid_argument);
  EXPECT_THROW(mailer.send({"a@b.example", "s\r\nBcc: x@evil.example", "b"}), std::invalid_argument);
}

TEST(SmtpMailer, OnlySmtpSchemes) {
  SmtpMailer mailer({.url = "file:///tmp/kefu-mail", .from = "kefu@store.example", .timeout_ms = 2000});
  EXPECT_THROW(mailer.send({"a@b.example", "s", "b"}), std::runtime_error);
}

}  // namespace kefu::notify
