// The KPI sheet, the rules, complaints against staff and the case library, as use cases:
// SQLite in memory, a fixed clock (2026-11-22 00:30 in Shanghai), the SLA fixture's policy
// (first response 30 min, resolution 240 min, calendar time).
#include <nlohmann/json.hpp>

#include "callbacks/storage/callback_store.hpp"
#include "members/storage/member_store.hpp"
#include "performance/app/case_library.hpp"
#include "performance/app/kpi_rules.hpp"
#include "performance/app/kpi_sheet.hpp"
#include "performance/app/staff_records.hpp"
#include "sla/app/sla_fixture.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class Performance : public SlaUseCases {
 protected:
  // A ticket created by `who` at `at`, first reply after `reply_min`, resolved after
  // `resolve_min` (0: not resolved).
  ticket::Ticket handled(const people::Actor& who, int64_t at, int reply_min, int resolve_min,
                         std::string type = "complaint") {
    auto t = make_ticket(who, at, type);
    as(
        who, [&](Context& c) { return add_message(c, t.id, "您好，我们马上处理", true); }, at + reply_min * kMinute);
    if (resolve_min) t = move(who, t.id, "resolved", at + resolve_min * kMinute);
    return t;
  }
  const KpiRow& row(const KpiSheet& s, const people::Actor& who) {
    for (const auto& r : s.rows)
      if (r.staff_id == who.staff_id) return r;
    throw std::runtime_error("no row");
  }
  KpiSheet sheet(const people::Actor& who, const std::string& month = "2026-11") {
    return as(
        who, [&](Context& c) { return kpi_sheet(c, store_a, month); }, kNow + 10 * kDay);
  }
};

TEST_F(Performance, TheMonthlySheetCountsRanksAndPays) {
  const int64_t day = kNow - 10 * kDay;  // 2026-11-12
  auto a1 = handled(agent, day, 10, 60);
  handled(agent, day + kHour, 10, 300);      // resolution missed (240)
  handled(agent2, day, 40, 0);               // first response missed (30), open
  handled(agent, kNow - 40 * kDay, 10, 60);  // October: the previous month
  db->write_sync([&](storage::Stores& r) { r.get<storage::CallbackStore>().insert_csat({a1.id, 5, "", day}); });
  // A complaint naming agent2, upheld; a praise naming agent.
  auto complaint = make_ticket(supervisor, day, "complaint");
  auto praise = make_ticket(supervisor, day, "praise");
  auto rec = as(
      supervisor, [&](Context& c) { return record_staff(c, complaint.id, agent2.staff_id, "语气生硬"); }, day);
  as(
      supervisor, [&](Context& c) { return record_staff(c, praise.id, agent.staff_id, "耐心"); }, day);
  as(
      manager,
      [&](Context& c) {
        return review_complaint(c, rec.id, {"upheld", "personal", "coaching", "录音属实", {}});
      },
      day + kHour);

  auto s = sheet(supervisor);
  EXPECT_EQ(s.month, (performance::Month{2026, 11}));
  EXPECT_EQ(s.rules_source, "default");
  EXPECT_TRUE(s.qa_available);  // the quality capability's scores (none in this test)
  const auto& a = row(s, agent);
  EXPECT_EQ(a.counts.tickets, 2);
  EXPECT_EQ(a.figures.contacts, 2);
  EXPECT_DOUBLE_EQ(*a.figures.first_response_min, 10);
  EXPECT_DOUBLE_EQ(*a.figures.resolution_min, 180);     // (60 + 300) / 2
  EXPECT_DOUBLE_EQ(*a.figures.sla_compliance_pct, 75);  // 3 of 4 cycles met
  EXPECT_DOUBLE_EQ(*a.figures.csat, 5);
  EXPECT_EQ(a.figures.praise, 1);
  EXPECT_EQ(a.figures.complaints, 0);
  EXPECT_EQ(a.figures.reopen_rate_pct, 0);
  EXPECT_FALSE(a.figures.qa_score);
  ASSERT_TRUE(a.previous_score);
  EXPECT_EQ(a.previous_rank, 1);

  const auto& b = row(s, agent2);
  EXPECT_EQ(b.counts.tickets, 1);
  EXPECT_DOUBLE_EQ(*b.figures.sla_compliance_pct, 0);
  EXPECT_EQ(b.counts.upheld, 1);
  EXPECT_EQ(b.figures.complaints, 1);
  EXPECT_FALSE(b.figures.csat);
  EXPECT_FALSE(b.figures.reopen_rate_pct);  // nothing resolved
  EXPECT_LT(*b.score.score, *a.score.score);
  EXPECT_LT(a.rank, b.rank);
  EXPECT_EQ(s.rows.front().staff_id, agent.staff_id);
  // The bonus: the upheld complaint deducts 100 元; praise adds 20 元.
  EXPECT_EQ(b.bonus.deduction_fen, 10000);
  EXPECT_EQ(a.bonus.praise_fen, 2000);
  int64_t total = 0;
  for (const auto& r : s.rows) total += r.bonus.amount_fen;
  EXPECT_EQ(s.bonus_total_fen, total);
  // Who is on it: the store's agents, department head and supervisors, not its manager.
  for (const auto& r : s.rows) EXPECT_NE(r.staff_id, manager.staff_id);
  EXPECT_NO_THROW(row(s, supervisor));
  // One department (the desk) with all three.
  ASSERT_EQ(s.departments.size(), 1u);
  EXPECT_EQ(s.departments[0].name, "总服务台");
  EXPECT_EQ(s.departments[0].members, 3);
  EXPECT_EQ(s.departments[0].counts.tickets, 3 + 2);  // the supervisor's complaint and praise tickets
  // The CSV for Excel.
  auto csv = kpi_csv(s, true);
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF排名,员工,部门"));
  EXPECT_NE(csv.find("agent1"), std::string::npos);
}

TEST_F(Performance, WhoSeesTheSheet) {
  EXPECT_EQ(code_of([&] { sheet(agent); }), "forbidden");
  EXPECT_EQ(code_of([&] { sheet(supervisor, "2026-13"); }), "invalid_month");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return kpi_sheet(c, store_b, "2026-11"); }); }),
            "not_found");
  handled(agent, kNow - kDay, 5, 30);
  auto mine = as(agent, [&](Context& c) { return my_kpi(c, store_a, "2026-11"); });
  ASSERT_EQ(mine.sheet.rows.size(), 1u);
  EXPECT_EQ(mine.sheet.rows[0].staff_id, agent.staff_id);
  EXPECT_EQ(mine.ranked, 3);
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return my_kpi(c, store_a, "2026-11"); }); }), "not_found");
  EXPECT_TRUE(as(manager, [&](Context& c) { return my_kpi(c, store_a, "2026-11"); }).sheet.rows.empty());
}

TEST_F(Performance, RulesPerStoreThenChainThenDefaults) {
  auto r = as(agent, [&](Context& c) { return kpi_rules(c, store_a); });
  EXPECT_EQ(r.source, "default");
  performance::KpiRules only_csat = {{"csat", 100, 4.0}};
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return save_kpi_rules(c, store_a, only_csat, {}); }); }),
            "forbidden");
  EXPECT_EQ(
      code_of([&] { as(supervisor, [&](Context& c) { return save_kpi_rules(c, std::nullopt, only_csat, {}); }); }),
      "forbidden");
  EXPECT_EQ(code_of([&] {
              as(supervisor, [&](Context& c) { return save_kpi_rules(c, store_a, {{"csat", 101, 4.0}}, {}); });
            }),
            "invalid_field");
  as(manager,
     [&](Context& c) { return save_kpi_rules(c, std::nullopt, only_csat, performance::default_bonus_rules()); });
  EXPECT_EQ(as(agent, [&](Context& c) { return kpi_rules(c, store_a); }).source, "chain");
  performance::BonusRules pool = performance::default_bonus_rules();
  pool.pool = true;
  pool.pool_fen = 300000;
  as(supervisor, [&](Context& c) { return save_kpi_rules(c, store_a, {{"contacts", 100, 1}}, pool); });
  auto mine = as(agent, [&](Context& c) { return kpi_rules(c, store_a); });
  EXPECT_EQ(mine.source, "store");
  EXPECT_EQ(mine.rules.kpi.size(), performance::kMeasures.size());
  EXPECT_TRUE(mine.rules.bonus.pool);

  handled(agent, kNow - kDay, 5, 30);
  auto s = sheet(supervisor);
  EXPECT_EQ(s.rules_source, "store");
  EXPECT_EQ(row(s, agent).score.score, 100);        // one contact of a target of 1
  EXPECT_FALSE(row(s, agent2).score.score);         // handled nothing: not scored, ranked last
  EXPECT_EQ(row(s, agent).bonus.base_fen, 300000);  // the whole pool: nobody else is in a band
}

TEST_F(Performance, ComplaintsAgainstStaffAndTheirReview) {
  auto inquiry = make_ticket(agent, kNow, "inquiry");
  auto complaint = make_ticket(agent, kNow, "complaint");
  EXPECT_EQ(
      code_of([&] { as(supervisor, [&](Context& c) { return record_staff(c, inquiry.id, agent.staff_id, ""); }); }),
      "not_complaint_or_praise");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return record_staff(c, complaint.id, agent2.staff_id, ""); }); }),
            "forbidden");
  EXPECT_EQ(
      code_of([&] { as(supervisor, [&](Context& c) { return record_staff(c, complaint.id, agent_b.staff_id, ""); }); }),
      "unknown_reference");
  auto rec = as(supervisor, [&](Context& c) { return record_staff(c, complaint.id, agent.staff_id, "未按时回电"); });
  EXPECT_EQ(rec.outcome, "pending");
  EXPECT_EQ(
      code_of([&] { as(supervisor, [&](Context& c) { return record_staff(c, complaint.id, agent.staff_id, ""); }); }),
      "already_recorded");
  auto other = as(supervisor, [&](Context& c) { return record_staff(c, complaint.id, agent2.staff_id, ""); });

  // The agent sees the records about themselves only.
  auto seen = as(agent, [&](Context& c) { return ticket_staff_records(c, complaint.id); });
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].id, rec.id);
  EXPECT_EQ(as(supervisor, [&](Context& c) { return ticket_staff_records(c, complaint.id); }).size(), 2u);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return staff_record(c, other.id); }); }), "forbidden");
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return staff_record(c, rec.id); }); }), "not_found");
  auto listed = as(agent, [&](Context& c) { return staff_records(c, {.store_id = store_a}); });
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].about_staff_id, agent.staff_id);

  Review upheld{"upheld", "personal", "warning", "属实", std::nullopt};
  EXPECT_EQ(code_of([&] { as(agent2, [&](Context& c) { return review_complaint(c, rec.id, upheld); }); }), "forbidden");
  EXPECT_EQ(
      code_of([&] {
        as(supervisor, [&](Context& c) { return review_complaint(c, rec.id, {"pending", "none", "none", "", {}}); });
      }),
      "invalid_field");
  EXPECT_EQ(
      code_of([&] {
        as(supervisor, [&](Context& c) { return review_complaint(c, rec.id, {"upheld", "none", "none", "", 7}); });
      }),
      "version_conflict");
  auto done = as(supervisor, [&](Context& c) { return review_complaint(c, rec.id, upheld); });
  EXPECT_EQ(done.outcome, "upheld");
  EXPECT_EQ(done.reviewer_id, supervisor.staff_id);
  EXPECT_EQ(done.version, 2);
  // Reviewed again: the latest review stands.
  done = as(supervisor, [&](Context& c) {
    return review_complaint(c, rec.id, {"not_upheld", "none", "none", "复核", 2});
  });
  EXPECT_EQ(done.outcome, "not_upheld");
  auto praise = make_ticket(agent, kNow, "praise");
  auto p = as(supervisor, [&](Context& c) { return record_staff(c, praise.id, agent.staff_id, ""); });
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return review_complaint(c, p.id, upheld); }); }),
            "not_a_complaint");
  // A supervisor cannot review a complaint against themselves.
  auto own = as(manager, [&](Context& c) { return record_staff(c, complaint.id, supervisor.staff_id, ""); });
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return review_complaint(c, own.id, upheld); }); }),
            "forbidden");
  auto upheld_only = as(supervisor, [&](Context& c) {
    return staff_records(c, {.store_id = store_a, .kind = "complaint", .outcome = "not_upheld", .month = "2026-11"});
  });
  EXPECT_EQ(upheld_only.size(), 1u);
}

TEST_F(Performance, TheCaseLibraryKeepsNoCustomer) {
  int64_t member = 0;
  db->write_sync([&](storage::Stores& r) {
    people::Member m;
    m.member_no = "M20261122";
    m.name = "王丽";
    m.phone = "13912345678";
    m.home_store_id = store_a;
    m.created_at = kNow;
    member = r.get<storage::MemberStore>().insert_member(m);
  });
  auto t = as(agent, [&](Context& c) {
    return create_ticket(c, {.store_id = store_a,
                             .type = "complaint",
                             .channel = "hotline",
                             .subject = "王丽女士投诉羽绒服起球",
                             .description = "会员 M20261122，电话 13912345678，要求退货",
                             .member_id = member});
  });
  as(agent, [&](Context& c) { return add_message(c, t.id, "王女士您好，已为您办理退货", true); });

  NewCase n{.ticket_id = t.id,
            .kind = "good_practice",
            .title = "起球投诉当场退货",
            .lesson = "先致歉，按三包当场办理",
            .tags = {"退换货", "致歉"}};
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return create_case(c, n); }); }), "forbidden");
  auto e = as(supervisor, [&](Context& c) { return create_case(c, n); });
  for (const char* secret : {"王丽", "13912345678", "M20261122"})
    EXPECT_EQ(e.story.find(secret), std::string::npos) << secret << " in " << e.story;
  EXPECT_NE(e.story.find("顾客投诉羽绒服起球"), std::string::npos) << e.story;
  EXPECT_NE(e.story.find("客服：王女士您好"), std::string::npos) << e.story;  // a surname alone stays
  // The note naming staff on the ticket stays out of the story.
  auto named = as(supervisor, [&](Context& c) { return record_staff(c, t.id, agent.staff_id, "未致歉"); });
  auto again = as(supervisor, [&](Context& c) {
    int64_t store = 0;
    return preview_case_story(c, t.id, std::nullopt, &store);
  });
  EXPECT_EQ(again.find("agent1"), std::string::npos) << again;
  EXPECT_EQ(again, e.story);
  (void)named;

  // Every staff member of the store finds it; another store's staff does not.
  auto found = as(agent, [&](Context& c) { return case_library(c, {.q = "三包"}); });
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(as(agent, [&](Context& c) { return case_library(c, {.tag = "致歉"}); }).size(), 1u);
  EXPECT_EQ(as(agent_b, [&](Context& c) { return case_library(c, {}); }).size(), 0u);
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return case_entry(c, e.id); }); }), "not_found");

  // An edited story is anonymised again.
  auto u = as(supervisor, [&](Context& c) {
    return update_case(c, e.id, {.story = std::string("顾客留下电话 13912345678"), .version = 1});
  });
  EXPECT_EQ(u.story, "顾客留下电话 [号码]");
  EXPECT_EQ(u.version, 2);
  EXPECT_EQ(
      code_of([&] { as(supervisor, [&](Context& c) { return update_case(c, e.id, {.title = "x", .version = 1}); }); }),
      "version_conflict");
  EXPECT_EQ(code_of([&] {
              as(supervisor,
                 [&](Context& c) { return create_case(c, {.kind = "lesson", .title = "x", .lesson = "y"}); });
            }),
            "invalid_field");
}

}  // namespace
}  // namespace kefu::app
