// The storage contract of the performance capability: rules per scope, staff records and
// their review, the case library's search, and the month-of-a-store reads of the KPI sheet.
#include <gtest/gtest.h>

#include "callbacks/storage/callback_store.hpp"
#include "chat/storage/chat_desk_store.hpp"
#include "chat/storage/conversation_store.hpp"
#include "core/storage/contract_fixture.hpp"
#include "performance/storage/performance_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

using performance::CaseEntry;
using performance::StaffRecord;

class PerformanceContract : public Contract {
 protected:
  int64_t ticket(int64_t store, int64_t at, std::optional<int64_t> owner) {
    auto t = make_ticket(store, at);
    t.type = "complaint";
    t.owner_id = owner;
    db->write_sync([&](Stores& r) { r.get<TicketStore>().insert_ticket(t); });
    return t.id;
  }
};

TEST_P(PerformanceContract, RulesArePerStoreOrChainWide) {
  EXPECT_FALSE(db->reader().get<PerformanceStore>().rule_set(std::nullopt));
  KpiRuleSet chain{std::nullopt, performance::default_kpi_rules(), performance::default_bonus_rules(), staff, 100};
  KpiRuleSet mine = chain;
  mine.store_id = store_a;
  mine.kpi[0].weight = 33;
  mine.bonus.pool = true;
  mine.bonus.pool_fen = 123456;
  db->write_sync([&](Stores& r) {
    r.get<PerformanceStore>().save_rule_set(chain);
    r.get<PerformanceStore>().save_rule_set(mine);
  });
  auto got = db->reader().get<PerformanceStore>().rule_set(store_a);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->store_id, store_a);
  EXPECT_EQ(got->kpi, mine.kpi);
  EXPECT_EQ(got->bonus, mine.bonus);
  EXPECT_EQ(got->updated_at, 100);
  auto c = db->reader().get<PerformanceStore>().rule_set(std::nullopt);
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->store_id);
  EXPECT_EQ(c->bonus, chain.bonus);
  EXPECT_FALSE(db->reader().get<PerformanceStore>().rule_set(store_b));
  // Saving again replaces.
  mine.kpi[0].weight = 7;
  mine.updated_at = 200;
  db->write_sync([&](Stores& r) { r.get<PerformanceStore>().save_rule_set(mine); });
  EXPECT_EQ(db->reader().get<PerformanceStore>().rule_set(store_a)->kpi[0].weight, 7);
  EXPECT_EQ(db->reader().count("kpi_rule_sets"), 2);
}

TEST_P(PerformanceContract, StaffRecordsAndTheirReview) {
  const int64_t t1 = ticket(store_a, 1000, staff), t2 = ticket(store_b, 2000, staff);
  StaffRecord a{.store_id = store_a,
                .ticket_id = t1,
                .kind = "complaint",
                .about_staff_id = staff,
                .summary = "态度生硬",
                .recorded_by = staff,
                .created_at = 1500};
  StaffRecord praise = a;
  praise.kind = "praise";
  praise.created_at = 1600;
  StaffRecord b = a;
  b.store_id = store_b;
  b.ticket_id = t2;
  b.created_at = 2500;
  db->write_sync([&](Stores& r) {
    auto& s = r.get<PerformanceStore>();
    EXPECT_TRUE(s.insert_record(a));
    EXPECT_TRUE(s.insert_record(praise));
    EXPECT_TRUE(s.insert_record(b));
    StaffRecord again = a;
    EXPECT_FALSE(s.insert_record(again));  // the same ticket, person and kind
  });
  EXPECT_GT(a.id, 0);
  auto& s = db->reader().get<PerformanceStore>();
  auto got = s.record(a.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->summary, "态度生硬");
  EXPECT_EQ(got->outcome, "pending");
  EXPECT_FALSE(got->reviewer_id);
  EXPECT_FALSE(s.record(a.id + 100));
  EXPECT_EQ(s.ticket_records(t1).size(), 2u);

  StaffRecord reviewed = *got;
  reviewed.outcome = "upheld";
  reviewed.responsibility = "personal";
  reviewed.action = "coaching";
  reviewed.reviewer_id = staff;
  reviewed.review_notes = "录音核实属实";
  reviewed.reviewed_at = 3000;
  reviewed.version = 2;
  db->write_sync([&](Stores& r) {
    EXPECT_TRUE(r.get<PerformanceStore>().update_review(reviewed, 1));
    EXPECT_FALSE(r.get<PerformanceStore>().update_review(reviewed, 1));  // stale version
  });
  got = db->reader().get<PerformanceStore>().record(a.id);
  EXPECT_EQ(got->outcome, "upheld");
  EXPECT_EQ(got->action, "coaching");
  EXPECT_EQ(got->reviewed_at, 3000);
  EXPECT_EQ(got->version, 2);

  auto& r = db->reader().get<PerformanceStore>();
  EXPECT_EQ(r.records({.store_ids = {store_a}}).size(), 2u);
  EXPECT_EQ(r.records({}).size(), 3u);
  EXPECT_EQ(r.records({.store_ids = {store_a}, .kind = "complaint"}).size(), 1u);
  EXPECT_EQ(r.records({.outcome = "upheld"}).size(), 1u);
  auto month = r.records({.about_staff_id = staff, .from = 1000, .to = 2000});
  ASSERT_EQ(month.size(), 2u);
  EXPECT_EQ(month[0].kind, "praise");  // newest first
  EXPECT_EQ(r.records({.about_staff_id = staff + 99}).size(), 0u);
  EXPECT_EQ(r.records({.limit = 1}).size(), 1u);
}

TEST_P(PerformanceContract, TheCaseLibrarySearches) {
  const int64_t t1 = ticket(store_a, 1000, staff);
  CaseEntry e{.store_id = store_a,
              .ticket_id = t1,
              .kind = "good_practice",
              .title = "耐心解释退换货规定",
              .lesson = "先共情再讲规定",
              .tags = {"退换货", "共情"},
              .story = "顾客要求退货……",
              .created_by = staff,
              .created_at = 10,
              .updated_at = 10};
  CaseEntry f{.store_id = store_b,
              .kind = "lesson",
              .title = "停车费争议",
              .lesson = "提前告知收费标准_100%",
              .tags = {"停车"},
              .story = "……",
              .created_by = staff,
              .created_at = 20,
              .updated_at = 20};
  db->write_sync([&](Stores& r) {
    e.id = r.get<PerformanceStore>().insert_case(e);
    f.id = r.get<PerformanceStore>().insert_case(f);
  });
  auto& s = db->reader().get<PerformanceStore>();
  auto got = s.case_entry(e.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->tags, (std::vector<std::string>{"退换货", "共情"}));
  EXPECT_EQ(got->ticket_id, t1);
  EXPECT_FALSE(got->conversation_id);
  EXPECT_FALSE(s.case_entry(f.id + 100));
  EXPECT_EQ(s.cases({}).size(), 2u);
  EXPECT_EQ(s.cases({}).front().id, f.id);  // newest first
  EXPECT_EQ(s.cases({.store_ids = {store_a}}).size(), 1u);
  EXPECT_EQ(s.cases({.kind = "lesson"}).size(), 1u);
  EXPECT_EQ(s.cases({.query = "共情"}).size(), 1u);
  EXPECT_EQ(s.cases({.query = "_100%"}).size(), 1u);
  EXPECT_EQ(s.cases({.query = "0%x"}).size(), 0u);
  EXPECT_EQ(s.cases({.tag = "停车"}).size(), 1u);
  EXPECT_EQ(s.cases({.tag = "停"}).size(), 0u);  // a tag matches whole
  EXPECT_EQ(s.cases({.before_id = f.id}).size(), 1u);
  EXPECT_EQ(s.cases({.limit = 1}).size(), 1u);

  CaseEntry changed = *got;
  changed.title = "耐心解释七天无理由";
  changed.tags = {"七天无理由"};
  changed.version = 2;
  changed.updated_at = 30;
  db->write_sync([&](Stores& r) {
    EXPECT_TRUE(r.get<PerformanceStore>().update_case(changed, 1));
    EXPECT_FALSE(r.get<PerformanceStore>().update_case(changed, 1));
  });
  got = db->reader().get<PerformanceStore>().case_entry(e.id);
  EXPECT_EQ(got->title, "耐心解释七天无理由");
  EXPECT_EQ(got->tags, (std::vector<std::string>{"七天无理由"}));
  EXPECT_EQ(got->updated_at, 30);
}

TEST_P(PerformanceContract, AMonthOfOneStoresRatingsAndChats) {
  const int64_t other = [&] {
    int64_t id = 0;
    db->write_sync([&](Stores& r) {
      id = r.get<OrgStore>().insert_staff(
          {.username = "wang", .display_name = "王", .role = "agent", .store_ids = {store_a}, .password_hash = "h"});
    });
    return id;
  }();
  // Tickets: two of staff's rated 5 and 3, one of other's rated 4, one unrated, one out of the
  // month, one in another store.
  const int64_t t1 = ticket(store_a, 1000, staff), t2 = ticket(store_a, 1100, staff), t3 = ticket(store_a, 1200, other);
  ticket(store_a, 1300, staff);
  const int64_t late = ticket(store_a, 5000, staff), elsewhere = ticket(store_b, 1000, staff);
  db->write_sync([&](Stores& r) {
    auto& cb = r.get<CallbackStore>();
    cb.insert_csat({t1, 5, "", 2000});
    cb.insert_csat({t2, 3, "", 2000});
    cb.insert_csat({t3, 4, "", 2000});
    cb.insert_csat({late, 1, "", 6000});
    cb.insert_csat({elsewhere, 1, "", 2000});
  });
  auto rated = db->reader().get<PerformanceStore>().ticket_ratings(store_a, 1000, 2000);
  ASSERT_EQ(rated.size(), 2u);
  const auto& mine = rated[0].staff_id == staff ? rated[0] : rated[1];
  EXPECT_EQ(mine.rating_count, 2);
  EXPECT_EQ(mine.rating_sum, 8);

  // Chats: staff has two (one rated 5), other none; an unassigned one and one out of the month.
  int visitors = 0;
  auto chat = [&](int64_t at, std::optional<int64_t> agent, std::optional<int> rating) {
    db->write_sync([&](Stores& r) {
      chat::Conversation c;
      c.store_id = store_a;
      c.queue = "general";
      c.status = "ended";
      c.visitor_digest = "pv" + std::to_string(++visitors);
      c.agent_id = agent;
      c.created_at = c.last_message_at = at;
      const int64_t id = r.get<ConversationStore>().insert_conversation(c);
      if (rating) r.get<ChatDeskStore>().set_rating(id, *rating, "", at + 10);
    });
  };
  chat(1000, staff, 5);
  chat(1500, staff, std::nullopt);
  chat(1600, std::nullopt, std::nullopt);
  chat(9000, staff, 1);
  auto chats = db->reader().get<PerformanceStore>().chat_figures(store_a, 1000, 2000);
  ASSERT_EQ(chats.size(), 1u);
  EXPECT_EQ(chats[0].staff_id, staff);
  EXPECT_EQ(chats[0].count, 2);
  EXPECT_EQ(chats[0].rating_sum, 5);
  EXPECT_EQ(chats[0].rating_count, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PerformanceContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
