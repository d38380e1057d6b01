// The storage contract of the bot turn log: a turn and what follows it (verdict, handoff,
// an admin's action), the unanswered list, and the counts the bot report is made of.
#include <gtest/gtest.h>

#include "bot/storage/bot_turn_store.hpp"
#include "chat/storage/conversation_store.hpp"
#include "core/storage/contract_fixture.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kQ = bot::kQuarterMs;
constexpr int64_t kT0 = 1'800'000'000'000 - 1'800'000'000'000 % (4 * kQ);  // on a quarter (and an hour)

class BotTurnContract : public Contract {
 protected:
  template <class F>
  auto change(F f) {
    decltype(f(std::declval<BotTurnStore&>())) out{};
    db->write_sync([&](Stores& s) { out = f(s.get<BotTurnStore>()); });
    return out;
  }
  BotTurnStore& log() { return db->reader().get<BotTurnStore>(); }

  int64_t conversation(int64_t store, int64_t at, const std::string& status = "bot") {
    int64_t id = 0;
    db->write_sync([&](Stores& s) {
      chat::Conversation c;
      c.store_id = store;
      c.queue = "parking";
      c.status = status;
      c.visitor_digest = "v" + std::to_string(++visitors);
      c.created_at = c.last_message_at = at;
      id = s.get<ConversationStore>().insert_conversation(c);
    });
    return id;
  }

  bot::TurnRecord turn(int64_t conv, int64_t store, int64_t at, std::string act, int64_t seq,
                       std::string question = "停车怎么收费") {
    bot::TurnRecord t;
    t.conversation_id = conv;
    t.store_id = store;
    t.queue = "parking";
    t.created_at = at;
    t.question = std::move(question);
    t.question_seq = seq;
    t.act = std::move(act);
    t.unanswered = bot::leaves_question(t.act);
    return t;
  }

  int visitors = 0;
};

TEST_P(BotTurnContract, ATurnIsStoredWithItsGuessesAndWhatFollowedIt) {
  const auto conv = conversation(store_a, kT0);
  auto answer = turn(conv, store_a, kT0 + 1000, "answer", 1);
  answer.faq_id = 7;
  answer.confidence = 0.873;
  for (int i = 0; i < 7; ++i) answer.guesses.push_back({7 + i, "问题" + std::to_string(i), 0.9 - 0.1 * i});
  const auto id = change([&](BotTurnStore& s) { return s.insert_turn(answer); });
  auto sorry = turn(conv, store_a, kT0 + 2000, "apologise", 3, "你们卖望远镜吗");
  change([&](BotTurnStore& s) { return s.insert_turn(sorry); });

  auto turns = log().turns_of(conv);
  ASSERT_EQ(turns.size(), 2u);
  const auto& t = turns[0];
  EXPECT_EQ(t.id, id);
  EXPECT_EQ(t.store_id, store_a);
  EXPECT_EQ(t.queue, "parking");
  EXPECT_EQ(t.created_at, kT0 + 1000);
  EXPECT_EQ(t.question, "停车怎么收费");
  EXPECT_EQ(t.question_seq, 1);
  EXPECT_EQ(t.act, "answer");
  EXPECT_EQ(t.faq_id, 7);
  EXPECT_NEAR(t.confidence, 0.873, 1e-6);
  ASSERT_EQ(t.guesses.size(), bot::kLoggedGuesses) << "at most five guesses are kept";
  EXPECT_EQ(t.guesses[1].faq_id, 8);
  EXPECT_EQ(t.guesses[1].question, "问题1");
  EXPECT_NEAR(t.guesses[1].score, 0.8, 1e-9);
  EXPECT_EQ(t.verdict, "");
  EXPECT_FALSE(t.handed_over);
  EXPECT_FALSE(t.unanswered);
  EXPECT_TRUE(turns[1].unanswered);
  EXPECT_FALSE(turns[1].faq_id);

  // The verdict on the answer numbered 2 belongs to the turn of question 1.
  EXPECT_TRUE(change([&](BotTurnStore& s) { return s.set_verdict(conv, 2, "unsolved"); }));
  EXPECT_FALSE(change([&](BotTurnStore& s) { return s.set_verdict(conv, 4, "solved"); }))
      << "the turn before seq 4 was an apology, not an answer";
  EXPECT_FALSE(change([&](BotTurnStore& s) { return s.set_verdict(conv, 1, "solved"); })) << "no question before it";
  turns = log().turns_of(conv);
  EXPECT_EQ(turns[0].verdict, "unsolved");
  EXPECT_TRUE(turns[0].unanswered) << "an answer marked 未解决 is an unanswered question";

  EXPECT_EQ(change([&](BotTurnStore& s) { return s.mark_handed_over(conv); }), 2);
  EXPECT_EQ(change([&](BotTurnStore& s) { return s.mark_handed_over(conv); }), 0);
  for (const auto& x : log().turns_of(conv)) EXPECT_TRUE(x.handed_over);
  EXPECT_TRUE(log().turns_of(conv + 100).empty());
}

TEST_P(BotTurnContract, UnansweredQuestionsNewestFirstUntilHandled) {
  const auto a = conversation(store_a, kT0);
  const auto b = conversation(store_b, kT0);
  change([&](BotTurnStore& s) { return s.insert_turn(turn(a, store_a, kT0 + 1, "apologise", 1, "望远镜")); });
  change([&](BotTurnStore& s) { return s.insert_turn(turn(a, store_a, kT0 + 2, "suggest", 3, "停车贵吗")); });
  change([&](BotTurnStore& s) { return s.insert_turn(turn(a, store_a, kT0 + 3, "answer", 5, "几点关门")); });
  change([&](BotTurnStore& s) { return s.insert_turn(turn(b, store_b, kT0 + 4, "apologise", 1, "望远镜")); });

  auto texts = [](const std::vector<bot::TurnRecord>& v) {
    std::vector<std::string> out;
    for (const auto& t : v) out.push_back(t.question);
    return out;
  };
  const BotLogRange all{{}, kT0, kT0 + kQ};
  EXPECT_EQ(texts(log().unanswered(all, 10)), (std::vector<std::string>{"望远镜", "停车贵吗", "望远镜"}));
  EXPECT_EQ(log().unanswered(all, 10)[0].store_id, store_b);
  EXPECT_EQ(texts(log().unanswered({{store_a}, kT0, kT0 + kQ}, 10)), (std::vector<std::string>{"停车贵吗", "望远镜"}));
  EXPECT_EQ(log().unanswered(all, 1).size(), 1u);
  EXPECT_TRUE(log().unanswered({{}, kT0 + 3, kT0 + kQ}, 10).size() == 1u) << "from is inclusive";

  // Store A's admin action leaves store B's same question on the list.
  EXPECT_EQ(change([&](BotTurnStore& s) {
              return s.mark_handled({store_a}, {"望远镜", "没问过"}, "dismissed", 99, staff);
            }),
            1);
  EXPECT_EQ(texts(log().unanswered(all, 10)), (std::vector<std::string>{"望远镜", "停车贵吗"}));
  EXPECT_EQ(change([&](BotTurnStore& s) {
              return s.mark_handled({}, {"望远镜", "停车贵吗"}, "resolved", 100, staff);
            }),
            2);
  EXPECT_TRUE(log().unanswered(all, 10).empty());
  const auto t = log().turns_of(a)[0];
  EXPECT_EQ(t.handled, "dismissed");
  EXPECT_EQ(t.handled_at, 99);
  EXPECT_EQ(t.handled_by, staff);
  EXPECT_EQ(change([&](BotTurnStore& s) { return s.mark_handled({}, {}, "resolved", 1, staff); }), 0);
}

TEST_P(BotTurnContract, TheReportsCountsPerStoreAndQuarter) {
  // Store A: three conversations in the first quarter (two with the bot, one handed over),
  // one in the second quarter with the bot; store B: one with people only.
  const auto a1 = conversation(store_a, kT0 + 10);
  const auto a2 = conversation(store_a, kT0 + 20);
  conversation(store_a, kT0 + 30, "queued");
  const auto a4 = conversation(store_a, kT0 + kQ + 5);
  conversation(store_b, kT0 + 40, "queued");
  conversation(store_a, kT0 + 8 * kQ);  // outside the range

  auto answer = [&](int64_t conv, int64_t at, int64_t faq, int64_t seq) {
    auto t = turn(conv, store_a, at, "answer", seq);
    t.faq_id = faq;
    return change([&](BotTurnStore& s) { return s.insert_turn(t); });
  };
  answer(a1, kT0 + 100, 7, 1);
  answer(a1, kT0 + 200, 7, 3);
  answer(a2, kT0 + 300, 9, 1);
  answer(a4, kT0 + kQ + 100, 7, 1);
  change([&](BotTurnStore& s) { return s.set_verdict(a1, 2, "solved"); });
  change([&](BotTurnStore& s) { return s.set_verdict(a1, 4, "unsolved"); });
  auto handoff = turn(a1, store_a, kT0 + kQ + 300, "handoff", 5, "转人工");
  handoff.handoff = "asked";
  change([&](BotTurnStore& s) { return s.insert_turn(handoff); });
  change([&](BotTurnStore& s) { return s.mark_handed_over(a1); });

  const BotLogRange range{{}, kT0, kT0 + 4 * kQ};
  const auto started = log().conversations_started(range);
  ASSERT_EQ(started.size(), 3u);
  EXPECT_EQ(started[0].store_id, store_a);
  EXPECT_EQ(started[0].bucket, kT0);
  EXPECT_EQ(started[0].count, 3);
  EXPECT_EQ(started[1].bucket, kT0 + kQ);
  EXPECT_EQ(started[1].count, 1);
  EXPECT_EQ(started[2].store_id, store_b);
  EXPECT_EQ(log().conversations_started({{store_b}, kT0, kT0 + 4 * kQ}).size(), 1u);

  const auto bot = log().bot_conversations(range);
  ASSERT_EQ(bot.size(), 2u);
  EXPECT_EQ(bot[0].bucket, kT0);
  EXPECT_EQ(bot[0].count, 2);
  EXPECT_EQ(bot[0].handed_over, 1);
  EXPECT_EQ(bot[1].count, 1);
  EXPECT_EQ(bot[1].handed_over, 0);
  EXPECT_TRUE(log().bot_conversations({{store_b}, kT0, kT0 + 4 * kQ}).empty());

  const auto handoffs = log().handoffs(range);
  ASSERT_EQ(handoffs.size(), 1u);
  EXPECT_EQ(handoffs[0].bucket, kT0 + kQ) << "a handoff counts when it happened";
  EXPECT_EQ(handoffs[0].key, "asked");
  EXPECT_EQ(handoffs[0].count, 1);

  const auto faqs = log().faq_counts(range);
  ASSERT_EQ(faqs.size(), 2u);
  EXPECT_EQ(faqs[0].faq_id, 7);
  EXPECT_EQ(faqs[0].answers, 3);
  EXPECT_EQ(faqs[0].solved, 1);
  EXPECT_EQ(faqs[0].unsolved, 1);
  EXPECT_EQ(faqs[0].handed_over, 2) << "both of a1's answers were followed by its handoff";
  EXPECT_EQ(faqs[1].faq_id, 9);
  EXPECT_EQ(faqs[1].answers, 1);
  EXPECT_TRUE(log().faq_counts({{store_b}, kT0, kT0 + 4 * kQ}).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, BotTurnContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
