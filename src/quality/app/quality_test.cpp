// Quality inspection's use cases, as an inspector and an agent would check them: the week's
// sample from real tickets, scoring with a comment on a message, the appeal decided by a
// second inspector, the scores the KPI sheet reads, coaching's before/after, calibration.
#include <gtest/gtest.h>

#include "callbacks/storage/callback_store.hpp"
#include "core/app/use_case_test.hpp"
#include "notifications/app/notifications.hpp"
#include "org/storage/org_store.hpp"
#include "quality/app/calibration.hpp"
#include "quality/app/coaching.hpp"
#include "quality/app/inspections.hpp"
#include "quality/app/qa_summary.hpp"
#include "quality/app/sampling.hpp"
#include "quality/app/scorecards.hpp"
#include "quality/storage/auto_hit_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app::testing {
namespace {

constexpr int64_t kDay = 86'400'000;
constexpr int64_t kWeek = kNow - 7 * kDay;

std::vector<quality::Mark> all_pass(const quality::Scorecard& card) {
  std::vector<quality::Mark> out;
  for (const auto& i : card.items) out.push_back({i.id, "pass"});
  return out;
}

std::vector<quality::Mark> with(std::vector<quality::Mark> m, const std::string& item, quality::Result r,
                                int points = 0) {
  for (auto& x : m)
    if (x.item == item) x = {item, r, points};
  return m;
}

class QualityUseCases : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store_a = r.get<storage::OrgStore>().insert_store({.code = "SH01", .name = "甲店"});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "CD01", .name = "乙店"});
      admin = make(r, "root", "admin", {}, {});
      manager = make(r, "boss", "manager", {store_a}, {});
      lead = make(r, "lead", "supervisor", {store_a}, {});
      second = make(r, "second", "supervisor", {store_a}, {});
      agent = make(r, "xiaowang", "agent", {store_a}, {});
      other = make(r, "xiaoli", "agent", {store_a}, {});
      outsider = make(r, "far", "supervisor", {store_b}, {});
      // Five tickets of xiaowang resolved last week, one with a rating of 1; two of xiaoli.
      for (int k = 0; k < 7; ++k) {
        ticket::Ticket t;
        t.store_id = store_a;
        t.type = k == 1 ? ticket::Type("complaint") : ticket::Type("inquiry");
        t.channel = "service_desk";
        t.priority = "P4";
        t.status = "resolved";
        t.subject = "咨询";
        t.created_by = k < 5 ? agent.staff_id : other.staff_id;
        t.owner_id = t.created_by;
        t.created_at = t.updated_at = kWeek;
        t.resolved_at = kWeek + k * 3600'000;
        r.get<storage::TicketStore>().insert_ticket(t);
        tickets.push_back(t.id);
      }
      r.get<storage::CallbackStore>().insert_csat({tickets[0], 1, "", kWeek});
    });
  }

  storage::Inspection queued_for(int64_t ticket) {
    return as(lead, [&](Context& c) { return add_to_queue(c, "ticket", ticket); });
  }

  storage::Inspection scored(int64_t ticket, std::vector<quality::Mark> marks) {
    auto i = queued_for(ticket);
    return as(lead, [&](Context& c) { return submit_inspection(c, i.id, {marks, "", {}}); });
  }

  quality::Scorecard desk() { return quality::default_scorecard("desk"); }

  int64_t store_a = 0, store_b = 0;
  std::vector<int64_t> tickets;
  people::Actor admin, manager, lead, second, agent, other, outsider;
};

TEST_F(QualityUseCases, TheWeeksSampleTakesLowCsatAndComplaintsFirstAndOnlyOnce) {
  auto r = as(lead, [&](Context& c) { return draw_weekly_sample(c, {store_a, kWeek, 7, {}}); });
  EXPECT_EQ(r.candidates, 7);
  // Defaults: 3 routine + extras: xiaowang gets the low CSAT and the complaint first.
  std::vector<std::string> reasons;
  for (const auto& i : r.added)
    if (i.staff_id == agent.staff_id) reasons.emplace_back(i.reason.code());
  EXPECT_EQ(reasons, (std::vector<std::string>{"low_csat", "complaint", "routine", "routine", "routine"}));
  EXPECT_EQ(r.added.size(), 7u);
  EXPECT_EQ(r.added[0].subject_id, tickets[0]);
  EXPECT_EQ(r.added[0].status, quality::Status("queued"));
  EXPECT_EQ(r.added[0].scorecard_version, 0);  // the defaults in code
  // Drawing again adds nothing: everything was inspected.
  auto again = as(lead, [&](Context& c) { return draw_weekly_sample(c, {store_a, kWeek, 7, {}}); });
  EXPECT_TRUE(again.added.empty());
  EXPECT_EQ(again.already_inspected, 7);
  // Agents do not draw; another store is out of reach.
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) {
                            return draw_weekly_sample(c, {store_a, kWeek});
                          }); }),
            "forbidden");
  EXPECT_EQ(code_of([&] { as(outsider, [&](Context& c) {
                            return draw_weekly_sample(c, {store_a, kWeek});
                          }); }),
            "not_found");
}

TEST_F(QualityUseCases, WhatAnAutomaticCheckHitIsDrawnFirst) {
  db->write_sync([&](storage::Stores& r) {
    storage::QaAutoHit hit;
    hit.rule_code = "promise";
    hit.rule_kind = "forbidden_phrase";
    hit.rule_name = "虚假承诺";
    hit.subject_kind = "ticket";
    hit.subject_id = tickets[4];
    hit.message_ref = 1;
    hit.staff_id = agent.staff_id;
    hit.store_id = store_a;
    hit.red_line = true;
    hit.at = kWeek + 5 * 3600'000;
    r.get<storage::QaAutoHitStore>().insert_hit(hit);
  });
  auto r = as(lead, [&](Context& c) { return draw_weekly_sample(c, {store_a, kWeek, 7, {}}); });
  ASSERT_FALSE(r.added.empty());
  EXPECT_EQ(r.added[0].subject_id, tickets[4]);
  EXPECT_EQ(r.added[0].reason, quality::Reason("auto_flag"));
  EXPECT_EQ(r.added[1].reason, quality::Reason("low_csat"));
}

TEST_F(QualityUseCases, ScoringAppealAndASecondInspectorsDecision) {
  auto i = queued_for(tickets[2]);
  // Nobody scores their own work; the agent cannot see the queued item.
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return inspection_view(c, i.id); }); }), "not_found");
  auto marks = with(all_pass(desk()), "apology", "fail");
  SubmitInput in{marks, "语气不错，但没有致歉", {{"event", 42, "apology", "这里应先致歉"}}};
  auto s = as(lead, [&](Context& c) { return submit_inspection(c, i.id, in); });
  EXPECT_EQ(s.status, quality::Status("scored"));
  EXPECT_EQ(s.score_x10, 900);
  EXPECT_EQ(s.appeal_due_at, kNow + 3 * kDay);
  // The agent is told, sees the comment on the exact event, and appeals in time.
  auto notes = as(agent, [&](Context& c) { return my_notifications(c, std::nullopt, true, 10); });
  ASSERT_EQ(notes.items.size(), 1u);
  EXPECT_EQ(notes.items[0].kind, "qa_result");
  auto v = as(agent, [&](Context& c) { return inspection_view(c, i.id); });
  ASSERT_EQ(v.comments.size(), 1u);
  EXPECT_EQ(v.comments[0].anchor_id, 42);
  EXPECT_EQ(code_of([&] { as(other, [&](Context& c) { return inspection_view(c, i.id); }); }), "forbidden");
  EXPECT_EQ(code_of([&] { as(other, [&](Context& c) { return appeal_inspection(c, i.id, "不是我"); }); }),
            "qa_not_yours");
  EXPECT_EQ(code_of([&] {
              as(
                  agent, [&](Context& c) { return appeal_inspection(c, i.id, "晚了"); }, kNow + 3 * kDay);
            }),
            "qa_appeal_closed");
  auto a = as(agent, [&](Context& c) { return appeal_inspection(c, i.id, "顾客并未不满，无需致歉"); });
  EXPECT_EQ(a.status, quality::Status("appealed"));
  // The first inspector may not decide; the second accepts and re-scores.
  AppealDecision accept{true, "确认无需致歉", with(marks, "apology", "na")};
  EXPECT_EQ(code_of([&] { as(lead, [&](Context& c) { return decide_appeal(c, i.id, accept); }); }),
            "qa_same_inspector");
  AppealDecision no_marks{true, "x", std::nullopt};
  EXPECT_EQ(code_of([&] { as(second, [&](Context& c) { return decide_appeal(c, i.id, no_marks); }); }), "required");
  auto d = as(second, [&](Context& c) { return decide_appeal(c, i.id, accept); });
  EXPECT_EQ(d.status, quality::Status("rescored"));
  EXPECT_EQ(d.first_score_x10, 900);
  EXPECT_EQ(d.score_x10, 1000);
  EXPECT_EQ(d.decided_by, second.staff_id);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return appeal_inspection(c, i.id, "再次"); }); }),
            "qa_wrong_state");
}

TEST_F(QualityUseCases, TheScoresTheKpiSheetReads) {
  scored(tickets[0], all_pass(desk()));
  scored(tickets[1], with(all_pass(desk()), "accurate", "partial", 10));  // 85
  scored(tickets[2], with(all_pass(desk()), "red_rude", "fail"));         // red line: 0
  auto queued = queued_for(tickets[3]);                                   // not scored: left out
  scored(tickets[5], all_pass(desk()));
  auto rows = as(manager, [&](Context& c) { return qa_scores(c, store_a, kNow - kDay, kNow + kDay); });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].staff_id, agent.staff_id);
  EXPECT_EQ(rows[0].inspections, 3);
  EXPECT_EQ(rows[0].red_lines, 1);
  EXPECT_DOUBLE_EQ(rows[0].average_score, 61.7);  // (100 + 85 + 0) / 3
  EXPECT_EQ(rows[1].inspections, 1);
  EXPECT_TRUE(as(manager, [&](Context& c) { return qa_scores(c, store_a, kNow + 1, kNow + kDay); }).empty());
  EXPECT_EQ(code_of([&] { as(outsider, [&](Context& c) { return qa_scores(c, store_a, 0, kNow + kDay); }); }),
            "not_found");
  auto report = as(lead, [&](Context& c) { return qa_report(c, store_a, 0, kNow + kDay); });
  auto red =
      std::find_if(report.by_item.begin(), report.by_item.end(), [](const ItemQa& x) { return x.item == "red_rude"; });
  ASSERT_NE(red, report.by_item.end());
  EXPECT_EQ(red->marked, 4);
  EXPECT_EQ(red->failed, 1);
  (void)queued;
}

TEST_F(QualityUseCases, CoachingShowsWhetherTheItemImprovedNextTime) {
  auto first = scored(tickets[0], with(all_pass(desk()), "apology", "fail"));
  CoachingInput in{"apology", "kb_article", 12, "学习《致歉话术》", kNow + 7 * kDay};
  auto cv = as(lead, [&](Context& c) { return assign_coaching(c, first.id, in); });
  EXPECT_EQ(cv.before_x10, 0);
  EXPECT_FALSE(cv.next_inspection_id);
  EXPECT_EQ(code_of([&] { as(other, [&](Context& c) { return acknowledge_coaching(c, cv.coaching.id); }); }),
            "forbidden");
  auto ack = as(agent, [&](Context& c) { return acknowledge_coaching(c, cv.coaching.id); });
  EXPECT_EQ(ack.coaching.acknowledged_at, kNow);
  // The next inspection, a day later, passes the item.
  auto next = as(
      lead, [&](Context& c) { return add_to_queue(c, "ticket", tickets[1]); }, kNow + kDay);
  as(
      lead,
      [&](Context& c) {
        return submit_inspection(c, next.id, {all_pass(desk()), "", {}});
      },
      kNow + kDay);
  auto mine = as(agent, [&](Context& c) { return list_coaching(c, {.mine = true}); });
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].next_inspection_id, next.id);
  EXPECT_EQ(mine[0].after_x10, 1000);
  EXPECT_EQ(mine[0].improved, true);
  auto v = as(lead, [&](Context& c) { return inspection_view(c, next.id); });
  ASSERT_EQ(v.improvements.size(), 1u);
  EXPECT_EQ(v.improvements[0].coaching.item, "apology");
}

TEST_F(QualityUseCases, CalibrationHidesOthersMarksUntilYouScoreAndShowsTheSpread) {
  auto i = scored(tickets[0], all_pass(desk()));
  auto s = as(lead, [&](Context& c) { return create_calibration(c, i.id, "第一周校准"); });
  as(lead, [&](Context& c) { return score_calibration(c, s.calibration.id, all_pass(desk())); });
  auto before = as(second, [&](Context& c) { return calibration_view(c, s.calibration.id); });
  EXPECT_TRUE(before.marks_hidden);
  ASSERT_EQ(before.scores.size(), 1u);
  EXPECT_TRUE(before.scores[0].marks.empty());
  auto after = as(second, [&](Context& c) {
    return score_calibration(c, s.calibration.id, with(all_pass(desk()), "accurate", "partial", 5));
  });
  EXPECT_FALSE(after.marks_hidden);
  ASSERT_EQ(after.scores.size(), 2u);
  auto total = after.spread.back();
  EXPECT_EQ(total.item, "");
  EXPECT_EQ(total.range_x10, 200);  // 100 vs 80
  EXPECT_EQ(
      code_of([&] { as(agent, [&](Context& c) { return score_calibration(c, s.calibration.id, all_pass(desk())); }); }),
      "forbidden");
  auto closed = as(lead, [&](Context& c) { return close_calibration(c, s.calibration.id, all_pass(desk())); });
  EXPECT_EQ(closed.calibration.final_score_x10, 1000);
  EXPECT_EQ(code_of([&] {
              as(second, [&](Context& c) { return score_calibration(c, s.calibration.id, all_pass(desk())); });
            }),
            "qa_calibration_closed");
}

TEST_F(QualityUseCases, ScorecardVersionsAndTheOneAnInspectionKeeps) {
  auto i = queued_for(tickets[0]);
  auto card = desk();
  card.items[0].weight = 25;
  card.items[2].weight = 15;
  EXPECT_EQ(code_of([&] {
              as(lead, [&](Context& c) { return save_scorecard(c, {store_a, "desk", card.items, 0, ""}); });
            }),
            "forbidden");
  auto saved = as(manager, [&](Context& c) {
    return save_scorecard(c, {store_a, "desk", card.items, 0, "首次响应加权"});
  });
  EXPECT_EQ(saved.version, 1);
  EXPECT_EQ(saved.source_version, 1);
  auto bad = card;
  bad.items[0].weight = 500;
  EXPECT_EQ(code_of([&] {
              as(manager, [&](Context& c) { return save_scorecard(c, {store_a, "desk", bad.items, 1, ""}); });
            }),
            "invalid_field");
  // The queued inspection keeps the defaults it was queued with; a new one takes version 1.
  auto v = as(lead, [&](Context& c) { return inspection_view(c, i.id); });
  EXPECT_EQ(v.card, desk());
  auto j = queued_for(tickets[1]);
  EXPECT_EQ(j.scorecard_version, 1);
  EXPECT_EQ(as(lead, [&](Context& c) { return scorecard_in_force(c, store_a, "desk"); }).card.items[0].weight, 25);
  // Settings: the appeal window is the store's.
  as(manager, [&](Context& c) { return save_qa_settings(c, store_a, {{}, 5}); });
  auto s = as(lead, [&](Context& c) { return submit_inspection(c, j.id, {all_pass(card), "", {}}); });
  EXPECT_EQ(s.appeal_due_at, kNow + 5 * kDay);
}

}  // namespace
}  // namespace kefu::app::testing
