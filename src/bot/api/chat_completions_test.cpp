// The bot's OpenAI-compatible client against a stub server on loopback that speaks the
// protocol: what it sends (path under the base URL's prefix, the bearer key, the model,
// the system and user messages), what it takes back, and nothing on errors or time-outs.
#include "bot/api/chat_completions.hpp"

#include <utility>  // g++ 12 + Boost 1.74 in C++20 mode: must precede the Boost headers

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

namespace kefu::api {
namespace {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using nlohmann::json;

// Answers one request with (status, body) after `delay`, and keeps what it received.
class Stub {
 public:
  Stub(int status, std::string body, std::chrono::milliseconds delay = {})
      : acceptor_(ioc_, {asio::ip::make_address("127.0.0.1"), 0}) {
    thread_ = std::thread([this, status, body = std::move(body), delay] {
      tcp::socket socket(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec) return;
      boost::beast::flat_buffer buffer;
      bhttp::read(socket, buffer, received, ec);
      std::this_thread::sleep_for(delay);
      bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(status), 11};
      res.set(bhttp::field::content_type, "application/json");
      res.body() = body;
      res.prepare_payload();
      bhttp::write(socket, res, ec);
    });
  }
  ~Stub() {
    boost::system::error_code ec;
    acceptor_.close(ec);
    thread_.join();
  }
  std::string base(const std::string& prefix = "") const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + prefix;
  }
  bhttp::request<bhttp::string_body> received;

 private:
  asio::io_context ioc_;
  tcp::acceptor acceptor_;
  std::thread thread_;
};

json reply(const std::string& content) {
  return {{"choices", {{{"message", {{"role", "assistant"}, {"content", content}}}}}}};
}

const bot::Prompt kPrompt{"只根据条目回答", "[1] 问：停车怎么收费\n答：每小时 5 元\n\n顾客的问题：停车多少钱"};

TEST(ChatCompletions, PostsTheQuestionAndEntriesAndTakesTheModelsText) {
  Stub stub(200, reply("停车每小时 5 元 [1]").dump());
  chat::Generative g{.enabled = true,
                     .base_url = stub.base("/llm/"),
                     .model = "qwen2.5",
                     .api_key = "sk-test-1234",
                     .timeout_ms = 3000};
  EXPECT_EQ(chat_completions().complete(g, kPrompt), "停车每小时 5 元 [1]");
  EXPECT_EQ(stub.received.method(), bhttp::verb::post);
  EXPECT_EQ(stub.received.target(), "/llm/v1/chat/completions");
  EXPECT_EQ(stub.received[bhttp::field::authorization], "Bearer sk-test-1234");
  const auto sent = json::parse(stub.received.body());
  EXPECT_EQ(sent["model"], "qwen2.5");
  ASSERT_EQ(sent["messages"].size(), 2u);
  EXPECT_EQ(sent["messages"][0]["role"], "system");
  EXPECT_EQ(sent["messages"][0]["content"], kPrompt.system);
  EXPECT_EQ(sent["messages"][1]["role"], "user");
  EXPECT_EQ(sent["messages"][1]["content"], kPrompt.user);
}

TEST(ChatCompletions, NoKeyNoAuthorizationHeader) {
  Stub stub(200, reply("好的 [1]").dump());
  chat::Generative g{.enabled = true, .base_url = stub.base(), .model = "m", .timeout_ms = 3000};
  EXPECT_EQ(chat_completions().complete(g, kPrompt), "好的 [1]");
  EXPECT_EQ(stub.received.target(), "/v1/chat/completions");
  EXPECT_EQ(stub.received.count(bhttp::field::authorization), 0u);
}

TEST(ChatCompletions, ErrorsAndSlowServersGiveNothing) {
  chat::Generative g{.enabled = true, .model = "m", .timeout_ms = 300};
  {
    Stub stub(500, R"({"error":{"message":"boom"}})");
    g.base_url = stub.base();
    EXPECT_EQ(chat_completions().complete(g, kPrompt), std::nullopt) << "a 500";
  }
  {
    Stub stub(200, "not json");
    g.base_url = stub.base();
    EXPECT_EQ(chat_completions().complete(g, kPrompt), std::nullopt) << "not JSON";
  }
  {
    Stub stub(200, R"({"choices":[]})");
    g.base_url = stub.base();
    EXPECT_EQ(chat_completions().complete(g, kPrompt), std::nullopt) << "no choice";
  }
  {
    Stub stub(200, reply("太慢了").dump(), std::chrono::milliseconds(1500));
    g.base_url = stub.base();
    const auto started = std::chrono::steady_clock::now();
    EXPECT_EQ(chat_completions().complete(g, kPrompt), std::nullopt) << "past the timeout";
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(1000)) << "gave up in time";
  }
  g.base_url = "http://127.0.0.1:1";  // nothing listens
  EXPECT_EQ(chat_completions().complete(g, kPrompt), std::nullopt);
  {
    Stub plain(200, reply("明文").dump());
    g.base_url = "https" + plain.base().substr(4);  // https:// to a server that speaks plain HTTP
    EXPECT_EQ(chat_completions().complete(g, kPrompt), std::nullopt) << "no TLS handshake, no answer";
  }
}

}  // namespace
}  // namespace kefu::api
