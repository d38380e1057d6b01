// Bot operations on a real SQLite database with a fixed clock: chats with the bot write the
// turn log in their own commits, and the report, the unanswered list and an admin's actions
// read and change it.
#include "bot/app/bot_ops.hpp"

#include <map>

#include "bot/app/bot_log.hpp"
#include "bot/storage/bot_turn_store.hpp"
#include "chat/app/chat_fixture.hpp"
#include "chat/app/chat_settings.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class TableKnowledge : public Knowledge {
 public:
  bot::Heard hear(std::string_view text, int64_t) const override {
    auto it = heard.find(std::string(text));
    return it == heard.end() ? bot::Heard{} : it->second;
  }
  std::optional<std::string> answer(int64_t faq_id, int64_t) const override {
    return faq_id == 1 ? std::optional<std::string>("营业时间 10:00–22:00") : std::nullopt;
  }
  std::map<std::string, bot::Heard> heard{
      {"几点关门", {"", {{1, "商场几点关门", 0.9}}, 0.9, 0}},
      {"停车", {"", {{2, "停车怎么收费", 0.5}, {3, "积分换停车券", 0.4}}, 0.45, 0}},
  };
};

class BotOps : public Chat {
 protected:
  void SetUp() override {
    Chat::SetUp();
    as(supervisor, [&](Context& c) {
      auto s = chat_settings(c, store_a);
      s.bot_queues = {"general"};
      return put_chat_settings(c, s);
    });
  }
  void ask(const ChatStarted& s, const std::string& id, const std::string& text) {
    as(agent_b, [&](Context& c) {
      bot_turn(c, kb, customer_say(c, s.token, id, text, s.conversation.id));
      return 0;
    });
  }
  void verdict(const ChatStarted& s, bool solved) {
    int64_t seq = 0;
    for (const auto& m : as(agent, [&](Context& c) { return customer_messages(c, s.token, 0, 100); }))
      if (m.sender == "bot") seq = m.seq;
    as(agent_b, [&](Context& c) {
      bot_feedback(c, kb, s.token, seq, solved);
      return 0;
    });
  }
  std::vector<bot::TurnRecord> log(const ChatStarted& s) {
    return db->reader().get<storage::BotTurnStore>().turns_of(s.conversation.id);
  }
  BotOpsRange today(std::optional<int64_t> store = std::nullopt) { return {store, kNow - kHour, kNow + kHour}; }

  TableKnowledge kb;
};

TEST_F(BotOps, EveryTurnAndWhatFollowedItIsLogged) {
  auto solved = start("general");
  ask(solved, "c1", "几点关门");
  verdict(solved, true);
  auto rows = log(solved);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].act, "answer");
  EXPECT_EQ(rows[0].question, "几点关门");
  for (const auto& m : as(agent, [&](Context& c) { return customer_messages(c, solved.token, 0, 100); }))
    if (m.sender == "customer") {
      EXPECT_EQ(rows[0].question_seq, m.seq) << "the customer's message";
    }
  EXPECT_EQ(rows[0].faq_id, 1);
  EXPECT_EQ(rows[0].verdict, "solved");
  EXPECT_NEAR(rows[0].confidence, 0.9, 1e-6);
  EXPECT_EQ(rows[0].queue, "general");
  EXPECT_EQ(rows[0].store_id, store_a);
  EXPECT_FALSE(rows[0].handed_over);

  auto failed = start("general");
  ask(failed, "c1", "停车");
  ask(failed, "c2", "你们有没有卖猫粮");
  rows = log(failed);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].act, "suggest");
  EXPECT_EQ(rows[0].guesses.size(), 2u);
  EXPECT_TRUE(rows[0].unanswered);
  EXPECT_TRUE(rows[0].handed_over) << "the handoff came after it";
  EXPECT_EQ(rows[1].act, "handoff");
  EXPECT_EQ(rows[1].handoff, "unresolved");
  EXPECT_TRUE(rows[1].unanswered) << "the second failure was a question the bot could not answer either";

  auto button = start("general");
  as(agent_b, [&](Context& c) { return ask_for_person(c, button.token); });
  as(agent_b, [&](Context& c) { return ask_for_person(c, button.token); });  // with people already
  rows = log(button);
  ASSERT_EQ(rows.size(), 1u) << "the second press hands nothing over";
  EXPECT_EQ(rows[0].act, "handoff");
  EXPECT_EQ(rows[0].handoff, "asked");
  EXPECT_EQ(rows[0].question_seq, 0);

  auto unsolved = start("general");
  ask(unsolved, "c1", "几点关门");
  verdict(unsolved, false);
  ask(unsolved, "c2", "几点关门");
  verdict(unsolved, false);
  rows = log(unsolved);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].verdict, "unsolved");
  EXPECT_TRUE(rows[0].unanswered) << "an answer marked 未解决 joins the unanswered questions";
  EXPECT_EQ(rows[2].act, "handoff");
  EXPECT_EQ(rows[2].handoff, "unresolved");
  for (const auto& r : rows) EXPECT_TRUE(r.handed_over);
}

TEST_F(BotOps, TheReportCountsWhatAStoreManagerWouldCount) {
  auto solved = start("general");
  ask(solved, "c1", "几点关门");
  verdict(solved, true);
  auto failed = start("general");
  ask(failed, "c1", "停车");
  ask(failed, "c2", "你们有没有卖猫粮");
  auto button = start("general");
  as(agent_b, [&](Context& c) { return ask_for_person(c, button.token); });
  auto unsolved = start("general");
  ask(unsolved, "c1", "几点关门");
  verdict(unsolved, false);
  ask(unsolved, "c2", "几点关门");
  verdict(unsolved, false);
  start("returns");  // people only

  const auto r = as(supervisor, [&](Context& c) { return bot_report(c, today(store_a)); });
  ASSERT_EQ(r.report.days.size(), 1u);
  const auto& d = r.report.days[0];
  EXPECT_EQ(d.day, "2026-11-22");
  EXPECT_EQ(d.conversations, 5);
  EXPECT_EQ(d.bot_conversations, 4);
  EXPECT_EQ(d.resolved, 1);
  EXPECT_NEAR(*d.rates.involvement, 0.8, 1e-12);
  EXPECT_NEAR(*d.rates.resolution, 0.25, 1e-12);
  EXPECT_NEAR(*d.rates.containment, 0.2, 1e-12);
  EXPECT_EQ(d.handoffs, (std::map<std::string, int64_t>{{"asked", 1}, {"unresolved", 2}}));
  ASSERT_EQ(r.report.faqs.size(), 1u);
  const auto& f = r.report.faqs[0];
  EXPECT_EQ(f.counts.faq_id, 1);
  EXPECT_EQ(f.counts.answers, 3);
  EXPECT_EQ(f.counts.solved, 1);
  EXPECT_EQ(f.counts.unsolved, 2);
  EXPECT_NEAR(*f.solved_rate, 1.0 / 3, 1e-12);
  EXPECT_NEAR(*f.handoff_rate, 2.0 / 3, 1e-12);

  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return bot_report(c, today()); }); }), "forbidden");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return bot_report(c, today(store_b)); }); }), "not_found");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) {
                            return bot_report(c, {std::nullopt, kNow, kNow});
                          }); }),
            "invalid_field");
  const auto all = as(admin, [&](Context& c) { return bot_report(c, today()); });
  EXPECT_EQ(all.report.total.bot_conversations, 4);
}

TEST_F(BotOps, UnansweredQuestionsGroupAndLeaveTheListOnceHandled) {
  auto failed = start("general");
  ask(failed, "c1", "停车");
  auto unsolved = start("general");
  ask(unsolved, "c1", "几点关门");
  verdict(unsolved, false);
  auto again = start("general");
  ask(again, "c1", "几点关门");
  verdict(again, false);

  auto list = as(supervisor, [&](Context& c) { return unanswered_questions(c, kb, today()); });
  ASSERT_EQ(list.clusters.size(), 2u);
  EXPECT_EQ(list.questions, 3);
  EXPECT_EQ(list.clusters[0].key, "几点关门");
  EXPECT_EQ(list.clusters[0].size, 2);
  ASSERT_TRUE(list.clusters[0].guess);
  EXPECT_EQ(list.clusters[0].guess->faq_id, 1);
  EXPECT_EQ(list.clusters[1].key, "停车");
  EXPECT_EQ(list.clusters[1].guess->faq_id, 2);

  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return dismiss_questions(c, {"停车"}); }); }), "forbidden");
  const auto made = as(admin, [&](Context& c) {
    return resolve_questions(c, {{"停车"}, std::nullopt, "停车场怎么收费", "每小时 5 元", std::nullopt});
  });
  EXPECT_EQ(made.handled, 1);
  EXPECT_EQ(made.entry.status, "draft");
  EXPECT_EQ(made.entry.content.similar, (std::vector<std::string>{"停车"}));
  const auto added = as(admin, [&](Context& c) {
    return resolve_questions(c, {{"几点关门", "停车场怎么收费"}, made.entry.id, "", "", std::nullopt});
  });
  EXPECT_EQ(added.handled, 2);
  EXPECT_EQ(added.entry.content.similar, (std::vector<std::string>{"停车", "几点关门"}))
      << "the standard question is not repeated as a similar one";
  list = as(supervisor, [&](Context& c) { return unanswered_questions(c, kb, today()); });
  EXPECT_TRUE(list.clusters.empty());
  EXPECT_EQ(as(admin, [&](Context& c) { return dismiss_questions(c, {"停车"}); }), 0) << "already off the list";
  EXPECT_EQ(code_of([&] { as(admin, [&](Context& c) { return dismiss_questions(c, {"", ""}); }); }), "required");
}

}  // namespace
}  // namespace kefu::app
