// The storage contract of improvement actions: an action keeps every field through insert
// and update, lists filter by store, state, department and overdue, tickets link once,
// the timeline and photos come back in order, and the before/after figures count what
// storage/action_store.hpp says (the topic's items, contacts without double counting a
// ticket's or chat's item, ratings of the affected contacts) — on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "callbacks/storage/callback_store.hpp"
#include "core/storage/contract_fixture.hpp"
#include "feedback/storage/action_store.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kT0 = 1'800'000'000'000;

class ActionContract : public Contract {
 protected:
  template <class F>
  auto change(F f) {
    decltype(f(std::declval<Stores&>())) out{};
    db->write_sync([&](Stores& s) { out = f(s); });
    return out;
  }
  ActionStore& actions() { return db->reader().get<ActionStore>(); }

  FeedbackAction action(int64_t store, std::string state = "open") {
    FeedbackAction a;
    a.store_id = store;
    a.topic = "parking";
    a.title = "B2 照明";
    a.plan = "换灯";
    a.due_unit = "business_days";
    a.due_amount = 3;
    a.due_at = kT0 + 1000;
    a.state = std::move(state);
    a.created_by = staff;
    a.created_at = a.updated_at = kT0;
    a.next_escalation_at = a.due_at;
    return a;
  }
  int64_t add(const FeedbackAction& a) {
    return change([&](Stores& s) { return s.get<ActionStore>().insert_action(a); });
  }
  int64_t item(int64_t store, int64_t at, std::string topic, std::optional<int> rating = {},
               std::optional<int64_t> ticket = {}) {
    feedback::Item t;
    t.store_id = store;
    t.source = "form";
    t.said_at = t.received_at = at;
    t.text = "x";
    t.rating = rating;
    t.ticket_id = ticket;
    t.topic_predicted = {std::move(topic), 0.9};
    t.sentiment_predicted = {"negative", 0.1};
    t.model_version = 1;
    return change([&](Stores& s) { return s.get<FeedbackStore>().insert_item(t); });
  }
};

TEST_P(ActionContract, AnActionKeepsEveryFieldThroughInsertAndUpdate) {
  auto a = action(store_a);
  a.department_id = dept;
  a.owner_id = staff;
  a.id = add(a);
  EXPECT_EQ(actions().action(a.id), a);
  a.state = "done";
  a.done_at = kT0 + 5;
  a.verify_at = kT0 + 6;
  a.verified_at = kT0 + 7;
  a.verdict = R"({"verdict":"effective"})";
  a.waiver_reason = "理由'\"";
  a.waived_by = staff;
  a.waived_at = kT0 + 8;
  a.escalation_level = 2;
  a.escalated_at = kT0 + 9;
  a.next_escalation_at.reset();
  a.told_at = kT0 + 10;
  a.window_days = 7;
  a.updated_at = kT0 + 11;
  change([&](Stores& s) { return s.get<ActionStore>().update_action(a), 0; });
  EXPECT_EQ(actions().action(a.id), a);
  EXPECT_FALSE(actions().action(a.id + 100));
}

TEST_P(ActionContract, ListsFilterByStoreStateDepartmentAndOverdueNewestFirst) {
  auto a = action(store_a);
  a.department_id = dept;
  const auto first = add(a);
  const auto second = add(action(store_a, "done"));
  const auto third = add(action(store_b));
  auto ids = [&](const ActionFilter& f) {
    std::vector<int64_t> out;
    for (const auto& x : actions().list_actions(f)) out.push_back(x.id);
    return out;
  };
  EXPECT_EQ(ids({}), (std::vector<int64_t>{third, second, first}));
  EXPECT_EQ(ids({.store_ids = {store_a}}), (std::vector<int64_t>{second, first}));
  EXPECT_EQ(ids({.state = "done"}), (std::vector<int64_t>{second}));
  EXPECT_EQ(ids({.department_id = dept}), (std::vector<int64_t>{first}));
  EXPECT_EQ(ids({.overdue_at = kT0 + 1000}), (std::vector<int64_t>{third, first}));
  EXPECT_EQ(ids({.overdue_at = kT0 + 999}), (std::vector<int64_t>{}));
  EXPECT_EQ(ids({.before_id = third, .limit = 1}), (std::vector<int64_t>{second}));
}

TEST_P(ActionContract, TicketsLinkOnceAndTheTimelineAndPhotosComeBackInOrder) {
  const auto id = add(action(store_a));
  auto t1 = make_ticket(store_a, kT0), t2 = make_ticket(store_a, kT0);
  change([&](Stores& s) {
    s.get<TicketStore>().insert_ticket(t1);
    s.get<TicketStore>().insert_ticket(t2);
    s.get<ActionStore>().link_tickets(id, {t2.id, t1.id});
    s.get<ActionStore>().link_tickets(id, {t1.id});
    return 0;
  });
  EXPECT_EQ(actions().tickets_of(id), (std::vector<int64_t>{t1.id, t2.id}));
  const auto p1 = change([&](Stores& s) {
    return s.get<ActionStore>().insert_photo({0, id, std::nullopt, "ab12", "image/png", "a.png", 68, staff, kT0});
  });
  const auto p2 = change([&](Stores& s) {
    return s.get<ActionStore>().insert_photo({0, id, std::nullopt, "cd34", "image/jpeg", "b.jpg", 99, staff, kT0 + 1});
  });
  const auto u1 = change([&](Stores& s) {
    return s.get<ActionStore>().insert_update({0, id, "note", "已采购灯具", staff, kT0 + 2});
  });
  const auto u2 = change([&](Stores& s) {
    return s.get<ActionStore>().insert_update({0, id, "escalate", "逾期", {}, kT0 + 3});
  });
  change([&](Stores& s) { return s.get<ActionStore>().attach_photos(id, u1, {p2}), 0; });
  change([&](Stores& s) { return s.get<ActionStore>().attach_photos(id + 1, u2, {p1}), 0; });  // another action's
  const auto updates = actions().updates_of(id);
  ASSERT_EQ(updates.size(), 2u);
  EXPECT_EQ(updates[0], (ActionUpdate{u1, id, "note", "已采购灯具", staff, kT0 + 2}));
  EXPECT_EQ(updates[1].by, std::nullopt);
  const auto photos = actions().photos_of(id);
  ASSERT_EQ(photos.size(), 2u);
  EXPECT_EQ(photos[0].update_id, std::nullopt);
  EXPECT_EQ(photos[1], (ActionPhoto{p2, id, u1, "cd34", "image/jpeg", "b.jpg", 99, staff, kT0 + 1}));
  EXPECT_TRUE(actions().photo_in_use("ab12"));
  EXPECT_FALSE(actions().photo_in_use("ef56"));
}

TEST_P(ActionContract, AWindowCountsTheTopicsItemsTheContactsAndTheAffectedRatings) {
  auto ticket = make_ticket(store_a, kT0 + 10);
  change([&](Stores& s) { return s.get<TicketStore>().insert_ticket(ticket), 0; });
  change([&](Stores& s) { return s.get<CallbackStore>().insert_csat({ticket.id, 5, "好", kT0 + 20}), 0; });
  item(store_a, kT0 + 1, "parking", 2);              // a topic item with its own rating
  item(store_a, kT0 + 2, "parking", {}, ticket.id);  // rated through its ticket's CSAT (5)
  item(store_a, kT0 + 3, "parking");                 // no rating
  item(store_a, kT0 + 4, "price", 5);                // another topic
  item(store_b, kT0 + 5, "parking", 1);              // another store
  item(store_a, kT0 + 100, "parking", 1);            // after the window
  const auto w = actions().window(store_a, "parking", kT0, kT0 + 100);
  EXPECT_EQ(w.items, 3);
  // The ticket, and the items that came through no ticket (3 of store A in the window).
  EXPECT_EQ(w.contacts, 4);
  EXPECT_EQ(w.responses, 2);
  EXPECT_EQ(w.satisfied, 1);
  EXPECT_EQ(actions().window(store_a, "parking", kT0 + 200, kT0 + 300), WindowFigures{});
}

TEST_P(ActionContract, TheJobFindsWhatIsDueForEscalationAndVerification) {
  auto open = action(store_a);
  const auto a = add(open);
  auto done = action(store_a, "done");
  done.next_escalation_at.reset();
  done.verify_at = kT0 + 50;
  const auto b = add(done);
  auto waived = action(store_a, "waived");
  waived.verify_at = kT0;
  add(waived);
  EXPECT_EQ(actions().due_for_escalation(kT0 + 999, 10), (std::vector<int64_t>{}));
  EXPECT_EQ(actions().due_for_escalation(kT0 + 1000, 10), (std::vector<int64_t>{a}));
  EXPECT_EQ(actions().due_for_verification(kT0 + 49, 10), (std::vector<int64_t>{}));
  EXPECT_EQ(actions().due_for_verification(kT0 + 50, 10), (std::vector<int64_t>{b}));
}

INSTANTIATE_TEST_SUITE_P(Backends, ActionContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
