#include "chat/api/protocol.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/domain/error.hpp"

namespace kefu::chat::protocol {
namespace {

using nlohmann::json;

std::string refusal(std::string_view text) {
  try {
    parse(text);
  } catch (const Error& e) {
    return e.code() + (e.field().empty() ? "" : ":" + e.field());
  }
  return "accepted";
}

TEST(ChatProtocol, ClientFramesParse) {
  auto hello = parse(R"({"type":"hello","token":"kfc_abc","after":17})");
  EXPECT_EQ(hello.kind, Kind::hello);
  EXPECT_EQ(hello.token, "kfc_abc");
  EXPECT_EQ(hello.after, 17);
  auto send =
      parse(R"({"type":"send","client_msg_id":"m-1","body":"停车怎么收费？","conversation_id":4,"whisper":true})");
  EXPECT_EQ(send.kind, Kind::send);
  EXPECT_EQ(send.client_msg_id, "m-1");
  EXPECT_EQ(send.body, "停车怎么收费？");
  EXPECT_EQ(send.conversation_id, 4);
  EXPECT_TRUE(send.whisper);
  EXPECT_EQ(parse(R"({"type":"watch","conversation_id":9})").after, 0);
  EXPECT_EQ(parse(R"({"type":"read","seq":3})").seq, 3);
  EXPECT_EQ(parse(R"({"type":"ping"})").kind, Kind::ping);
  EXPECT_EQ(parse(R"({"type":"typing"})").kind, Kind::typing);
}

TEST(ChatProtocol, BadFramesAreRefusedWithTheField) {
  EXPECT_EQ(refusal("not json"), "invalid_json");
  EXPECT_EQ(refusal("[1,2]"), "invalid_json");
  EXPECT_EQ(refusal("{}"), "required:type");
  EXPECT_EQ(refusal(R"({"type":"shout"})"), "invalid_enum:type");
  EXPECT_EQ(refusal(R"({"type":"hello"})"), "required:token");
  EXPECT_EQ(refusal(R"({"type":"hello","token":7})"), "invalid_type:token");
  EXPECT_EQ(refusal(R"({"type":"hello","token":"t","after":-1})"), "invalid_field:after");
  EXPECT_EQ(refusal(R"({"type":"hello","token":"t","after":1.5})"), "invalid_type:after");
  EXPECT_EQ(refusal(R"({"type":"watch"})"), "required:conversation_id");
  EXPECT_EQ(refusal(R"({"type":"watch","conversation_id":0})"), "invalid_field:conversation_id");
  EXPECT_EQ(refusal(R"({"type":"send","client_msg_id":"m"})"), "required:body");
  EXPECT_EQ(refusal(R"({"type":"send","client_msg_id":"m","body":"x","whisper":"yes"})"), "invalid_type:whisper");
}

TEST(ChatProtocol, TheCustomerSeesNoStaffIdentityNorWhispers) {
  Message whisper{7, 5, "agent", 42, "w-1", "whisper", "该顾客上周投诉过", std::nullopt, 1000};
  auto staff = json::parse(render_message(whisper, false));
  EXPECT_EQ(staff["body"], "该顾客上周投诉过");
  EXPECT_EQ(staff["staff_id"], 42);
  EXPECT_EQ(staff["client_msg_id"], "w-1");
  auto customer = json::parse(render_message(whisper, true));
  EXPECT_EQ(customer["seq"], 5) << "the number stays, so the customer's cursor has no hole";
  EXPECT_EQ(customer["body"], "");
  EXPECT_FALSE(customer.contains("staff_id"));
  EXPECT_FALSE(customer.contains("client_msg_id"));
  Message own{7, 6, "customer", std::nullopt, "c-9", "text", "好的", std::nullopt, 1001};
  EXPECT_EQ(json::parse(render_message(own, true))["client_msg_id"], "c-9") << "the sender matches its retries";
}

TEST(ChatProtocol, TheCustomerSeesEventsWithoutTheStaffTheyName) {
  Message assigned{7, 2, "system", std::nullopt, "", "event", R"({"event":"assigned","agent_id":4})", std::nullopt, 1};
  EXPECT_EQ(json::parse(json::parse(render_message(assigned, true))["body"].get<std::string>()),
            (json{{"event", "assigned"}}));
  EXPECT_EQ(json::parse(json::parse(render_message(assigned, false))["body"].get<std::string>())["agent_id"], 4)
      << "staff see who";
  Message moved{
      7, 3, "system", std::nullopt, "", "event", R"({"event":"transferred","queue":"returns","from":4})", std::nullopt,
      2};
  EXPECT_EQ(json::parse(json::parse(render_message(moved, true))["body"].get<std::string>()),
            (json{{"event", "transferred"}, {"queue", "returns"}}));
  Message handed{7, 4, "system", std::nullopt, "", "event", R"({"event":"assigned","agent_id":5,"by":9})", std::nullopt,
                 3};
  EXPECT_EQ(json::parse(json::parse(render_message(handed, true))["body"].get<std::string>()),
            (json{{"event", "assigned"}}))
      << "a supervisor's id in by goes too";
  for (const char* by : {"agent", "customer", "idle"}) {
    Message ended{7, 5, "system", std::nullopt, "", "event", json{{"event", "ended"}, {"by", by}}.dump(), std::nullopt,
                  4};
    EXPECT_EQ(json::parse(json::parse(render_message(ended, true))["body"].get<std::string>()),
              (json{{"event", "ended"}, {"by", by}}))
        << "the page says who ended it: " << by;
  }
  auto conv = conversation_json({.id = 7, .store_id = 1, .status = "assigned", .agent_id = 4}, true);
  EXPECT_FALSE(conv.contains("agent_id"));
  EXPECT_FALSE(conv.contains("id"));
  EXPECT_EQ(conversation_json({.id = 7, .agent_id = 4}, false, {9})["participants"], json::array({9}));
}

TEST(ChatProtocol, ServerFrames) {
  Message m{7, 6, "customer", std::nullopt, "c-9", "text", "好的", std::nullopt, 1001};
  EXPECT_EQ(json::parse(render_ack(m, true)),
            (json{{"type", "ack"}, {"client_msg_id", "c-9"}, {"seq", 6}, {"duplicate", true}}));
  EXPECT_EQ(json::parse(render_queue({2, 240000, true})),
            (json{{"type", "queue"}, {"position", 2}, {"wait_ms", 240000}, {"staffed", true}}));
  EXPECT_TRUE(json::parse(render_queue({1, std::nullopt, false}))["wait_ms"].is_null());
  auto err = json::parse(render_error("conversation_ended", "会话已结束", "c-10"));
  EXPECT_EQ(err["code"], "conversation_ended");
  EXPECT_EQ(err["client_msg_id"], "c-10");
  // Bytes that are not UTF-8 never make the frame invalid JSON.
  EXPECT_NO_THROW(json::parse(render_error("x", std::string("\xff\xfe", 2))));
  EXPECT_EQ(render_pong(), R"({"type":"pong"})");
}

}  // namespace
}  // namespace kefu::chat::protocol
