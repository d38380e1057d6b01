// The storage contract for knowledge base entries: the row and its lists round-trip, the
// filters narrow, drafts and variants hang on their entry, versions are kept newest first,
// external ids are unique, a move and a delete take what hangs on an entry along.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "kb/storage/faq_store.hpp"
#include "kb/storage/kb_catalog_store.hpp"

namespace kefu::storage {
namespace {

class FaqContract : public Contract {
 protected:
  kb::Faq entry(const std::string& question, std::optional<std::string> external_id = std::nullopt) {
    kb::Faq f;
    f.external_id = std::move(external_id);
    f.content = {.question = question,
                 .similar = {question + "吗", "请问" + question},
                 .answer = "**答案** " + question,
                 .keywords = {"停车"}};
    f.created_at = f.updated_at = 1000;
    f.created_by = f.updated_by = staff;
    return f;
  }
  int64_t add(const kb::Faq& f) {
    int64_t id = 0;
    db->write_sync([&](Stores& s) { id = s.get<FaqStore>().insert_faq(f); });
    return id;
  }
  template <class F>
  void change(F f) {
    db->write_sync([&](Stores& s) { f(s.get<FaqStore>()); });
  }
  FaqStore& faqs() { return db->reader().get<FaqStore>(); }
  std::vector<std::string> questions(const FaqFilter& f) {
    std::vector<std::string> out;
    for (const auto& x : faqs().faqs(f)) out.push_back(x.content.question);
    return out;
  }
};

using Names = std::vector<std::string>;

TEST_P(FaqContract, AnEntryRoundTripsWithItsListsTimesAndNulls) {
  auto f = entry("停车怎么收费", "ext-1");
  f.category_id = std::nullopt;
  f.content.audience = "internal";
  f.content.valid_from = 5;
  f.content.valid_to = 9'000'000'000'000;
  f.content.answer = "他说：\"退货\"\n第二行 'x' \\";
  f.id = add(f);
  auto got = faqs().faq(f.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(*got, f);
  EXPECT_EQ(faqs().faq_by_external_id("ext-1"), f.id);
  EXPECT_FALSE(faqs().faq_by_external_id("EXT-1"));
  EXPECT_FALSE(faqs().faq(f.id + 100));

  auto plain = entry("几点关门");
  plain.id = add(plain);
  EXPECT_FALSE(faqs().faq(plain.id)->external_id) << "no external id stays none";
}

TEST_P(FaqContract, ExternalIdsAreUniqueButManyEntriesHaveNone) {
  add(entry("a", "same"));
  add(entry("b"));
  add(entry("c"));
  EXPECT_ANY_THROW(add(entry("d", "same")));
  EXPECT_EQ(questions({}), (Names{"a", "b", "c"}));
}

TEST_P(FaqContract, FiltersNarrowTheList) {
  int64_t cat = 0, other = 0;
  db->write_sync([&](Stores& s) {
    cat = s.get<KbCatalogStore>().insert_category({.name = "停车"});
    other = s.get<KbCatalogStore>().insert_category({.name = "会员"});
  });
  auto a = entry("停车怎么收费");
  a.category_id = cat;
  a.status = "published";
  const auto ida = add(a);
  auto b = entry("积分怎么兑换");
  b.category_id = other;
  b.content.audience = "internal";
  b.content.keywords = {"Points"};
  const auto idb = add(b);
  add(entry("发票怎么开", "INV-7"));

  EXPECT_EQ(questions({.category_ids = std::vector<int64_t>{cat}}), (Names{"停车怎么收费"}));
  EXPECT_EQ(questions({.category_ids = std::vector<int64_t>{cat, other}}), (Names{"停车怎么收费", "积分怎么兑换"}));
  EXPECT_TRUE(questions({.category_ids = std::vector<int64_t>{}}).empty());
  EXPECT_EQ(questions({.status = "published"}), (Names{"停车怎么收费"}));
  EXPECT_EQ(questions({.status = "draft"}), (Names{"积分怎么兑换", "发票怎么开"}));
  EXPECT_EQ(questions({.audience = "internal"}), (Names{"积分怎么兑换"}));
  // Text: question, similar questions, answer, keywords (ASCII in any case), external id.
  EXPECT_EQ(questions({.text = "请问发票"}), (Names{"发票怎么开"}));
  EXPECT_EQ(questions({.text = "points"}), (Names{"积分怎么兑换"}));
  EXPECT_EQ(questions({.text = "inv-7"}), (Names{"发票怎么开"}));
  EXPECT_EQ(questions({.text = "答案"}).size(), 3u);
  EXPECT_TRUE(questions({.text = "退货"}).empty());
  // Store: entries with that store's own answer; pending: entries with a draft.
  change([&](FaqStore& s) {
    s.put_variant(idb, store_b, "乙店的答案", 2000, staff);
    s.put_draft(ida,
                {.content = {.question = "新问题退货", .answer = "新答案"}, .updated_at = 3000, .updated_by = staff});
  });
  EXPECT_EQ(questions({.store_id = store_b}), (Names{"积分怎么兑换"}));
  EXPECT_TRUE(questions({.store_id = store_a}).empty());
  EXPECT_EQ(questions({.with_draft_only = true}), (Names{"停车怎么收费"}));
  EXPECT_EQ(questions({.text = "退货"}), (Names{"停车怎么收费"})) << "a draft's text is searched too";
  // Paging by id.
  EXPECT_EQ(questions({.after_id = ida, .limit = 1}), (Names{"积分怎么兑换"}));
}

TEST_P(FaqContract, DraftsVariantsAndVersionsHangOnTheirEntry) {
  auto f = entry("营业时间");
  f.id = add(f);
  const kb::FaqDraft draft{.content = {.question = "营业时间是几点", .similar = {"几点开门"}, .answer = "10 点"},
                           .updated_at = 2000,
                           .updated_by = staff};
  change([&](FaqStore& s) {
    s.put_draft(f.id, draft);
    s.put_variant(f.id, store_a, "甲店 10:00–22:00", 2000, staff);
    s.put_variant(f.id, store_b, "乙店 9:30–22:30", 2000, staff);
  });
  auto got = faqs().faq(f.id);
  ASSERT_TRUE(got && got->draft);
  EXPECT_EQ(*got->draft, draft);
  EXPECT_EQ(got->variants,
            (std::map<int64_t, std::string>{{store_a, "甲店 10:00–22:00"}, {store_b, "乙店 9:30–22:30"}}));

  // Replacing, then removing with an empty answer.
  change([&](FaqStore& s) {
    s.put_draft(f.id, {.content = {.question = "改过", .answer = "x"}, .updated_at = 3000, .updated_by = staff});
    s.put_variant(f.id, store_a, "甲店新时间", 3000, staff);
    s.put_variant(f.id, store_b, "", 3000, staff);
  });
  got = faqs().faq(f.id);
  EXPECT_EQ(got->draft->content.question, "改过");
  EXPECT_EQ(got->variants, (std::map<int64_t, std::string>{{store_a, "甲店新时间"}}));
  change([&](FaqStore& s) { s.drop_draft(f.id); });
  EXPECT_FALSE(faqs().faq(f.id)->draft);

  // Versions, newest first, with the variants of their moment.
  const kb::FaqVersion v1{f.id, 1, f.content, {{store_a, "甲店旧时间"}}, 4000, staff};
  const kb::FaqVersion v2{f.id, 2, draft.content, {}, 5000, staff};
  change([&](FaqStore& s) {
    s.insert_version(v1);
    s.insert_version(v2);
  });
  EXPECT_EQ(faqs().versions(f.id), (std::vector<kb::FaqVersion>{v2, v1}));
  EXPECT_TRUE(faqs().versions(f.id + 1).empty());
  EXPECT_ANY_THROW(change([&](FaqStore& s) { s.insert_version(v1); })) << "one row per version";
}

TEST_P(FaqContract, UpdateMoveAndDelete) {
  auto f = entry("旧问题", "e1");
  f.id = add(f);
  int64_t cat = 0;
  db->write_sync([&](Stores& s) { cat = s.get<KbCatalogStore>().insert_category({.name = "服务"}); });
  f.status = "published";
  f.version = 3;
  f.external_id = "e2";
  f.content.question = "新问题";
  f.content.similar = {};
  f.published_at = 7000;
  f.published_by = staff;
  f.updated_at = 7000;
  bool updated = false;
  change([&](FaqStore& s) { updated = s.update_faq(f); });
  EXPECT_TRUE(updated);
  EXPECT_EQ(*faqs().faq(f.id), f);
  EXPECT_FALSE(faqs().faq_by_external_id("e1"));
  auto ghost = f;
  ghost.id += 100;
  change([&](FaqStore& s) { updated = s.update_faq(ghost); });
  EXPECT_FALSE(updated);

  const auto other = add(entry("另一个"));
  int moved = 0;
  change([&](FaqStore& s) { moved = s.move_faqs({f.id, other, other + 50}, cat, 8000, staff); });
  EXPECT_EQ(moved, 2);
  EXPECT_EQ(faqs().faq(other)->category_id, cat);
  EXPECT_EQ(faqs().faq(other)->updated_at, 8000);
  EXPECT_EQ(db->reader().get<KbCatalogStore>().faqs_in_category(cat), 2);
  change([&](FaqStore& s) { moved = s.move_faqs({other}, std::nullopt, 9000, staff); });
  EXPECT_FALSE(faqs().faq(other)->category_id);

  change([&](FaqStore& s) {
    s.put_draft(f.id, {.content = {.question = "草稿", .answer = "x"}, .updated_at = 1, .updated_by = staff});
    s.put_variant(f.id, store_a, "甲店", 1, staff);
    s.insert_version({f.id, 1, f.content, {}, 1, staff});
  });
  bool deleted = false;
  change([&](FaqStore& s) { deleted = s.delete_faq(f.id); });
  EXPECT_TRUE(deleted);
  EXPECT_FALSE(faqs().faq(f.id));
  EXPECT_TRUE(faqs().versions(f.id).empty());
  change([&](FaqStore& s) { deleted = s.delete_faq(f.id); });
  EXPECT_FALSE(deleted);
}

INSTANTIATE_TEST_SUITE_P(Backends, FaqContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
