#pragma once
// Test support for the HTTP server tests: a tiny blocking HTTP/1.1 client over POSIX
// sockets and a fixture that runs the server on 127.0.0.1 (port 0) in a background thread.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "core/http/server.hpp"

namespace kefu::http::test_support {

using ::testing::HasSubstr;
using ::testing::StartsWith;

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string{} : it->second;
  }
};

inline std::string lowered(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// One client connection; reads Content-Length framed responses (all the server sends).
class Client {
 public:
  explicit Client(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket");
    timeval tv{10, 0};  // a broken server fails the test instead of hanging it
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd_);
      throw std::runtime_error("connect");
    }
  }
  ~Client() { close(); }
  // Closes the connection now (the destructor does too).
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  void send(std::string_view data) {
    while (!data.empty()) {
      const auto n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return;  // the server may close early (413, 431); the answer is still readable
      data.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  // Next response, or nullopt when the connection ends first.
  std::optional<HttpResponse> read() {
    std::size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return std::nullopt;
    }
    HttpResponse r;
    const std::string head = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    std::size_t pos = head.find("\r\n");
    const std::string status_line = head.substr(0, pos);
    r.status = std::stoi(status_line.substr(status_line.find(' ') + 1, 3));
    while (pos != std::string::npos) {
      const std::size_t next = head.find("\r\n", pos + 2);
      const std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
      const auto colon = line.find(':');
      if (colon != std::string::npos) {
        const auto value_start = line.find_first_not_of(' ', colon + 1);
        r.headers[lowered(line.substr(0, colon))] = value_start == std::string::npos ? "" : line.substr(value_start);
      }
      pos = next;
    }
    const std::size_t length = r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
    while (buffer_.size() < length) {
      if (!fill()) return std::nullopt;
    }
    r.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return r;
  }

  // Raw bytes up to and including delim (for event streams), or nullopt when the
  // connection ends (or the 10 s receive timeout passes) first.
  std::optional<std::string> read_until(std::string_view delim) {
    std::size_t end;
    while ((end = buffer_.find(delim)) == std::string::npos) {
      if (!fill()) return std::nullopt;
    }
    std::string out = buffer_.substr(0, end + delim.size());
    buffer_.erase(0, end + delim.size());
    return out;
  }

  // Exactly n raw bytes (WebSocket frames), or nullopt when the connection ends first.
  std::optional<std::string> read_bytes(std::size_t n) {
    while (buffer_.size() < n) {
      if (!fill()) return std::nullopt;
    }
    std::string out = buffer_.substr(0, n);
    buffer_.erase(0, n);
    return out;
  }

  // True when the server closed the connection before sending anything more (EOF or
  // reset; a receive timeout is not a close).
  bool closed_by_server() {
    if (!buffer_.empty()) return false;
    char c;
    const auto n = ::recv(fd_, &c, 1, 0);
    return n == 0 || (n < 0 && errno == ECONNRESET);
  }

 private:
  bool fill() {
    char chunk[4096];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  std::string buffer_;
};

inline std::string get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "\r\n";
}

inline std::string post(const std::string& target, const std::string& body) {
  return "POST " + target + " HTTP/1.1\r\nHost: test\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
         body;
}

inline HttpResponse fetch(unsigned short port, const std::string& request) {
  Client c(port);
  c.send(request);
  auto r = c.read();
  if (!r) throw std::runtime_error("no response");
  return *r;
}

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    options.port = 0;
    options.threads = 2;
    options.max_header_bytes = 4096;
    options.max_body_bytes = 1024;
    options.body_limit_by_route["/api/upload"] = 64 * 1024;
    options.access_log = false;

    router.add("GET", "/api/ping", [](Request&, Reply reply) { reply(Response::json(200, R"({"pong":true})")); });
    router.add("GET", "/api/tickets/{id}", [](Request& req, Reply reply) {
      reply(Response::text(200, req.params.at("id") + "|" + req.query_value("q") + "|" + req.header("X-Trace") + "|" +
                                    req.cookie("sid") + "|" + req.route + "|" + req.remote));
    });
    router.add("POST", "/api/echo", [](Request& req, Reply reply) { reply(Response::text(200, req.body)); });
    router.add("POST", "/api/upload",
               [](Request& req, Reply reply) { reply(Response::text(200, std::to_string(req.body.size()))); });
    // Answers from another thread after the handler returned, like a database writer.
    router.add("GET", "/api/later/{n}", [this](Request& req, Reply reply) {
      spawn([n = req.params.at("n"), reply = std::move(reply)] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        reply(Response::text(200, "later " + n).set("X-Worker", "yes"));
      });
    });
    router.add("GET", "/api/throws", [](Request&, Reply) { throw std::runtime_error("boom"); });
    router.add("GET", "/api/drops", [](Request&, Reply) {});
    // Keeps its Reply without ever calling it.
    router.add("GET", "/api/never", [this](Request&, Reply reply) {
      std::lock_guard lock(workers_mu);
      parked.push_back(std::move(reply));
    });
    router.add("GET", "/api/slow", [this](Request&, Reply reply) {
      slow_entered.set_value();
      spawn([this, reply = std::move(reply)] {
        slow_release_future.wait();
        reply(Response::text(200, "slow done"));
      });
    });
  }

  ~ServerTest() override {
    if (server) server->stop();
    if (server_thread.joinable()) server_thread.join();
    try {
      slow_release.set_value();  // never leave a worker waiting when a test failed early
    } catch (const std::future_error&) {
    }
    std::lock_guard lock(workers_mu);
    for (auto& t : workers) t.join();
    parked.clear();  // a Reply may outlive the server: it is simply dropped
    server.reset();
  }

  void start() {
    server = std::make_unique<Server>(options, std::move(router), [](const Request& req, std::exception_ptr e) {
      std::string what = "unknown";
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& ex) {
        what = ex.what();
      }
      return Response::json(418, R"({"error":{"code":"mapped","message":")" + what + R"("}})");
    });
    server->on_drained([this] { drained_calls++; });
    server->start();
    port = server->port();
    server_thread = std::thread([this] {
      server->run();
      run_returned = true;
    });
  }

  template <typename F>
  void spawn(F&& f) {
    std::lock_guard lock(workers_mu);
    workers.emplace_back(std::forward<F>(f));
  }

  ServerOptions options;
  Router router;
  std::unique_ptr<Server> server;
  std::thread server_thread;
  unsigned short port = 0;
  std::atomic<int> drained_calls{0};
  std::atomic<bool> run_returned{false};
  std::mutex workers_mu;
  std::vector<std::thread> workers;
  std::vector<Reply> parked;
  std::promise<void> slow_entered;
  std::promise<void> slow_release;
  std::shared_future<void> slow_release_future = slow_release.get_future().share();
};

}  // namespace kefu::http::test_support
