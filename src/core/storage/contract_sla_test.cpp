// The storage contract for SLA, notifications, resolutions and CSAT.
#include <gtest/gtest.h>

#include "callbacks/storage/callback_store.hpp"
#include "core/storage/contract_fixture.hpp"
#include "core/storage/platform_stores.hpp"
#include "notifications/storage/notification_store.hpp"
#include "notifications/storage/outbox_store.hpp"
#include "org/storage/org_store.hpp"
#include "remedies/storage/remedy_store.hpp"
#include "reports/storage/report_store.hpp"
#include "sla/storage/clock_store.hpp"
#include "sla/storage/sla_config_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

class SlaContract : public Contract {};

TEST_P(SlaContract, PoliciesRoundTripInPositionOrderAndRetire) {
  SlaPolicyRecord p1, p2;
  p1.policy = {.name = "普通", .position = 20, .targets = {.first_response = sla::Target{30, sla::TimeMode::business}}};
  p2.policy = {.name = "P1 安全",
               .position = 10,
               .conditions = {.priorities = std::vector<std::string>{"P1"}, .store_ids = std::vector<int64_t>{store_a}},
               .targets = {.resolution = sla::Target{240, sla::TimeMode::calendar}}};
  p2.ladder = {sla::at_percent(80, sla::Notify::owner), sla::after_breach(120, sla::Notify::manager)};
  db->write_sync([&](Stores& r) {
    p1.policy.id = r.get<storage::SlaConfigStore>().insert_sla_policy(p1);
    p2.policy.id = r.get<storage::SlaConfigStore>().insert_sla_policy(p2);
  });
  auto all = db->reader().get<storage::SlaConfigStore>().sla_policies(false);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].policy.name, "P1 安全");
  EXPECT_EQ(all[0].policy.conditions.priorities, std::vector<std::string>{"P1"});
  EXPECT_EQ(all[0].policy.conditions.store_ids, std::vector<int64_t>{store_a});
  EXPECT_FALSE(all[0].policy.conditions.types);
  EXPECT_EQ(all[0].policy.targets.resolution, (sla::Target{240, sla::TimeMode::calendar}));
  EXPECT_FALSE(all[0].policy.targets.first_response);
  EXPECT_EQ(all[0].ladder, p2.ladder);

  p1.active = false;
  p1.version = 2;
  bool first = false, stale = true;
  db->write_sync([&](Stores& r) {
    first = r.get<storage::SlaConfigStore>().update_sla_policy(p1, 1);
    stale = r.get<storage::SlaConfigStore>().update_sla_policy(p1, 1);
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(stale);
  EXPECT_EQ(db->reader().get<storage::SlaConfigStore>().sla_policies(false).size(), 1u);
  EXPECT_EQ(db->reader().get<storage::SlaConfigStore>().sla_policies(true).size(), 2u);
  EXPECT_FALSE(db->reader().get<storage::SlaConfigStore>().sla_policy(p1.policy.id)->active);
}

TEST_P(SlaContract, SpecialDaysAreReplacedAsAWhole) {
  db->write_sync([&](Stores& r) {
    r.get<storage::SlaConfigStore>().replace_special_days(
        store_a, {{"2027-02-06", {}, "春节"}, {"2026-10-01", {{"09:00", "23:00"}}, "国庆"}});
  });
  auto days = db->reader().get<storage::SlaConfigStore>().special_days(store_a);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].date, "2026-10-01");
  EXPECT_EQ(days[0].hours.size(), 1u);
  EXPECT_EQ(days[0].hours[0].close, "23:00");
  EXPECT_TRUE(days[1].hours.empty());
  db->write_sync([&](Stores& r) { r.get<storage::SlaConfigStore>().replace_special_days(store_a, {}); });
  EXPECT_TRUE(db->reader().get<storage::SlaConfigStore>().special_days(store_a).empty());
}

TEST_P(SlaContract, ClockEventsKeepTheirOrderAndTargets) {
  auto t = make_ticket(store_a, 1795278600000LL);
  db->write_sync([&](Stores& r) {
    r.get<storage::TicketStore>().insert_ticket(t);
    r.get<storage::ClockStore>().insert_clock_events(
        t.id, {{sla::Metric::resolution, sla::EventKind::activate, sla::from_unix_ms(1000), "创建",
                sla::Target{60, sla::TimeMode::calendar}},
               {sla::Metric::resolution, sla::EventKind::pause, sla::from_unix_ms(2000), "等待顾客"}});
  });
  auto events = db->reader().get<storage::ClockStore>().clock_events(t.id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, sla::EventKind::activate);
  EXPECT_EQ(events[0].target, (sla::Target{60, sla::TimeMode::calendar}));
  EXPECT_EQ(events[1].kind, sla::EventKind::pause);
  EXPECT_EQ(events[1].detail, "等待顾客");
  EXPECT_FALSE(events[1].target);

  auto rows = db->reader().get<storage::ClockStore>().ticket_clock_rows({store_a}, 0, 1795278600001LL);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].events.size(), 2u);
  EXPECT_TRUE(db->reader().get<storage::ClockStore>().ticket_clock_rows({store_b}, 0, 1795278600001LL).empty());
  EXPECT_TRUE(db->reader().get<storage::ClockStore>().ticket_clock_rows({}, 0, 1795278600000LL).empty());  // [from, to)
}

TEST_P(SlaContract, AStepFiresOnceAndDueTicketsComeInOrder) {
  auto a = make_ticket(store_a, 1000), b = make_ticket(store_a, 1000), c = make_ticket(store_a, 1000);
  a.next_escalation_at = 5000;
  b.next_escalation_at = 3000;
  db->write_sync([&](Stores& r) {
    r.get<storage::TicketStore>().insert_ticket(a);
    r.get<storage::TicketStore>().insert_ticket(b);
    r.get<storage::TicketStore>().insert_ticket(c);
  });
  auto& reader = db->reader();
  EXPECT_EQ(reader.get<storage::ClockStore>().tickets_due_for_escalation(5000, 10), (std::vector<int64_t>{b.id, a.id}));
  EXPECT_EQ(reader.get<storage::ClockStore>().tickets_due_for_escalation(4999, 10), (std::vector<int64_t>{b.id}));
  EXPECT_EQ(reader.get<storage::ClockStore>().earliest_escalation(), 3000);

  bool first = false, again = true;
  FiredEscalation f{a.id, sla::Metric::resolution, 1, 0, 5000, 5100};
  db->write_sync([&](Stores& r) {
    first = r.get<storage::ClockStore>().insert_fired_escalation(f);
    again = r.get<storage::ClockStore>().insert_fired_escalation(f);
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(again);
  f.generation = 2;
  db->write_sync([&](Stores& r) { EXPECT_TRUE(r.get<storage::ClockStore>().insert_fired_escalation(f)); });
  EXPECT_EQ(db->reader().get<storage::ClockStore>().fired_escalations(a.id).size(), 2u);
}

TEST_P(SlaContract, TheOverdueFilterLooksAtEveryRunningDeadline) {
  auto late_reply = make_ticket(store_a, 1000), late_fix = make_ticket(store_a, 1000),
       fine = make_ticket(store_a, 1000), none = make_ticket(store_a, 1000);
  late_reply.first_response_due_at = 4000;
  late_fix.resolution_due_at = 5000;
  fine.resolution_due_at = 9000;
  db->write_sync([&](Stores& r) {
    for (auto* t : {&late_reply, &late_fix, &fine, &none}) r.get<storage::TicketStore>().insert_ticket(*t);
  });
  TicketFilter f;
  f.overdue_at = 5000;
  f.sort = "created_at";
  f.descending = false;
  std::vector<int64_t> ids;
  for (const auto& t : db->reader().get<storage::TicketStore>().tickets(f)) ids.push_back(t.id);
  EXPECT_EQ(ids, (std::vector<int64_t>{late_reply.id, late_fix.id}));
  auto back = db->reader().get<storage::TicketStore>().ticket(late_fix.id);
  EXPECT_EQ(back->resolution_due_at, 5000);
  EXPECT_FALSE(back->first_response_due_at);
}

TEST_P(SlaContract, DashboardCountsByTypeChannelOpenAndOverdue) {
  auto a = make_ticket(store_a, 1000), b = make_ticket(store_a, 2000), c = make_ticket(store_a, 3000),
       old = make_ticket(store_a, 10), other = make_ticket(store_b, 1500);
  b.type = "complaint";
  b.channel = "hotline";
  b.resolution_due_at = 4000;  // overdue at 5000
  c.status = "closed";
  c.callback_due_at = 4500;  // a late callback counts too
  old.status = "in_progress";
  for (auto* t : {&a, &b, &c, &old, &other})
    db->write_sync([&](Stores& r) { r.get<storage::TicketStore>().insert_ticket(*t); });
  auto n = db->reader().get<storage::ReportStore>().ticket_counts({store_a}, 1000, 4000, 5000);
  EXPECT_EQ(n.created, 3);
  EXPECT_EQ(n.by_type, (std::vector<std::pair<std::string, int64_t>>{{"inquiry", 2}, {"complaint", 1}}));
  EXPECT_EQ(n.by_channel, (std::vector<std::pair<std::string, int64_t>>{{"service_desk", 2}, {"hotline", 1}}));
  EXPECT_EQ(n.open, 3);  // a, b, old
  EXPECT_EQ(n.overdue, 2);
  EXPECT_EQ(db->reader().get<storage::ReportStore>().ticket_counts({}, 1000, 4000, 5000).created, 4);
}

TEST_P(SlaContract, NotificationsPerStaffWithReadState) {
  db->write_sync([&](Stores& r) {
    for (int i = 0; i < 3; ++i)
      r.get<storage::NotificationStore>().insert_notification(
          {.staff_id = staff, .kind = "escalation", .title = "超时"});
  });
  auto& reader = db->reader();
  auto list = reader.get<storage::NotificationStore>().notifications(staff, std::nullopt, false, 10);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_GT(list[0].id, list[1].id);  // newest first
  EXPECT_EQ(reader.get<storage::NotificationStore>().unread_notifications(staff), 3);
  bool mine = false, other = true;
  db->write_sync([&](Stores& r) {
    mine = r.get<storage::NotificationStore>().mark_notification_read(staff, list[0].id, 9000);
    other = r.get<storage::NotificationStore>().mark_notification_read(staff + 1, list[1].id, 9000);
  });
  EXPECT_TRUE(mine);
  EXPECT_FALSE(other);  // someone else's notice is not found
  EXPECT_EQ(db->reader().get<storage::NotificationStore>().unread_notifications(staff), 2);
  EXPECT_EQ(db->reader().get<storage::NotificationStore>().notifications(staff, std::nullopt, true, 10).size(), 2u);
  EXPECT_EQ(db->reader().get<storage::NotificationStore>().notifications_after(list[1].id, 10).size(), 1u);
  EXPECT_EQ(db->reader().get<storage::NotificationStore>().last_notification_id(), list[0].id);
}

TEST_P(SlaContract, OutboxHandsOutDueEmailsUntilSent) {
  int64_t id = 0;
  db->write_sync([&](Stores& r) {
    id = r.get<storage::OutboxStore>().insert_email(
        {.to = "sup@example.com", .subject = "超时", .body = "…", .created_at = 1, .next_attempt_at = 1});
  });
  EXPECT_EQ(db->reader().get<storage::OutboxStore>().emails_due(1, 10).size(), 1u);
  db->write_sync([&](Stores& r) { r.get<storage::OutboxStore>().mark_email_failed(id, "connection refused", 500); });
  EXPECT_TRUE(db->reader().get<storage::OutboxStore>().emails_due(499, 10).empty());
  auto due = db->reader().get<storage::OutboxStore>().emails_due(500, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].attempts, 1);
  EXPECT_EQ(due[0].last_error, "connection refused");
  db->write_sync([&](Stores& r) { r.get<storage::OutboxStore>().mark_email_sent(id, 600); });
  EXPECT_TRUE(db->reader().get<storage::OutboxStore>().emails_due(10'000, 10).empty());
}

TEST_P(SlaContract, ResolutionsLimitsAndOneCsatPerTicket) {
  auto t = make_ticket(store_a, 1000);
  int64_t rid = 0;
  db->write_sync([&](Stores& r) {
    r.get<storage::TicketStore>().insert_ticket(t);
    r.get<storage::RemedyStore>().put_authority_limit("agent", 20000);
    r.get<storage::RemedyStore>().put_authority_limit("agent", 30000);
    rid = r.get<storage::RemedyStore>().insert_remedy({.ticket_id = t.id,
                                                       .kind = "compensation",
                                                       .compensation = "coupon",
                                                       .amount_cents = 50000,
                                                       .description = "赔偿购物券",
                                                       .status = "pending",
                                                       .requested_by = staff,
                                                       .approver_role = "supervisor",
                                                       .created_at = 1000});
  });
  auto& reader = db->reader();
  EXPECT_EQ(reader.get<storage::RemedyStore>().authority_limits(),
            (std::vector<std::pair<std::string, int64_t>>{{"agent", 30000}}));
  EXPECT_EQ(reader.get<storage::RemedyStore>().pending_remedies({store_a}, {"supervisor"}).size(), 1u);
  EXPECT_TRUE(reader.get<storage::RemedyStore>().pending_remedies({store_b}, {"supervisor"}).empty());
  EXPECT_TRUE(reader.get<storage::RemedyStore>().pending_remedies({store_a}, {"manager"}).empty());
  auto rec = *reader.get<storage::RemedyStore>().remedy(rid);
  rec.status = "applied";
  rec.decided_by = staff;
  rec.version = 2;
  db->write_sync([&](Stores& r) { EXPECT_TRUE(r.get<storage::RemedyStore>().update_remedy(rec, 1)); });
  EXPECT_TRUE(db->reader().get<storage::RemedyStore>().pending_remedies({}, {"supervisor"}).empty());
  EXPECT_EQ(db->reader().get<storage::RemedyStore>().remedies(t.id)[0].status, "applied");

  bool first = false, second = true;
  db->write_sync([&](Stores& r) {
    first = r.get<storage::CallbackStore>().insert_csat({t.id, 5, "很满意", 2000});
    second = r.get<storage::CallbackStore>().insert_csat({t.id, 1, "改主意了", 3000});
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
  EXPECT_EQ(db->reader().get<storage::CallbackStore>().csat(t.id)->rating, 5);
}

TEST_P(SlaContract, TheSlaConfigVersionMovesWithPoliciesDaysAndStoresOnly) {
  auto v = [&] { return db->reader().get<storage::SlaConfigStore>().sla_config_version(); };
  const auto v0 = v();
  EXPECT_FALSE(v0.empty());
  auto t = make_ticket(store_a, 1000);
  db->write_sync([&](Stores& r) { r.get<storage::TicketStore>().insert_ticket(t); });
  EXPECT_EQ(v(), v0);  // tickets do not touch it
  SlaPolicyRecord p;
  p.policy = {.name = "x", .position = 1};
  db->write_sync([&](Stores& r) { p.policy.id = r.get<storage::SlaConfigStore>().insert_sla_policy(p); });
  const auto v1 = v();
  EXPECT_NE(v1, v0);
  db->write_sync([&](Stores& r) {
    r.get<storage::SlaConfigStore>().replace_special_days(store_a, {{"2027-02-06", {}, "春节"}});
  });
  const auto v2 = v();
  EXPECT_NE(v2, v1);
  db->write_sync([&](Stores& r) {
    auto st = *r.get<storage::OrgStore>().store(store_a);
    st.hours = {{1, "09:00", "21:00"}};
    r.get<storage::OrgStore>().update_store(st);
  });
  EXPECT_NE(v(), v2);
  // A change rolled back leaves the version as it was.
  const auto v3 = v();
  EXPECT_THROW(db->write_sync([&](Stores& r) {
    r.get<storage::SlaConfigStore>().insert_sla_policy(p);
    throw std::runtime_error("rolled back");
  }),
               std::runtime_error);
  EXPECT_EQ(v(), v3);
}

TEST_P(SlaContract, SettingsKeepTheFirstValue) {
  std::string a, b;
  db->write_sync([&](Stores& r) {
    a = r.get<storage::SettingStore>().put_setting_if_absent("csat_key", "one");
    b = r.get<storage::SettingStore>().put_setting_if_absent("csat_key", "two");
  });
  EXPECT_EQ(a, "one");
  EXPECT_EQ(b, "one");
  EXPECT_EQ(db->reader().get<storage::SettingStore>().setting("csat_key"), "one");
  EXPECT_FALSE(db->reader().get<storage::SettingStore>().setting("nothing"));
}

TEST_P(SlaContract, SigningKeysRetireAndGoPerPurpose) {
  int64_t a = 0, b = 0, other = 0;
  int retired = 0, again = 0, deleted = 0;
  db->write_sync([&](Stores& r) {
    auto& k = r.get<storage::SigningKeyStore>();
    a = k.insert_signing_key("csat_link", std::string(64, 'a'), 100);
    other = k.insert_signing_key("ticket_access", std::string(64, 'c'), 100);
    b = k.insert_signing_key("csat_link", std::string(64, 'b'), 200);
    retired = k.retire_signing_keys("csat_link", b, 300);
    again = k.retire_signing_keys("csat_link", b, 400);  // a keeps its first date
  });
  EXPECT_EQ(retired, 1);
  EXPECT_EQ(again, 0);
  auto keys = db->reader().get<storage::SigningKeyStore>().signing_keys("csat_link");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].id, a);
  EXPECT_EQ(keys[0].secret_hex, std::string(64, 'a'));
  EXPECT_EQ(keys[0].created_at, 100);
  EXPECT_EQ(keys[0].retired_at, 300);
  EXPECT_EQ(keys[1].id, b);
  EXPECT_FALSE(keys[1].retired_at);
  EXPECT_FALSE(db->reader().get<storage::SigningKeyStore>().signing_keys("ticket_access")[0].retired_at);
  db->write_sync([&](Stores& r) { deleted = r.get<storage::SigningKeyStore>().delete_signing_keys({a, 999}); });
  EXPECT_EQ(deleted, 1);
  EXPECT_EQ(db->reader().get<storage::SigningKeyStore>().signing_keys("csat_link").size(), 1u);
  EXPECT_EQ(db->reader().get<storage::SigningKeyStore>().signing_keys("ticket_access")[0].id, other);
}

INSTANTIATE_TEST_SUITE_P(Backends, SlaContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
