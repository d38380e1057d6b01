// A store's chat settings: defaults until a supervisor sets them, within bounds, audited.
#include "chat/app/chat_settings.hpp"

#include "core/storage/platform_stores.hpp"
#include "sla/app/sla_fixture.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class ChatSettings : public SlaUseCases {
 protected:
  chat::Settings wanted() {
    return {.store_id = store_a,
            .idle_end_minutes = 30,
            .first_reply_seconds = 45,
            .reply_gap_seconds = 120,
            .welcome = "您好，欢迎光临甲店",
            .offline_text = "客服已下班，请留言，我们明天联系您"};
  }
  std::string put_code(const people::Actor& who, const chat::Settings& s) {
    return code_of([&] { as(who, [&](Context& c) { return put_chat_settings(c, s); }); });
  }
};

TEST_F(ChatSettings, AStoreHasTheDefaultsUntilASupervisorSetsThem) {
  auto s = as(agent, [&](Context& c) { return get_chat_settings(c, store_a); });
  EXPECT_EQ(s.store_id, store_a);
  EXPECT_EQ(s.idle_end_minutes, 15);
  EXPECT_EQ(s.first_reply_seconds, 60);
  EXPECT_EQ(s.reply_gap_seconds, 180);
  EXPECT_EQ(s.welcome, "");

  EXPECT_EQ(put_code(supervisor, wanted()), "none");
  s = as(agent2, [&](Context& c) { return get_chat_settings(c, store_a); });
  EXPECT_EQ(s.idle_end_minutes, 30);
  EXPECT_EQ(s.first_reply_seconds, 45);
  EXPECT_EQ(s.reply_gap_seconds, 120);
  EXPECT_EQ(s.welcome, "您好，欢迎光临甲店");
  EXPECT_EQ(s.offline_text, "客服已下班，请留言，我们明天联系您");
  // What the chat itself reads, without the caller's reach; store B keeps the defaults.
  EXPECT_EQ(as(agent_b, [&](Context& c) { return chat_settings(c, store_a); }).idle_end_minutes, 30);
  EXPECT_EQ(as(agent, [&](Context& c) { return chat_settings(c, store_b); }).idle_end_minutes, 15);
}

TEST_F(ChatSettings, AQueueMayHaveItsOwnReplyTargets) {
  auto s = wanted();
  s.queue_targets = {{"parking", {20, 60}}, {"returns", {180, 600}}};
  EXPECT_EQ(put_code(supervisor, s), "none");
  const auto got = as(agent, [&](Context& c) { return get_chat_settings(c, store_a); });
  EXPECT_EQ(got.targets_for("parking"), (chat::ReplyTargets{20, 60}));
  EXPECT_EQ(got.targets_for("returns"), (chat::ReplyTargets{180, 600}));
  EXPECT_EQ(got.targets_for("general"), (chat::ReplyTargets{45, 120})) << "the store's targets";
  s.queue_targets.clear();
  EXPECT_EQ(put_code(supervisor, s), "none");
  EXPECT_TRUE(as(agent, [&](Context& c) { return get_chat_settings(c, store_a); }).queue_targets.empty())
      << "taken away again: every queue has the store's";
}

TEST_F(ChatSettings, TheBotsThresholdsAreProbabilitiesSuggestNotAboveAnswer) {
  EXPECT_DOUBLE_EQ(as(agent, [&](Context& c) { return get_chat_settings(c, store_a); }).bot_answer, 0.6);
  auto s = wanted();
  s.bot_answer = 0.8;
  s.bot_suggest = 0.2;
  EXPECT_EQ(put_code(supervisor, s), "none");
  const auto got = as(agent, [&](Context& c) { return get_chat_settings(c, store_a); });
  EXPECT_DOUBLE_EQ(got.bot_answer, 0.8);
  EXPECT_DOUBLE_EQ(got.bot_suggest, 0.2);
  for (auto [answer, suggest] : {std::pair{1.2, 0.3}, {0.6, -0.1}, {0.4, 0.5}}) {
    s.bot_answer = answer;
    s.bot_suggest = suggest;
    EXPECT_EQ(put_code(supervisor, s), "invalid_field") << answer << " / " << suggest;
  }
}

TEST_F(ChatSettings, GenerativeAnswersAreOffByDefaultPlainHttpAndTheKeyIsKeptAndNeverAudited) {
  EXPECT_FALSE(as(agent, [&](Context& c) { return get_chat_settings(c, store_a); }).generative.enabled);
  auto s = wanted();
  s.generative = {.enabled = true, .base_url = "http://10.0.0.5:8000", .model = "qwen2.5-7b", .api_key = "sk-abcdef"};
  EXPECT_EQ(put_code(supervisor, s), "none");
  auto again = wanted();
  again.generative = {.enabled = true, .base_url = "http://10.0.0.5:8000", .model = "qwen2.5-14b"};
  as(supervisor, [&](Context& c) { return put_chat_settings(c, again, true); });  // the form: no key sent
  const auto got = as(agent, [&](Context& c) { return chat_settings(c, store_a); });
  EXPECT_EQ(got.generative.model, "qwen2.5-14b");
  EXPECT_EQ(got.generative.api_key, "sk-abcdef") << "kept";
  for (const auto& log : db->reader().get<storage::AuditStore>().audit("store", store_a)) {
    EXPECT_EQ(log.after_json.find("sk-abcdef"), std::string::npos) << "never in the audit";
    EXPECT_NE(log.after_json.find("\"api_key_set\":true"), std::string::npos);
  }
  auto bad = s;
  bad.generative.base_url = "ftp://api.example.com";
  EXPECT_EQ(put_code(supervisor, bad), "invalid_field") << "http:// or https:// only";
  bad.generative.base_url = "https://";
  EXPECT_EQ(put_code(supervisor, bad), "invalid_field") << "a host";
  bad.generative.base_url = "https://api.example.com/compatible-mode";
  EXPECT_EQ(put_code(supervisor, bad), "none") << "a cloud endpoint over TLS";
  bad = s;
  bad.generative.model = "";
  EXPECT_EQ(put_code(supervisor, bad), "required");
  bad = s;
  bad.generative.timeout_ms = 100;
  EXPECT_EQ(put_code(supervisor, bad), "invalid_field");
  bad = wanted();
  bad.generative.base_url = "ftp://x";  // off, but still not a URL the bot could use
  EXPECT_EQ(put_code(supervisor, bad), "invalid_field");
}

TEST_F(ChatSettings, OnlyTheStoresSupervisorsChangeThemWithinBounds) {
  EXPECT_EQ(put_code(agent, wanted()), "forbidden");
  auto b = wanted();
  b.store_id = store_b;
  EXPECT_EQ(put_code(supervisor, b), "not_found");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return get_chat_settings(c, store_b); }); }), "not_found");
  EXPECT_EQ(code_of([&] { as(admin, [&](Context& c) { return get_chat_settings(c, store_b + 100); }); }), "not_found");
  EXPECT_EQ(put_code(admin, b), "none") << "admins serve every store";

  auto bad = wanted();
  bad.idle_end_minutes = 0;
  EXPECT_EQ(put_code(supervisor, bad), "invalid_field");
  bad = wanted();
  bad.idle_end_minutes = chat::kMaxIdleEndMinutes + 1;
  EXPECT_EQ(put_code(supervisor, bad), "invalid_field");
  bad = wanted();
  bad.first_reply_seconds = -5;
  EXPECT_EQ(put_code(supervisor, bad), "invalid_field");
  bad = wanted();
  bad.reply_gap_seconds = chat::kMaxReplySeconds + 1;
  EXPECT_EQ(put_code(supervisor, bad), "invalid_field");
  bad = wanted();
  bad.welcome = std::string(chat::kMaxSettingsText + 1, 'x');
  EXPECT_EQ(put_code(supervisor, bad), "too_long");
  bad = wanted();
  bad.idle_end_minutes = chat::kMaxIdleEndMinutes;
  bad.reply_gap_seconds = chat::kMaxReplySeconds;
  bad.offline_text = "";
  EXPECT_EQ(put_code(manager, bad), "none") << "the upper bounds themselves; empty texts are the built-in ones";

  bad = wanted();
  bad.queue_targets["lost_and_found"] = {30, 60};
  EXPECT_EQ(put_code(supervisor, bad), "invalid_enum") << "not a queue";
  bad = wanted();
  bad.bot_queues = {"general", "robots"};
  EXPECT_EQ(put_code(supervisor, bad), "invalid_enum") << "not a queue the bot could answer";
  bad = wanted();
  bad.queue_targets["parking"] = {0, 60};
  EXPECT_EQ(put_code(supervisor, bad), "invalid_field");
  bad = wanted();
  bad.queue_targets["parking"] = {30, chat::kMaxReplySeconds + 1};
  EXPECT_EQ(put_code(supervisor, bad), "invalid_field");

  auto log = db->reader().get<storage::AuditStore>().audit("store", store_a);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "chat_settings.update");
  EXPECT_EQ(log[0].actor_id, manager.staff_id);
  EXPECT_NE(log[0].before_json.find("\"idle_end_minutes\":15"), std::string::npos) << "the defaults before";
  EXPECT_NE(log[0].after_json.find("\"idle_end_minutes\":1440"), std::string::npos);
}

}  // namespace
}  // namespace kefu::app
