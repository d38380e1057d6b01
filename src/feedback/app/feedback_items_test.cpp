// The feedback inbox's use cases: the one way in (record_item) with its dedupe and its
// defaults, who may read and write what, confirmations (audited), the taxonomy's first
// edit and places.
#include "feedback/app/feedback_items.hpp"

#include <gtest/gtest.h>

#include "core/app/use_case_test.hpp"
#include "core/storage/platform_stores.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app::testing {
namespace {

class FeedbackUseCases : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store_a = r.get<storage::OrgStore>().insert_store({.code = "SH01", .name = "甲店"});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "CD01", .name = "乙店"});
      admin = make(r, "root", "admin", {}, {});
      supervisor = make(r, "sup", "supervisor", {store_a}, {});
      agent = make(r, "agent1", "agent", {store_a}, {});
      agent_b = make(r, "agentb", "agent", {store_b}, {});
    });
  }

  feedback::Place place(const std::string& name, const std::string& touchpoint, int64_t store = 0) {
    return as(supervisor_or_admin(store), [&](Context& c) {
      return create_place(c, {store ? store : store_a, name, touchpoint, true});
    });
  }
  const people::Actor& supervisor_or_admin(int64_t store) { return store && store != store_a ? admin : supervisor; }

  int64_t store_a = 0, store_b = 0;
  people::Actor admin, supervisor, agent, agent_b;
};

TEST_F(FeedbackUseCases, AnItemThroughAPlaceTakesItsStoreAndTouchpoint) {
  const auto p = place("B2 停车场", "parking");
  auto r = as(agent, [&](Context& c) {
    NewFeedback in;
    in.place_id = p.id;
    in.store_id = store_b;  // ignored: the place says where
    in.text = "车位太窄";
    in.contact_phone = "138 0000 1111";
    return enter_item(c, in);
  });
  EXPECT_TRUE(r.created);
  EXPECT_EQ(r.item.store_id, store_a);
  EXPECT_EQ(r.item.place_id, p.id);
  EXPECT_EQ(r.item.touchpoint, "parking");
  EXPECT_EQ(r.item.source, "desk");
  EXPECT_EQ(r.item.contact_phone, "13800001111") << "stored normalised";
  EXPECT_EQ(r.item.entered_by, agent.staff_id);
  EXPECT_EQ(r.item.said_at, kNow);
}

TEST_F(FeedbackUseCases, ASourceGivingTheSameKeyTwiceGetsTheFirstItemBack) {
  NewFeedback in;
  in.store_id = store_a;
  in.source = "social";
  in.source_ref = "dianping:77";
  in.text = "停车收费太贵";
  in.said_at = kNow - 86'400'000;
  const auto first = as(admin, [&](Context& c) { return record_item(c, in); });
  in.text = "改过的文字";
  const auto again = as(
      admin, [&](Context& c) { return record_item(c, in); }, kNow + 1000);
  EXPECT_TRUE(first.created);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.item.id, first.item.id);
  EXPECT_EQ(again.item.text, "停车收费太贵") << "the first stays as it was";
  EXPECT_EQ(first.item.said_at, kNow - 86'400'000);
  EXPECT_EQ(first.item.touchpoint, "") << "social media: no touchpoint unless something says one";
}

TEST_F(FeedbackUseCases, AChannelGivesItsTouchpointAndTheFutureIsNotATime) {
  NewFeedback in;
  in.store_id = store_a;
  in.source = "chat";
  in.text = "客服回复很快";
  in.said_at = kNow + 3'600'000;
  const auto r = as(admin, [&](Context& c) { return record_item(c, in); });
  EXPECT_EQ(r.item.touchpoint, "online");
  EXPECT_EQ(r.item.said_at, kNow) << "a time in the future is now";
}

TEST_F(FeedbackUseCases, APredictionIsTakenOnlyWhole) {
  NewFeedback in;
  in.store_id = store_a;
  in.text = "衣服洗一次就起球";
  in.topic = feedback::Label{"quality", 0.9};
  in.sentiment = feedback::Label{"negative", 0.1};
  in.model_version = 2;
  auto r = as(agent, [&](Context& c) { return enter_item(c, in); });
  EXPECT_EQ(r.item.topic, "quality");
  EXPECT_EQ(r.item.sentiment, "negative");
  EXPECT_EQ(r.item.model_version, 2);
  in.model_version.reset();
  r = as(agent, [&](Context& c) { return enter_item(c, in); });
  EXPECT_EQ(r.item.topic, "") << "without a model version it is no prediction";
}

TEST_F(FeedbackUseCases, StaffReachOnlyTheirStoresAndTheirRole) {
  NewFeedback in;
  in.store_id = store_a;
  in.text = "试衣间太少";
  const auto id = as(agent, [&](Context& c) { return enter_item(c, in); }).item.id;
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return get_item(c, id); }); }), "not_found");
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return enter_item(c, in); }); }), "not_found");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) {
                            return create_place(c, {store_a, "y", "floor", true});
                          }); }),
            "forbidden")
      << "agents do not add places";
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) {
                            return put_topic(c, {"x", "某", "", 0, true});
                          }); }),
            "forbidden")
      << "the taxonomy is the admin's";
  auto page = as(agent_b, [&](Context& c) { return list_items(c, {}); });
  EXPECT_EQ(page.total, 0) << "another store's inbox is empty to them";
  page = as(admin, [&](Context& c) { return list_items(c, {}); });
  EXPECT_EQ(page.total, 1);
  auto token = agent;
  token.via_token = true;
  token.scopes = {"feedback:read"};
  EXPECT_EQ(code_of([&] { as(token, [&](Context& c) { return enter_item(c, in); }); }), "forbidden");
  EXPECT_EQ(as(token, [&](Context& c) { return get_item(c, id); }).id, id);
}

TEST_F(FeedbackUseCases, AConfirmationIsAuditedAndARetiredTopicIsNoLabel) {
  NewFeedback in;
  in.store_id = store_a;
  in.text = "排队结账太慢";
  const auto id = as(agent, [&](Context& c) { return enter_item(c, in); }).item.id;
  const auto t = as(agent, [&](Context& c) { return confirm_labels(c, id, std::string("queueing"), std::nullopt); });
  EXPECT_EQ(t.topic, "queueing");
  EXPECT_TRUE(t.topic_confirmed);
  EXPECT_FALSE(t.sentiment_confirmed);
  EXPECT_EQ(t.confirmed_by, agent.staff_id);
  auto audit = db->reader().get<storage::AuditStore>().audit("feedback_item", id);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "feedback.confirm");

  as(admin, [&](Context& c) { return put_topic(c, {"queueing", "排队等候", "Queueing", 0, false}); });
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return confirm_labels(c, id, std::string("queueing"), {}); }); }),
            "invalid_enum");
}

TEST_F(FeedbackUseCases, TheFirstTaxonomyEditKeepsTheDefaults) {
  auto topics = as(agent, [&](Context& c) { return list_topics(c); });
  ASSERT_EQ(topics.size(), 11u);
  EXPECT_EQ(topics[0].name, "商品质量");
  topics = as(admin, [&](Context& c) { return put_topic(c, {"toilets", "洗手间", "Toilets", 0, true}); });
  ASSERT_EQ(topics.size(), 12u);
  EXPECT_EQ(topics[0].name, "商品质量");
  EXPECT_EQ(topics.back().code, "toilets");
  EXPECT_EQ(topics.back().position, 12) << "a new topic goes last";
  topics = as(admin, [&](Context& c) { return put_topic(c, {"price", "价格与收费", "Prices", 0, true}); });
  EXPECT_EQ(topics[3].name, "价格与收费") << "an edit keeps the position";
}

TEST_F(FeedbackUseCases, APlaceKeepsItsCodeAndCodesDiffer) {
  const auto a = place("一楼服务台", "service_desk");
  const auto b = place("一楼服务台", "service_desk");
  EXPECT_NE(a.code, b.code);
  EXPECT_GE(a.code.size(), 16u);
  const auto edited = as(supervisor, [&](Context& c) {
    return update_place(c, a.id, {0, "总服务台", "service_desk", false});
  });
  EXPECT_EQ(edited.code, a.code);
  EXPECT_FALSE(edited.active);
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return get_place(c, a.id); }); }), "not_found");
}

}  // namespace
}  // namespace kefu::app::testing
