// Knowledge base entries as an admin, a store's supervisor and an agent use them: drafts
// become versions when published, editing a published entry leaves customers the published
// text until the draft is published, each store keeps its own answer, all staff read.
#include "kb/app/kb_entries.hpp"

#include "kb/app/kb_catalog.hpp"
#include "kb/app/kb_fixture.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class KbEntries : public KbUseCases {};

TEST_F(KbEntries, ANewEntryIsADraftUntilPublishedAndEachPublicationIsAVersion) {
  auto f = create(input("停车怎么收费", "首小时 10 元"));
  EXPECT_EQ(f.status, "draft");
  EXPECT_EQ(f.version, 0);
  EXPECT_EQ(f.content.similar, (std::vector<std::string>{"停车怎么收费？", "请问停车怎么收费"}));

  // Editing a draft changes it in place: no version, no separate draft.
  auto in = input("停车怎么收费", "首小时 15 元");
  f = as(admin, [&](Context& c) { return update_faq(c, f.id, in); });
  EXPECT_EQ(f.content.answer, "首小时 15 元");
  EXPECT_FALSE(f.draft);

  f = publish(f.id, kNow + 1000);
  EXPECT_EQ(f.status, "published");
  EXPECT_EQ(f.version, 1);
  EXPECT_EQ(f.published_at, kNow + 1000);
  EXPECT_EQ(f.published_by, admin.staff_id);

  // Editing the published entry writes a draft; customers keep version 1.
  in.content.answer = "首小时 20 元";
  f = as(
      admin, [&](Context& c) { return update_faq(c, f.id, in); }, kNow + 2000);
  EXPECT_EQ(f.content.answer, "首小时 15 元");
  ASSERT_TRUE(f.draft);
  EXPECT_EQ(f.draft->content.answer, "首小时 20 元");
  EXPECT_EQ(read(agent, f.id).content.answer, "首小时 15 元");

  f = publish(f.id, kNow + 3000);
  EXPECT_EQ(f.content.answer, "首小时 20 元");
  EXPECT_FALSE(f.draft);
  EXPECT_EQ(f.version, 2);
  EXPECT_EQ(publish(f.id).version, 2) << "nothing to publish: unchanged";

  auto history = as(agent, [&](Context& c) { return faq_versions(c, f.id); });
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version, 2);
  EXPECT_EQ(history[0].content.answer, "首小时 20 元");
  EXPECT_EQ(history[1].content.answer, "首小时 15 元");
  EXPECT_EQ(history[1].published_at, kNow + 1000);
}

TEST_F(KbEntries, ADraftCanBeDiscardedAndAnEditBackToThePublishedTextDropsIt) {
  auto f = publish(create(input("几点关门")).id);
  auto changed = input("几点关门", "22:30 闭店");
  f = as(admin, [&](Context& c) { return update_faq(c, f.id, changed); });
  ASSERT_TRUE(f.draft);
  f = as(admin, [&](Context& c) { return discard_draft(c, f.id); });
  EXPECT_FALSE(f.draft);
  EXPECT_FALSE(read(admin, f.id).draft);

  as(admin, [&](Context& c) { return update_faq(c, f.id, changed); });
  f = as(admin, [&](Context& c) { return update_faq(c, f.id, input("几点关门")); });
  EXPECT_FALSE(f.draft) << "the same content as published: no draft left";
}

TEST_F(KbEntries, FieldsAreCheckedAndTidied) {
  auto code = [&](FaqInput in) { return code_of([&] { create(in); }); };
  EXPECT_EQ(code(input("")), "required");
  EXPECT_EQ(code(input("问题", "  ")), "required");
  EXPECT_EQ(code(input(std::string(201 * 3, 'x'))), "too_long");
  auto in = input("问题");
  in.content.audience = "customers";
  EXPECT_EQ(code(in), "invalid_enum");
  in = input("问题");
  in.content.valid_from = 2000;
  in.content.valid_to = 1000;
  EXPECT_EQ(code(in), "invalid_range");
  in = input("问题");
  in.category_id = 999;
  EXPECT_EQ(code(in), "unknown_reference");
  in = input("问题");
  in.content.similar = std::vector<std::string>(101, "x");
  for (int i = 0; i < 101; ++i) in.content.similar[i] += std::to_string(i);
  EXPECT_EQ(code(in), "invalid_field");

  in = input("  会员怎么注册 ");
  in.content.similar = {" 怎么办会员 ", "", "怎么办会员", "会员怎么注册"};
  in.content.keywords = {"会员", " 会员", ""};
  in.external_id = "  ";
  auto f = create(in);
  EXPECT_EQ(f.content.question, "会员怎么注册");
  EXPECT_EQ(f.content.similar, (std::vector<std::string>{"怎么办会员"}))
      << "trimmed, no blanks, repeats or the question";
  EXPECT_EQ(f.content.keywords, (std::vector<std::string>{"会员"}));
  EXPECT_FALSE(f.external_id);
}

TEST_F(KbEntries, AnEditBasedOnAnOlderLoadIsRefused) {
  const auto f = publish(create(input("几点关门")).id, kNow + 1000);
  auto mine = input("几点关门", "22:00 闭店");
  mine.base_updated_at = f.updated_at;
  auto theirs = input("几点关门", "22:30 闭店");
  theirs.base_updated_at = f.updated_at;
  const auto first = as(
      admin, [&](Context& c) { return update_faq(c, f.id, theirs); }, kNow + 2000);
  EXPECT_EQ(code_of([&] {
              as(
                  admin, [&](Context& c) { return update_faq(c, f.id, mine); }, kNow + 3000);
            }),
            "version_conflict");
  mine.base_updated_at = first.updated_at;
  EXPECT_EQ(as(
                admin, [&](Context& c) { return update_faq(c, f.id, mine); }, kNow + 4000)
                .draft->content.answer,
            "22:00 闭店")
      << "based on what is there now: accepted";
}

TEST_F(KbEntries, ExternalIdsAreUnique) {
  auto in = input("发票怎么开");
  in.external_id = "faq-1";
  const auto first = create(in);
  EXPECT_EQ(code_of([&] { create(in); }), "duplicate");
  EXPECT_EQ(code_of([&] { as(admin, [&](Context& c) { return update_faq(c, first.id, in); }); }), "none")
      << "an entry keeps its own external id";
}

TEST_F(KbEntries, OnlyAdminsEditAllStaffReadCustomersNothing) {
  const auto f = create(input("积分怎么兑换"));
  for (const auto* who : {&supervisor, &agent}) {
    EXPECT_EQ(code_of([&] { as(*who, [&](Context& c) { return create_faq(c, input("x")); }); }), "forbidden");
    EXPECT_EQ(code_of([&] { as(*who, [&](Context& c) { return publish_faq(c, f.id); }); }), "forbidden");
    EXPECT_EQ(code_of([&] { as(*who, [&](Context& c) { return update_faq(c, f.id, input("y")); }); }), "forbidden");
    EXPECT_EQ(read(*who, f.id).content.question, "积分怎么兑换");
  }
  EXPECT_EQ(code_of([&] { read(people::customer_actor(), f.id); }), "forbidden");
  auto token = agent;
  token.via_token = true;
  token.scopes = {"tickets:read"};
  EXPECT_EQ(code_of([&] { read(token, f.id); }), "forbidden");
  token.scopes = {"kb:read"};
  EXPECT_EQ(read(token, f.id).id, f.id);
  auto admin_token = admin;
  admin_token.via_token = true;
  admin_token.scopes = {"kb:read"};
  EXPECT_EQ(code_of([&] { as(admin_token, [&](Context& c) { return publish_faq(c, f.id); }); }), "forbidden");
  EXPECT_EQ(code_of([&] { read(admin, f.id + 100); }), "not_found");
}

TEST_F(KbEntries, ASupervisorKeepsTheirStoresOwnAnswerOnly) {
  const auto f = publish(create(input("营业时间", "每天 10:00–22:00")).id);
  auto got = as(supervisor, [&](Context& c) { return put_variant(c, f.id, store_a, "甲店 10:00–22:30"); });
  EXPECT_EQ(kb::answer_for(got, store_a), "甲店 10:00–22:30");
  EXPECT_EQ(kb::answer_for(got, store_b), "每天 10:00–22:00");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return put_variant(c, f.id, store_b, "x"); }); }),
            "unknown_reference");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return put_variant(c, f.id, store_a, "x"); }); }), "forbidden");
  as(supervisor_b, [&](Context& c) { return put_variant(c, f.id, store_b, "乙店 9:30–22:30"); });
  EXPECT_EQ(read(agent, f.id).variants.size(), 2u);
  // An empty answer removes the store's own; the next publication records the variants.
  as(admin, [&](Context& c) { return put_variant(c, f.id, store_a, ""); });
  EXPECT_EQ(read(agent, f.id).variants, (std::map<int64_t, std::string>{{store_b, "乙店 9:30–22:30"}}));
  as(admin, [&](Context& c) { return update_faq(c, f.id, input("营业时间", "以门店公告为准")); });
  publish(f.id);
  const auto v2 = as(agent, [&](Context& c) { return faq_versions(c, f.id); });
  EXPECT_EQ(v2[0].variants, (std::map<int64_t, std::string>{{store_b, "乙店 9:30–22:30"}}));
  EXPECT_TRUE(v2[1].variants.empty());
}

TEST_F(KbEntries, SearchFiltersAndBulkMove) {
  const auto parking = as(admin, [&](Context& c) { return create_category(c, {.name = "停车"}); });
  const auto coupons =
      as(admin, [&](Context& c) { return create_category(c, {.parent_id = parking.id, .name = "停车券"}); });
  auto in = input("停车券在哪里领");
  in.category_id = coupons.id;
  const auto a = create(in);
  auto sop = input("走失儿童处置流程");
  sop.content.audience = "internal";
  const auto b = publish(create(sop).id);
  const auto c3 = create(input("发票怎么开"));
  auto list = [&](FaqQuery q) {
    std::vector<int64_t> ids;
    for (const auto& f : as(agent, [&](Context& c) { return list_faqs(c, q); })) ids.push_back(f.id);
    return ids;
  };
  EXPECT_EQ(list({.category_id = parking.id}), (std::vector<int64_t>{a.id})) << "a category takes its subcategories";
  EXPECT_EQ(list({.audience = "internal"}), (std::vector<int64_t>{b.id})) << "agents find internal articles";
  EXPECT_EQ(list({.text = "走失"}), (std::vector<int64_t>{b.id}));
  EXPECT_EQ(list({.status = "draft"}), (std::vector<int64_t>{a.id, c3.id}));
  EXPECT_EQ(code_of([&] { list({.status = "gone"}); }), "invalid_enum");

  EXPECT_EQ(as(admin, [&](Context& c) { return move_faqs(c, {b.id, c3.id}, parking.id); }), 2);
  EXPECT_EQ(list({.category_id = parking.id}), (std::vector<int64_t>{a.id, b.id, c3.id}));
  EXPECT_EQ(code_of([&] { as(admin, [&](Context& c) {
                            return move_faqs(c, {b.id, 999}, parking.id);
                          }); }),
            "unknown_reference");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return move_faqs(c, {b.id}, std::nullopt); }); }),
            "forbidden");
  EXPECT_EQ(code_of([&] {
              as(admin, [&](Context& c) {
                delete_category(c, parking.id);
                return 0;
              });
            }),
            "invalid_field")
      << "a category with entries or subcategories stays";
  as(admin, [&](Context& c) {
    delete_faq(c, a.id);
    return 0;
  });
  EXPECT_EQ(code_of([&] { read(agent, a.id); }), "not_found");
}

}  // namespace
}  // namespace kefu::app
