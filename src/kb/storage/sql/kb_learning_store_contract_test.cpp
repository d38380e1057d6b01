// The storage contract for what the matcher learned from: usage signals and paraphrase
// pairs, each revocable and restorable, listed newest first, counted once.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "kb/storage/faq_store.hpp"
#include "kb/storage/kb_learning_store.hpp"

namespace kefu::storage {
namespace {

class KbLearningContract : public Contract {
 protected:
  int64_t entry = 0;
  template <class F>
  auto change(F f) {
    decltype(f(std::declval<Stores&>())) out{};
    db->write_sync([&](Stores& s) { out = f(s); });
    return out;
  }
  void SetUp() override {
    Contract::SetUp();
    if (IsSkipped()) return;
    kb::Faq f;
    f.content.question = "停车券在哪里领";
    f.status = "published";
    f.created_by = f.updated_by = staff;
    entry = change([&](Stores& s) { return s.get<FaqStore>().insert_faq(f); });
  }
  KbLearningStore& learning() { return db->reader().get<KbLearningStore>(); }
  kb::Signal signal(std::string query, std::string source, std::optional<int64_t> conversation, int64_t at) {
    return {.query = std::move(query),
            .entry_id = entry,
            .source = std::move(source),
            .store_id = store_a,
            .conversation_id = conversation,
            .created_at = at,
            .updated_at = at};
  }
  int64_t add(const kb::Signal& g) {
    return change([&](Stores& s) { return s.get<KbLearningStore>().insert_signal(g); });
  }
};

TEST_P(KbLearningContract, ASignalIsKeptOncePerConversationAndListedNewestFirst) {
  const auto empty = learning().stamp();
  const auto a = add(signal("停车票在哪拿", "clicked", 7, 100));
  EXPECT_NE(learning().stamp(), empty) << "a signal changes what the bot knows";
  EXPECT_EQ(add(signal("停车票在哪拿", "clicked", 7, 110)), a) << "the same click twice counts once";
  const auto b = add(signal("停车票在哪拿", "clicked", 8, 120));
  EXPECT_NE(b, a) << "another conversation asked it too";
  auto staff_pick = signal("停车券哪里领", "agent_pick", std::nullopt, 130);
  staff_pick.ticket_id = 42;
  staff_pick.created_by = staff;
  const auto c = add(staff_pick);

  staff_pick.id = c;
  EXPECT_EQ(*learning().signal(c), staff_pick);
  EXPECT_FALSE(learning().signal(c + 100));
  std::vector<int64_t> ids;
  for (const auto& g : learning().signals({})) ids.push_back(g.id);
  EXPECT_EQ(ids, (std::vector<int64_t>{c, b, a}));
  EXPECT_EQ(learning().signals({.source = "agent_pick"}).size(), 1u);
  EXPECT_EQ(learning().signals({.entry_id = entry + 1}).size(), 0u);
  EXPECT_EQ(learning().signals({.before_id = c, .limit = 1}).front().id, b) << "the next page";
}

TEST_P(KbLearningContract, RevokingLeavesASignalOutOfTheBuildAndRestoringBringsItBack) {
  const auto a = add(signal("停车票在哪拿", "clicked", 7, 100));
  const auto b = add(signal("停车券怎么领", "confirmed", 8, 120));
  const auto before = learning().stamp();
  EXPECT_TRUE(change([&](Stores& s) { return s.get<KbLearningStore>().set_signal_revoked(a, true, staff, 200); }));
  EXPECT_NE(learning().stamp(), before) << "a revocation rebuilds";
  const auto revoked = *learning().signal(a);
  EXPECT_EQ(revoked.revoked_at, 200);
  EXPECT_EQ(revoked.revoked_by, staff);
  EXPECT_EQ(revoked.updated_at, 200);
  ASSERT_EQ(learning().active_signals().size(), 1u);
  EXPECT_EQ(learning().active_signals()[0].id, b);
  EXPECT_EQ(learning().signals({.revoked = true}).size(), 1u);
  EXPECT_EQ(learning().counts(), (LearningCounts{1, 1, 0, 0}));

  EXPECT_TRUE(change([&](Stores& s) { return s.get<KbLearningStore>().set_signal_revoked(a, false, staff, 300); }));
  EXPECT_FALSE(learning().signal(a)->revoked_at);
  EXPECT_FALSE(learning().signal(a)->revoked_by);
  EXPECT_EQ(learning().active_signals().size(), 2u);
  EXPECT_FALSE(change([&](Stores& s) { return s.get<KbLearningStore>().set_signal_revoked(a + 100, true, staff, 1); }));
}

TEST_P(KbLearningContract, APairIsKeyedOnItsTwoQuestions) {
  auto put = [&](std::string a, std::string b, bool same, int64_t at) {
    return change([&](Stores& s) {
      return s.get<KbLearningStore>().put_pair(
          {.a = a, .b = b, .same = same, .created_at = at, .created_by = staff, .updated_at = at});
    });
  };
  const auto empty = learning().stamp();
  EXPECT_EQ(put("停车券在哪领", "停车票哪里拿", true, 100), PairWrite::added);
  EXPECT_EQ(put("发票怎么开", "退货怎么退", false, 110), PairWrite::added);
  EXPECT_NE(learning().stamp(), empty);
  EXPECT_EQ(put("停车券在哪领", "停车票哪里拿", true, 120), PairWrite::unchanged) << "the same file twice";
  EXPECT_EQ(put("发票怎么开", "退货怎么退", true, 130), PairWrite::updated) << "a new label";

  const auto all = learning().pairs({});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].a, "发票怎么开") << "newest first";
  EXPECT_TRUE(all[0].same);
  EXPECT_EQ(all[0].updated_at, 130);
  EXPECT_EQ(all[0].created_at, 110);
  EXPECT_EQ(*learning().pair(all[1].id), all[1]);
  EXPECT_EQ(all[1].source, "import");
  EXPECT_EQ(all[1].created_by, staff);

  EXPECT_TRUE(
      change([&](Stores& s) { return s.get<KbLearningStore>().set_pair_revoked(all[1].id, true, staff, 140); }));
  EXPECT_EQ(learning().active_pairs().size(), 1u);
  EXPECT_EQ(learning().pairs({.revoked = false}).size(), 1u);
  EXPECT_EQ(learning().counts(), (LearningCounts{0, 0, 1, 1}));
  EXPECT_EQ(put("停车券在哪领", "停车票哪里拿", true, 150), PairWrite::updated) << "imported again: restored";
  EXPECT_EQ(learning().active_pairs().size(), 2u);
  EXPECT_FALSE(change([&](Stores& s) { return s.get<KbLearningStore>().set_pair_revoked(999999, true, staff, 1); }));
}

TEST_P(KbLearningContract, DeletingAnEntryForgetsWhatWasLearnedForIt) {
  add(signal("停车票在哪拿", "clicked", 7, 100));
  EXPECT_TRUE(change([&](Stores& s) { return s.get<FaqStore>().delete_faq(entry); }));
  EXPECT_TRUE(learning().signals({}).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, KbLearningContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
