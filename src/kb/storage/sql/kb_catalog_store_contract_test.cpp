// The storage contract for the knowledge base's catalogue: the category tree in its order,
// synonym groups and small talk.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "kb/storage/kb_catalog_store.hpp"

namespace kefu::storage {
namespace {

class KbCatalogContract : public Contract {
 protected:
  template <class F>
  auto change(F f) {
    decltype(f(std::declval<KbCatalogStore&>())) out{};
    db->write_sync([&](Stores& s) { out = f(s.get<KbCatalogStore>()); });
    return out;
  }
  KbCatalogStore& catalog() { return db->reader().get<KbCatalogStore>(); }
};

TEST_P(KbCatalogContract, CategoriesComeRootsFirstThenByParentPositionAndId) {
  const auto b = change([](KbCatalogStore& s) { return s.insert_category({.name = "停车", .position = 2}); });
  const auto a = change([](KbCatalogStore& s) { return s.insert_category({.name = "会员", .position = 1}); });
  const auto a1 = change([&](KbCatalogStore& s) { return s.insert_category({.parent_id = a, .name = "积分"}); });
  const auto b1 = change([&](KbCatalogStore& s) { return s.insert_category({.parent_id = b, .name = "停车券"}); });
  std::vector<int64_t> order;
  for (const auto& c : catalog().categories()) order.push_back(c.id);
  EXPECT_EQ(order, (std::vector<int64_t>{a, b, b < a ? b1 : a1, b < a ? a1 : b1}));
  EXPECT_EQ(*catalog().category(a1), (kb::Category{a1, a, "积分", 0}));
  EXPECT_FALSE(catalog().category(a1 + 100));

  EXPECT_TRUE(change([&](KbCatalogStore& s) { return s.update_category({a1, b, "积分券", 5}); }));
  EXPECT_EQ(*catalog().category(a1), (kb::Category{a1, b, "积分券", 5}));
  EXPECT_FALSE(change([&](KbCatalogStore& s) { return s.update_category({a1 + 100, std::nullopt, "x", 0}); }));
  EXPECT_EQ(catalog().faqs_in_category(a1), 0);
  EXPECT_TRUE(change([&](KbCatalogStore& s) { return s.delete_category(a1); }));
  EXPECT_FALSE(change([&](KbCatalogStore& s) { return s.delete_category(a1); }));
  EXPECT_EQ(catalog().categories().size(), 3u);
}

TEST_P(KbCatalogContract, SynonymGroupsAndSmallTalk) {
  const kb::SynonymGroup g{0, {"停车券", "停车票"}, 100, staff};
  const auto empty = catalog().stamp();
  auto id = change([&](KbCatalogStore& s) { return s.insert_synonyms(g); });
  const auto one = catalog().stamp();
  EXPECT_NE(one, empty) << "a synonym group changes what the bot knows";
  EXPECT_EQ(catalog().stamp(), one) << "nothing changed, the same stamp";
  change([&](KbCatalogStore& s) { return s.insert_synonyms({0, {"退货", "退款", "退钱"}, 200, staff}); });
  auto all = catalog().synonyms();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0], (kb::SynonymGroup{id, {"停车券", "停车票"}, 100, staff}));
  EXPECT_EQ(all[1].words, (std::vector<std::string>{"退货", "退款", "退钱"}));
  EXPECT_TRUE(change([&](KbCatalogStore& s) { return s.update_synonyms({id, {"停车券", "停车劵"}, 300, staff}); }));
  EXPECT_EQ(catalog().synonyms()[0].words, (std::vector<std::string>{"停车券", "停车劵"}));
  EXPECT_FALSE(change([&](KbCatalogStore& s) { return s.update_synonyms({id + 9, {"a", "b"}, 1, staff}); }));
  EXPECT_TRUE(change([&](KbCatalogStore& s) { return s.delete_synonyms(id); }));
  EXPECT_FALSE(change([&](KbCatalogStore& s) { return s.delete_synonyms(id); }));
  EXPECT_EQ(catalog().synonyms().size(), 1u);
  const auto before_talk = catalog().stamp();

  const auto hi = change([&](KbCatalogStore& s) { return s.insert_small_talk({0, "你好", "您好！", 100, staff}); });
  EXPECT_EQ(catalog().small_talk(), (std::vector<kb::SmallTalk>{{hi, "你好", "您好！", 100, staff}}));
  EXPECT_TRUE(change([&](KbCatalogStore& s) { return s.update_small_talk({hi, "您好", "你好呀", 200, staff}); }));
  EXPECT_EQ(catalog().small_talk()[0].reply, "你好呀");
  EXPECT_FALSE(change([&](KbCatalogStore& s) { return s.update_small_talk({hi + 9, "x", "y", 1, staff}); }));
  EXPECT_TRUE(change([&](KbCatalogStore& s) { return s.delete_small_talk(hi); }));
  EXPECT_FALSE(change([&](KbCatalogStore& s) { return s.delete_small_talk(hi); }));
  EXPECT_TRUE(catalog().small_talk().empty());
  EXPECT_EQ(catalog().stamp(), before_talk) << "small talk is not the matcher's";
}

INSTANTIATE_TEST_SUITE_P(Backends, KbCatalogContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
