// The customer's feedback form (扫码反馈): a QR code's place gives the store and touchpoint,
// a store's general link the store; anonymous unless a phone is left (a member's phone links
// the member); photos numbered in order; a retry with the form's id stores nothing new;
// the limits per address and per phone; staff read the photos of their stores only.
#include "feedback/app/feedback_intake.hpp"

#include <gtest/gtest.h>

#include "core/app/use_case_test.hpp"
#include "feedback/app/feedback_items.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app::testing {
namespace {

class FeedbackIntake : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store_a = r.get<storage::OrgStore>().insert_store({.code = "SH01", .name = "甲店"});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "CD01", .name = "乙店"});
      supervisor = make(r, "sup", "supervisor", {store_a}, {});
      agent = make(r, "agent1", "agent", {store_a}, {});
      agent_b = make(r, "agentb", "agent", {store_b}, {});
      member = r.get<storage::MemberStore>().insert_member(
          {0, "M001", "王女士", "13900001111", "gold", "", {}, store_a, kNow});
    });
    place = as(supervisor, [&](Context& c) { return create_place(c, {store_a, "B2 停车场", "parking", true}); });
  }

  PublicReceipt submit(PublicFeedback in, std::vector<storage::FeedbackPhoto> photos = {}, int64_t at = kNow) {
    if (in.remote.empty()) in.remote = "10.0.0.1";
    return as(
        people::customer_actor(), [&](Context& c) { return submit_public_feedback(c, in, photos); }, at);
  }
  static storage::FeedbackPhoto photo(const std::string& sha) { return {0, 0, 0, sha, "image/jpeg", "p.jpg", 10, 0}; }

  int64_t store_a = 0, store_b = 0, member = 0;
  people::Actor supervisor, agent, agent_b;
  feedback::Place place;
};

TEST_F(FeedbackIntake, TheQrCodeNamesTheStoreAndPlaceAndNothingElse) {
  auto p = as(people::customer_actor(), [&](Context& c) { return public_place(c, place.code); });
  EXPECT_EQ(p.code, place.code);
  EXPECT_EQ(p.store_name, "甲店");
  EXPECT_EQ(p.place_name, "B2 停车场");
  EXPECT_EQ(code_of([&] { as(people::customer_actor(), [&](Context& c) { return public_place(c, "nope"); }); }),
            "not_found");
  as(supervisor, [&](Context& c) { return update_place(c, place.id, {store_a, "B2 停车场", "parking", false}); });
  EXPECT_EQ(code_of([&] { as(people::customer_actor(), [&](Context& c) { return public_place(c, place.code); }); }),
            "not_found")
      << "a retired place's code opens nothing";
}

TEST_F(FeedbackIntake, AFormFromTheQrCodeIsAnAnonymousItemAtThatPlace) {
  auto r = submit({.place_code = place.code, .text = "车位太窄，停不进去", .rating = 2}, {photo("aa"), photo("bb")});
  EXPECT_TRUE(r.created);
  EXPECT_EQ(r.photos, 2);
  EXPECT_EQ(r.item.source, "form");
  EXPECT_EQ(r.item.store_id, store_a);
  EXPECT_EQ(r.item.place_id, place.id);
  EXPECT_EQ(r.item.touchpoint, "parking");
  EXPECT_EQ(r.item.rating, 2);
  EXPECT_EQ(r.item.contact_phone, "");
  EXPECT_FALSE(r.item.member_id);

  auto photos = as(agent, [&](Context& c) { return item_photos(c, r.item.id); });
  ASSERT_EQ(photos.size(), 2u);
  EXPECT_EQ(photos[0].n, 1);
  EXPECT_EQ(photos[0].sha256, "aa");
  EXPECT_EQ(photos[1].n, 2);
  EXPECT_EQ(photos[1].created_at, kNow);
  EXPECT_EQ(as(agent, [&](Context& c) { return item_photo(c, r.item.id, 2); }).sha256, "bb");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return item_photo(c, r.item.id, 3); }); }), "not_found");
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return item_photos(c, r.item.id); }); }), "not_found")
      << "another store's staff do not learn it exists";
}

TEST_F(FeedbackIntake, AStoresGeneralLinkAndALeftPhoneLinkTheMember) {
  auto r = submit({.store_code = "SH01", .text = "导购很耐心", .phone = "139-0000-1111"});
  EXPECT_EQ(r.item.store_id, store_a);
  EXPECT_FALSE(r.item.place_id);
  EXPECT_EQ(r.item.touchpoint, "");
  EXPECT_EQ(r.item.contact_phone, "13900001111");
  EXPECT_EQ(r.item.member_id, member);
  EXPECT_EQ(submit({.store_id = store_b, .text = "好"}).item.store_id, store_b);
}

TEST_F(FeedbackIntake, BadInputIsRefusedWithItsField) {
  const auto code = [&](PublicFeedback in, std::size_t photos = 0) {
    return code_of([&] { submit(in, std::vector<storage::FeedbackPhoto>(photos, photo("x"))); });
  };
  EXPECT_EQ(code({.place_code = place.code, .text = "  "}), "required");
  EXPECT_EQ(code({.place_code = place.code, .text = std::string(2001 * 3, 'a')}), "too_long");
  EXPECT_EQ(code({.place_code = place.code, .text = "好", .rating = 6}), "invalid_field");
  EXPECT_EQ(code({.place_code = place.code, .text = "好", .phone = "12"}), "invalid_phone");
  EXPECT_EQ(code({.place_code = place.code, .text = "好", .client_id = "short"}), "invalid_field");
  EXPECT_EQ(code({.place_code = place.code, .text = "好"}, 4), "invalid_field");
  EXPECT_EQ(code({.place_code = "unknown-code", .text = "好"}), "unknown_reference");
  EXPECT_EQ(code({.store_code = "XX99", .text = "好"}), "unknown_reference");
  EXPECT_EQ(code({.store_id = 999, .text = "好"}), "unknown_reference");
  EXPECT_EQ(code({.text = "好"}), "required");
  storage::FeedbackFilter all;
  EXPECT_EQ(db->reader().get<storage::FeedbackStore>().count_items(all), 0) << "nothing stored";
}

TEST_F(FeedbackIntake, ARetryWithTheFormsIdGetsTheFirstSubmissionBack) {
  PublicFeedback in{.place_code = place.code, .text = "灯坏了", .client_id = "c5f1d2a0-retry"};
  auto first = submit(in, {photo("aa")});
  auto again = submit(in, {photo("aa")}, kNow + 1000);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.item.id, first.item.id);
  EXPECT_EQ(again.photos, 1);
  EXPECT_EQ(as(agent, [&](Context& c) { return item_photos(c, first.item.id); }).size(), 1u);
}

TEST_F(FeedbackIntake, SubmissionsAreLimitedPerAddressAndPerPhone) {
  for (int i = 0; i < kFeedbackPerPhone; ++i)
    submit({.place_code = place.code,
            .text = "第" + std::to_string(i) + "条",
            .phone = "13800002222",
            .remote = "10.0.0." + std::to_string(i + 10)});
  EXPECT_EQ(code_of([&] {
              submit({.place_code = place.code, .text = "又一条", .phone = "13800002222", .remote = "10.9.9.9"});
            }),
            "rate_limited");
  for (int i = 0; i < kFeedbackPerAddress; ++i)
    submit({.place_code = place.code, .text = "匿名", .remote = "10.1.1.1"});
  EXPECT_EQ(code_of([&] { submit({.place_code = place.code, .text = "匿名", .remote = "10.1.1.1"}); }), "rate_limited");
  auto check = [&](const std::string& remote) {
    return code_of([&] {
      auto& r = db->reader();
      Context c{r, people::customer_actor(), kNow, nullptr};
      check_public_feedback(c, {.place_code = place.code, .text = "x", .remote = remote}, 0);
    });
  };
  EXPECT_EQ(check("10.1.1.1"), "rate_limited") << "checked before any photo is stored";
  EXPECT_EQ(check("10.2.2.2"), "none");
  EXPECT_EQ(submit({.place_code = place.code, .text = "一小时后", .remote = "10.1.1.1"}, {}, kNow + 3'600'001).created,
            true);
}

TEST_F(FeedbackIntake, APostersWordsAreThePlacesAndItsStores) {
  auto p = as(agent, [&](Context& c) { return place_poster(c, place.id); });
  EXPECT_EQ(p.code, place.code);
  EXPECT_EQ(p.store_name, "甲店");
  EXPECT_EQ(p.place_name, "B2 停车场");
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return place_poster(c, place.id); }); }), "not_found");
}

}  // namespace
}  // namespace kefu::app::testing
