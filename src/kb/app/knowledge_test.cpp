// What the FAQ bot knows, built from the knowledge base on a real SQLite database: the
// published customer entries in force, each store's own answer, and nothing else.
#include "kb/app/knowledge.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "kb/app/kb_catalog.hpp"

#include "kb/app/kb_fixture.hpp"
#include "kb/storage/kb_catalog_store.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class Knowledge : public KbUseCases {
 protected:
  KbKnowledge knowledge;
  kb::TextTools tools{text::Segmenter::builtin(), nullptr};
  void rebuild(int64_t at = kNow) { knowledge.set(build_knowledge(db->reader(), tools, at)); }
  std::optional<int64_t> top(const std::string& q, int64_t store) {
    const auto heard = knowledge.hear(q, store);
    if (heard.guesses.empty()) return std::nullopt;
    return heard.guesses[0].faq_id;
  }
};

TEST_F(Knowledge, OnlyPublishedCustomerEntriesInForceAreKnown) {
  auto parking = create(input("停车怎么收费", "每小时 10 元"));
  publish(parking.id);
  auto draft = create(input("会员积分怎么兑换礼品"));  // never published
  auto internal = input("顾客投诉时的话术");
  internal.content.audience = "internal";
  publish(create(internal).id);
  auto promo = input("双十一有什么活动");
  promo.content.valid_from = kNow + 1000;
  promo.content.valid_to = kNow + 2000;
  auto promotion = create(promo);
  publish(promotion.id);
  rebuild();
  EXPECT_EQ(knowledge.current()->entries, 1u) << "only the parking entry is in force now";
  EXPECT_EQ(top("停车怎么收费？", store_a), parking.id);
  EXPECT_NE(top("会员积分怎么兑换礼品", store_a), draft.id) << "a draft is not known";
  EXPECT_EQ(knowledge.current()->next_change_at, kNow + 1000) << "the promotion starts then";
  rebuild(kNow + 1500);
  EXPECT_EQ(top("双十一有什么活动", store_a), promotion.id) << "in force now";
  EXPECT_EQ(knowledge.current()->next_change_at, kNow + 2000);
}

TEST_F(Knowledge, SmallTalkIsTheWholeMessageReadLikeAQuestion) {
  as(admin, [&](Context& c) { return create_small_talk(c, "你好", "您好！请问有什么可以帮您？"); });
  as(admin, [&](Context& c) { return create_small_talk(c, "谢谢", "不客气，祝您购物愉快"); });
  const auto before = db->reader().get<storage::KbCatalogStore>().stamp();
  as(admin, [&](Context& c) { return create_small_talk(c, "再见", "再见，欢迎再来"); });
  EXPECT_NE(db->reader().get<storage::KbCatalogStore>().stamp(), before) << "small talk rebuilds the knowledge";
  rebuild();  // no entry at all: small talk still works
  EXPECT_EQ(knowledge.small_talk("你好"), "您好！请问有什么可以帮您？");
  EXPECT_EQ(knowledge.small_talk(" 谢谢！！"), "不客气，祝您购物愉快") << "punctuation and spaces";
  EXPECT_EQ(knowledge.small_talk("ＨＥＬＬＯ"), std::nullopt);
  EXPECT_EQ(knowledge.small_talk("你好，停车怎么收费"), std::nullopt) << "a question after the greeting";
  EXPECT_EQ(knowledge.canonical("几点 关门？"), "几点关门") << "as the matcher reads it";
}

TEST_F(Knowledge, EachStoreGetsItsOwnAnswer) {
  auto parking = create(input("停车怎么收费", "以所在门店为准"));
  publish(parking.id);
  as(supervisor, [&](Context& c) { return put_variant(c, parking.id, store_a, "甲店：首小时 15 元"); });
  rebuild();
  EXPECT_EQ(knowledge.answer(parking.id, store_a), "甲店：首小时 15 元");
  EXPECT_EQ(knowledge.answer(parking.id, store_b), "以所在门店为准") << "no variant: the entry's own";
  EXPECT_FALSE(knowledge.answer(parking.id + 100, store_a));
}

TEST_F(Knowledge, TheStampMovesWhenWhatTheBotKnowsChanges) {
  const auto stamp = [&] { return db->reader().get<storage::KbCatalogStore>().stamp(); };
  const auto empty = stamp();
  auto e = create(input("发票怎么开"));
  const auto drafted = stamp();
  EXPECT_NE(drafted, empty);
  publish(e.id, kNow + 1);
  EXPECT_NE(stamp(), drafted) << "a publication";
  const auto published = stamp();
  as(supervisor, [&](Context& c) { return put_variant(c, e.id, store_a, "甲店开票在三楼"); });
  EXPECT_NE(stamp(), published) << "a store's answer";
}

TEST_F(Knowledge, NothingKnownBeforeTheFirstBuild) {
  EXPECT_FALSE(knowledge.ready()) << "a node that just started is still building";
  EXPECT_TRUE(knowledge.hear("停车怎么收费", store_a).guesses.empty());
  EXPECT_FALSE(knowledge.answer(1, store_a));
  EXPECT_EQ(knowledge.similarity("停车怎么收费", "停车收费标准"), 0.0);
  rebuild();
  EXPECT_TRUE(knowledge.ready()) << "built, if empty";
  EXPECT_FALSE(knowledge.current()->matcher) << "an empty knowledge base";
  EXPECT_TRUE(knowledge.hear("停车怎么收费", store_a).guesses.empty());
}

TEST_F(Knowledge, SimilarityRanksAParaphraseAboveAnotherTopic) {
  auto parking = input("停车怎么收费", "每小时 10 元");
  parking.content.similar = {"停车费多少钱", "停车一小时多少钱", "车停在商场怎么收费"};
  publish(create(parking).id);
  auto invoice = input("发票怎么开", "服务台开具");
  invoice.content.similar = {"怎么开发票", "可以开增值税发票吗", "发票在哪里开"};
  publish(create(invoice).id);
  rebuild();
  const auto same = knowledge.similarity("停车多少钱一小时", "停车费怎么算");
  const auto other = knowledge.similarity("停车多少钱一小时", "发票在哪里开");
  EXPECT_GT(same, other);
  EXPECT_GE(other, 0.0);
  EXPECT_LE(same, 1.0);
}

TEST_F(Knowledge, DuplicatesAreFoundInTheBackgroundForTheCurrentSnapshot) {
  EXPECT_EQ(knowledge.duplicates().status, KnowledgeDuplicates::Status::none) << "nothing known yet";
  auto parking = input("停车怎么收费", "每小时 10 元");
  parking.content.similar = {"停车费多少钱", "停车一小时多少钱"};
  const auto a = create(parking).id;
  publish(a);
  auto again = input("停车费怎么收", "首小时 15 元");
  again.content.similar = {"停车费多少钱一小时", "停车一小时要多少钱"};  // the same questions, reworded
  const auto b = create(again).id;
  publish(b);
  auto invoice = input("发票怎么开", "服务台开具");
  invoice.content.similar = {"怎么开发票", "发票在哪里开"};
  publish(create(invoice).id);
  rebuild();
  auto found = knowledge.duplicates();
  for (int i = 0; i < 500 && found.status != KnowledgeDuplicates::Status::ready; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    found = knowledge.duplicates();
  }
  ASSERT_EQ(found.status, KnowledgeDuplicates::Status::ready);
  EXPECT_EQ(found.built_at, knowledge.current()->built_at);
  ASSERT_FALSE(found.items.empty());
  EXPECT_GT(found.items[0].score, 0.3) << "a good part of each one's questions goes to the other";
  EXPECT_EQ(std::pair(found.items[0].a, found.items[0].b), std::pair(std::min(a, b), std::max(a, b)))
      << "the two parking entries ask the same";
  rebuild(kNow + 1);
  const auto next = knowledge.duplicates();
  EXPECT_EQ(next.status, KnowledgeDuplicates::Status::computing) << "a new snapshot is searched again";
  EXPECT_EQ(next.built_at, kNow + 1);
}

}  // namespace
}  // namespace kefu::app
