// The storage contract of quality inspection: scorecard versions and settings,
// inspections with comments, calibration sessions, coaching and the sampling sources.
#include <gtest/gtest.h>

#include "callbacks/storage/callback_store.hpp"
#include "chat/storage/chat_desk_store.hpp"
#include "chat/storage/conversation_store.hpp"
#include "core/storage/contract_fixture.hpp"
#include "quality/storage/calibration_store.hpp"
#include "quality/storage/coaching_store.hpp"
#include "quality/storage/inspection_store.hpp"
#include "quality/storage/qa_source_store.hpp"
#include "quality/storage/scorecard_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

class QualityContract : public Contract {
 protected:
  Inspection inspection(int64_t subject) {
    Inspection i;
    i.store_id = store_a;
    i.subject_kind = "ticket";
    i.subject_id = subject;
    i.staff_id = staff;
    i.channel = "desk";
    i.reason = "routine";
    i.week_start = 100;
    i.status = "queued";
    i.created_at = i.updated_at = 1000 + subject;
    return i;
  }
};

TEST_P(QualityContract, ScorecardVersionsAndSettings) {
  auto card = quality::default_scorecard("chat");
  db->write_sync([&](Stores& r) {
    auto& s = r.get<ScorecardStore>();
    EXPECT_TRUE(s.insert_scorecard_version({0, store_a, 1, card, "初版", staff, 10}));
    card.items[0].weight = 20;
    EXPECT_TRUE(s.insert_scorecard_version({0, store_a, 2, card, "问候加分", staff, 20}));
    EXPECT_FALSE(s.insert_scorecard_version({0, store_a, 2, card, "again", staff, 30}));
    EXPECT_TRUE(s.insert_scorecard_version({0, 0, 1, quality::default_scorecard("desk"), "", staff, 40}));
    s.put_qa_settings({store_a, {{.per_agent = 5}, 4}, staff, 50});
    s.put_qa_settings({store_a, {{.per_agent = 6}, 2}, staff, 60});
  });
  auto& s = db->reader().get<ScorecardStore>();
  auto cur = s.current_scorecard(store_a, "chat");
  ASSERT_TRUE(cur);
  EXPECT_EQ(cur->version, 2);
  EXPECT_EQ(cur->card, card);
  EXPECT_EQ(cur->note, "问候加分");
  EXPECT_EQ(s.scorecard_version(store_a, "chat", 1)->card.items[0].weight, 15);
  EXPECT_FALSE(s.scorecard_version(store_a, "chat", 3));
  EXPECT_FALSE(s.current_scorecard(store_a, "desk"));
  EXPECT_EQ(s.current_scorecard(0, "desk")->card.channel, quality::ChannelKind("desk"));
  auto versions = s.scorecard_versions(store_a, "chat", 10);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].version, 2);
  EXPECT_EQ(s.scorecard_versions(store_a, "chat", 1).size(), 1u);
  auto st = s.qa_settings(store_a);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->settings.sampling.per_agent, 6);
  EXPECT_EQ(st->settings.appeal_days, 2);
  EXPECT_EQ(st->updated_at, 60);
  EXPECT_FALSE(s.qa_settings(store_b));
}

TEST_P(QualityContract, InspectionsFiltersAndComments) {
  Inspection a = inspection(1), b = inspection(2), c = inspection(3);
  db->write_sync([&](Stores& r) {
    auto& s = r.get<InspectionStore>();
    s.insert_inspection(a);
    s.insert_inspection(b);
    c.store_id = store_b;
    s.insert_inspection(c);
  });
  EXPECT_GT(a.id, 0);
  EXPECT_NE(a.id, b.id);
  auto& reader = db->reader().get<InspectionStore>();
  EXPECT_EQ(reader.inspection(a.id), a);
  EXPECT_FALSE(reader.inspection(c.id + 100));

  // Scored: every field round-trips; a stale version changes nothing.
  a.status = "scored";
  a.inspector_id = staff;
  a.marks = {{"greeting", "pass"}, {"accurate", "partial", 20}, {"red_rude", "na"}};
  a.score_x10 = 876;
  a.red_line = true;
  a.summary = "整体不错";
  a.first_score_x10 = 500;
  a.appeal_due_at = 9000;
  a.appeal_reason = "顾客已致谢";
  a.appealed_at = 2500;
  a.decided_by = staff;
  a.decision_note = "维持";
  a.decided_at = 2600;
  a.acknowledged_at = 2700;
  a.submitted_at = 2000;
  a.updated_at = 2000;
  a.version = 2;
  bool stale = true, fresh = false;
  db->write_sync([&](Stores& r) {
    stale = r.get<InspectionStore>().update_inspection(a, 5);
    fresh = r.get<InspectionStore>().update_inspection(a, 1);
  });
  EXPECT_FALSE(stale);
  EXPECT_TRUE(fresh);
  auto& again = db->reader().get<InspectionStore>();
  EXPECT_EQ(again.inspection(a.id), a);

  EXPECT_EQ(again.list_inspections({}).size(), 3u);
  EXPECT_EQ(again.list_inspections({}).front().id, c.id);  // newest first
  EXPECT_EQ(again.list_inspections({.store_ids = {store_a}}).size(), 2u);
  EXPECT_EQ(again.list_inspections({.statuses = {"queued"}}).size(), 2u);
  EXPECT_EQ(again.list_inspections({.inspector_id = staff}).size(), 1u);
  EXPECT_EQ(again.list_inspections({.staff_id = staff + 1}).size(), 0u);
  EXPECT_EQ(again.list_inspections({.submitted_from = 2000, .submitted_to = 2001}).size(), 1u);
  EXPECT_EQ(again.list_inspections({.submitted_from = 2001}).size(), 0u);
  EXPECT_EQ(again.list_inspections({.oldest_submitted_first = true, .limit = 1}).size(), 1u);

  auto subjects = again.inspected_subjects(store_a, 1002);
  ASSERT_EQ(subjects.size(), 1u);
  EXPECT_EQ(subjects[0], (std::pair<std::string, int64_t>{"ticket", 2}));

  QaComment one{0, a.id, "event", 77, "accurate", "这里的退货时限说错了", staff, 3000};
  QaComment two{0, a.id, "", std::nullopt, "", "总体语气很好", staff, 3001};
  db->write_sync([&](Stores& r) {
    r.get<InspectionStore>().insert_qa_comment(one);
    r.get<InspectionStore>().insert_qa_comment(two);
  });
  auto comments = db->reader().get<InspectionStore>().qa_comments(a.id);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0], one);
  EXPECT_EQ(comments[1], two);
  EXPECT_TRUE(db->reader().get<InspectionStore>().qa_comments(b.id).empty());
}

TEST_P(QualityContract, CalibrationSessionsAndScores) {
  Calibration c{0,      store_a, "conversation", 5,     staff, "chat",      0, 0, "十二月第一周校准",
                "open", {},      std::nullopt,   staff, 100,   std::nullopt};
  Calibration other = c;
  other.store_id = store_b;
  db->write_sync([&](Stores& r) {
    auto& s = r.get<CalibrationStore>();
    s.insert_calibration(c);
    s.insert_calibration(other);
    s.put_calibration_score({c.id, 9, {{"greeting", "pass"}}, 1000, false, 200});
    s.put_calibration_score({c.id, 3, {{"greeting", "fail"}}, 0, true, 210});
    s.put_calibration_score({c.id, 9, {{"greeting", "partial", 5}}, 333, false, 220});
  });
  auto& s = db->reader().get<CalibrationStore>();
  EXPECT_EQ(s.calibration(c.id), c);
  auto scores = s.calibration_scores(c.id);
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0].inspector_id, 3);
  EXPECT_TRUE(scores[0].red_line);
  EXPECT_EQ(scores[1].score_x10, 333);  // replaced
  EXPECT_EQ(scores[1].marks, (std::vector<quality::Mark>{{"greeting", "partial", 5}}));
  EXPECT_EQ(s.list_calibrations({}, 10).size(), 2u);
  EXPECT_EQ(s.list_calibrations({store_a}, 10).size(), 1u);

  c.status = "closed";
  c.final_marks = {{"greeting", "pass"}};
  c.final_score_x10 = 1000;
  c.closed_at = 300;
  db->write_sync([&](Stores& r) { r.get<CalibrationStore>().update_calibration(c); });
  EXPECT_EQ(db->reader().get<CalibrationStore>().calibration(c.id), c);
}

TEST_P(QualityContract, CoachingAndItsAcknowledgement) {
  Inspection i = inspection(1);
  Coaching a{0, 0, store_a, staff, "apology", "kb_article", 12, "请学习致歉话术", 5000, staff, 100, std::nullopt};
  Coaching b = a;
  b.material_kind = "case_entry";
  b.store_id = store_b;
  db->write_sync([&](Stores& r) {
    r.get<InspectionStore>().insert_inspection(i);
    a.inspection_id = b.inspection_id = i.id;
    r.get<CoachingStore>().insert_coaching(a);
    r.get<CoachingStore>().insert_coaching(b);
  });
  auto& s = db->reader().get<CoachingStore>();
  EXPECT_EQ(s.coaching(a.id), a);
  EXPECT_EQ(s.list_coaching({}).size(), 2u);
  EXPECT_EQ(s.list_coaching({.store_ids = {store_a}}).size(), 1u);
  EXPECT_EQ(s.list_coaching({.inspection_id = i.id}).front().id, b.id);
  EXPECT_TRUE(s.list_coaching({.staff_id = staff + 1}).empty());
  bool first = false, second = true;
  db->write_sync([&](Stores& r) {
    first = r.get<CoachingStore>().acknowledge_coaching(a.id, 700);
    second = r.get<CoachingStore>().acknowledge_coaching(a.id, 800);
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
  EXPECT_EQ(db->reader().get<CoachingStore>().coaching(a.id)->acknowledged_at, 700);
}

TEST_P(QualityContract, SamplingSourcesOfAWeek) {
  db->write_sync([&](Stores& r) {
    auto& tickets = r.get<TicketStore>();
    auto resolved = [&](int64_t at, const char* channel, const char* type, int reopens) {
      auto t = make_ticket(store_a, 10);
      t.status = "resolved";
      t.channel = ticket::Channel::of(channel);
      t.type = ticket::Type::of(type);
      t.resolved_at = at;
      t.reopen_count = reopens;
      tickets.insert_ticket(t);
      return t.id;
    };
    auto low = resolved(100, "hotline", "complaint", 1);
    resolved(150, "service_desk", "inquiry", 0);
    resolved(300, "service_desk", "inquiry", 0);  // after the week
    r.get<CallbackStore>().insert_csat({low, 2, "", 120});
    auto t = make_ticket(store_a, 10);
    t.owner_id.reset();
    t.resolved_at = 110;  // nobody owned it
    tickets.insert_ticket(t);

    chat::Conversation c;
    c.store_id = store_a;
    c.queue = "general";
    c.status = "assigned";
    c.visitor_digest = "v1";
    c.agent_id = staff;
    c.created_at = c.last_message_at = 50;
    auto id = r.get<ConversationStore>().insert_conversation(c);
    r.get<ConversationStore>().end_conversation(id, "agent", 140);
    r.get<ChatDeskStore>().set_rating(id, 1, "", 141);
    c.visitor_digest = "v2";
    c.agent_id.reset();
    auto lone = r.get<ConversationStore>().insert_conversation(c);
    r.get<ConversationStore>().end_conversation(lone, "idle", 140);
  });
  auto& s = db->reader().get<QaSourceStore>();
  auto tickets = s.ticket_candidates(store_a, 100, 200);
  ASSERT_EQ(tickets.size(), 2u);
  EXPECT_EQ(tickets[0].channel, quality::ChannelKind("hotline"));
  EXPECT_TRUE(tickets[0].low_csat && tickets[0].complaint && tickets[0].reopened);
  EXPECT_EQ(tickets[0].staff_id, staff);
  EXPECT_EQ(tickets[1].channel, quality::ChannelKind("desk"));
  EXPECT_FALSE(tickets[1].low_csat || tickets[1].complaint || tickets[1].reopened);
  EXPECT_TRUE(s.ticket_candidates(store_b, 0, 1000).empty());
  auto chats = s.conversation_candidates(store_a, 100, 200);
  ASSERT_EQ(chats.size(), 1u);
  EXPECT_EQ(chats[0].kind, quality::SubjectKind("conversation"));
  EXPECT_TRUE(chats[0].low_csat);
  EXPECT_EQ(chats[0].channel, quality::ChannelKind("chat"));
  EXPECT_TRUE(s.conversation_candidates(store_a, 141, 200).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, QualityContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
