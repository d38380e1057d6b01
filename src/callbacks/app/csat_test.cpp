// CSAT (满意度) link and rating use cases: real SQLite file, fixed clock, no HTTP.
#include "callbacks/app/csat.hpp"

#include <nlohmann/json.hpp>

#include "callbacks/storage/callback_store.hpp"
#include "core/app/signing_key.hpp"
#include "core/storage/platform_stores.hpp"
#include "notifications/storage/notification_store.hpp"
#include "sla/app/escalation.hpp"
#include "sla/app/sla_fixture.hpp"
#include "tickets/storage/task_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class Csat : public SlaUseCases {
 protected:
  CsatLink link(const people::Actor& who, int64_t id, int64_t at = kNow + 2 * kHour,
                int64_t ttl = kCsatLinkDefaultTtlMs) {
    return as(
        who, [&](Context& c) { return create_csat_link(c, id, ttl); }, at);
  }
  CsatView view(const std::string& token, int64_t at = kNow + 3 * kHour) {
    auto& r = db->reader();
    Context c{r, people::customer_actor(), at, seg.get()};
    return csat_view(c, token);
  }
  RateResult rate_as_customer(const std::string& token, int rating, const std::string& comment = "",
                              int64_t at = kNow + 3 * kHour) {
    return as(
        people::customer_actor(), [&](Context& c) { return rate(c, token, rating, comment); }, at);
  }
};

TEST_F(Csat, TheCustomerRatesOnceThroughTheLink) {
  auto t = resolved_ticket(agent);
  auto l = link(agent, t.id);
  EXPECT_EQ(l.path, "/m/csat/" + l.token);
  EXPECT_EQ(l.expires_at, kNow + 2 * kHour + 14 * kDay);
  EXPECT_TRUE(l.token.starts_with(std::to_string(t.id) + "."));

  auto v = view(l.token);
  EXPECT_EQ(v.number, t.number);
  EXPECT_EQ(v.subject, t.subject);
  EXPECT_EQ(v.store_name, "甲店");
  EXPECT_EQ(v.status, "resolved");
  EXPECT_EQ(v.expires_at, l.expires_at);
  EXPECT_FALSE(v.rating);

  auto r = rate_as_customer(l.token, 4, "处理及时");
  EXPECT_EQ(r.rating.rating, 4);
  EXPECT_FALSE(r.recovery_task_id);
  v = view(l.token);
  ASSERT_TRUE(v.rating);
  EXPECT_EQ(v.rating->rating, 4);
  EXPECT_EQ(v.rating->comment, "处理及时");

  EXPECT_EQ(code_of([&] { rate_as_customer(l.token, 5); }), "already_rated");
  EXPECT_EQ(db->reader().get<storage::CallbackStore>().csat(t.id)->rating, 4);
  EXPECT_EQ(code_of([&] { link(agent, t.id); }), "already_rated");

  auto ev = db->reader().get<storage::TimelineStore>().events(t.id);
  ASSERT_EQ(ev.back().kind, "csat");
  EXPECT_TRUE(ev.back().customer_visible);
  EXPECT_EQ(nlohmann::json::parse(ev.back().data)["rating"], 4);
  EXPECT_TRUE(db->reader().get<storage::TaskStore>().tasks(t.id).empty());
  auto link_event = std::find_if(ev.begin(), ev.end(), [](const auto& e) { return e.kind == "csat_link"; });
  ASSERT_NE(link_event, ev.end());
  EXPECT_EQ(link_event->data.find(l.token), std::string::npos);  // the token is a credential
  EXPECT_EQ(db->reader().get<storage::AuditStore>().audit("ticket", t.id).back().action, "ticket.csat");
}

TEST_F(Csat, AForgedOrExpiredLinkIsRefused) {
  auto t = resolved_ticket(agent);
  auto other = resolved_ticket(agent);
  auto l = link(agent, t.id);
  auto forged = l.token;
  auto& ch = forged[forged.size() - 5];  // inside the MAC (the last character has padding bits)
  ch = ch == 'A' ? 'B' : 'A';
  EXPECT_EQ(code_of([&] { view(forged); }), "invalid_link");
  EXPECT_EQ(code_of([&] { rate_as_customer(forged, 5); }), "invalid_link");
  auto moved = std::to_string(other.id) + l.token.substr(l.token.find('.'));
  EXPECT_EQ(code_of([&] { rate_as_customer(moved, 5); }), "invalid_link");
  EXPECT_EQ(code_of([&] { view("not-a-token"); }), "invalid_link");

  auto brief = link(agent, t.id, kNow + 2 * kHour, 1000);
  EXPECT_EQ(view(brief.token, kNow + 2 * kHour + 999).number, t.number);
  EXPECT_EQ(code_of([&] { view(brief.token, kNow + 2 * kHour + 1000); }), "link_expired");
  EXPECT_EQ(code_of([&] { rate_as_customer(brief.token, 5, "", kNow + 2 * kHour + 1000); }), "link_expired");
  EXPECT_FALSE(db->reader().get<storage::CallbackStore>().csat(t.id));
  EXPECT_FALSE(db->reader().get<storage::CallbackStore>().csat(other.id));
}

TEST_F(Csat, NoKeyMeansNoValidLinkAndTheKeyIsMadeOnce) {
  auto t = resolved_ticket(agent);
  EXPECT_EQ(code_of([&] { view(std::to_string(t.id) + ".99999999999999.AAAA"); }), "invalid_link");
  EXPECT_TRUE(db->reader().get<storage::SigningKeyStore>().signing_keys("csat_link").empty());
  auto a = link(agent, t.id);
  auto keys = db->reader().get<storage::SigningKeyStore>().signing_keys("csat_link");
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].secret_hex.size(), 64u);
  auto b = link(supervisor, t.id, kNow + 2 * kHour + 1);
  auto after = db->reader().get<storage::SigningKeyStore>().signing_keys("csat_link");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].secret_hex, keys[0].secret_hex);
  EXPECT_NE(a.token, b.token);
  EXPECT_EQ(view(a.token).number, view(b.token).number);  // both stay valid
}

TEST_F(Csat, KeysRotateAndOldLinksLiveOutTheirTimeUnlessRevoked) {
  auto t = resolved_ticket(agent);
  auto other = resolved_ticket(agent);
  auto before = link(agent, t.id);
  // An administrator rotates: the link out still opens, new links use the new key.
  auto r = as(
      admin, [&](Context& c) { return rotate_signing_key(c, "csat_link", false); }, kNow + 2 * kHour + 5);
  EXPECT_EQ(r.retired, 1);
  EXPECT_EQ(r.deleted, 0);
  EXPECT_EQ(view(before.token).number, t.number);
  auto after = link(agent, other.id, kNow + 2 * kHour + 10);
  EXPECT_EQ(view(after.token).number, other.number);
  // Revoking (a key may have leaked): every link signed before is void at once.
  as(
      admin, [&](Context& c) { return rotate_signing_key(c, "csat_link", true); }, kNow + 2 * kHour + 20);
  EXPECT_EQ(code_of([&] { view(before.token); }), "invalid_link");
  EXPECT_EQ(code_of([&] { view(after.token); }), "invalid_link");
  EXPECT_EQ(view(link(agent, other.id, kNow + 2 * kHour + 30).token).number, other.number);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return rotate_signing_key(c, "csat_link", false); }); }),
            "forbidden");
}

TEST_F(Csat, TheSigningKeyIsReplacedAfterNinetyDaysAndTheOldOneRetires) {
  auto t = resolved_ticket(agent);
  link(agent, t.id);
  const int64_t later = kNow + 91LL * 24 * kHour;
  auto fresh = link(agent, t.id, later);
  auto keys = db->reader().get<storage::SigningKeyStore>().signing_keys("csat_link");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].retired_at, later);
  EXPECT_FALSE(keys[1].retired_at);
  EXPECT_EQ(view(fresh.token, later + 1).number, t.number);
}

TEST_F(Csat, LinksAreForFinishedTicketsOfTheCallersStores) {
  auto open = make_ticket(agent);
  EXPECT_EQ(code_of([&] { link(agent, open.id); }), "not_resolved");
  auto t = resolved_ticket(agent);
  EXPECT_EQ(code_of([&] { link(agent_b, t.id); }), "not_found");
  EXPECT_EQ(code_of([&] { link(agent2, t.id); }), "forbidden");
  EXPECT_EQ(code_of([&] { link(agent, t.id, kNow + 2 * kHour, 0); }), "invalid_field");
  EXPECT_EQ(code_of([&] { link(agent, t.id, kNow + 2 * kHour, kCsatLinkMaxTtlMs + 1); }), "invalid_field");
  auto closed = move(agent, t.id, "closed", kNow + 2 * kHour);
  EXPECT_EQ(link(supervisor, closed.id, kNow + 3 * kHour).expires_at, kNow + 3 * kHour + 14 * kDay);
}

TEST_F(Csat, ABadRatingIsRefusedAndNothingStored) {
  auto t = resolved_ticket(agent);
  auto l = link(agent, t.id);
  EXPECT_EQ(code_of([&] { rate_as_customer(l.token, 0); }), "invalid_rating");
  EXPECT_EQ(code_of([&] { rate_as_customer(l.token, 6); }), "invalid_rating");
  EXPECT_EQ(code_of([&] { rate_as_customer(l.token, 3, std::string(501, 'x')); }), "too_long");
  EXPECT_FALSE(db->reader().get<storage::CallbackStore>().csat(t.id));
  EXPECT_EQ(db->reader().get<storage::TimelineStore>().events(t.id).back().kind, "csat_link");
  EXPECT_EQ(rate_as_customer(l.token, 3).rating.rating, 3);  // the link still works
}

TEST_F(Csat, ALowRatingOpensServiceRecoveryForTheSupervisor) {
  auto t = resolved_ticket(agent);
  auto l = link(agent, t.id);
  auto r = rate_as_customer(l.token, 1, "态度很差");
  ASSERT_TRUE(r.recovery_task_id);
  auto tasks = db->reader().get<storage::TaskStore>().tasks(t.id);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].id, *r.recovery_task_id);
  EXPECT_EQ(tasks[0].department_id, desk);  // the desk, not the first department
  EXPECT_EQ(tasks[0].assignee_id, supervisor.staff_id);
  EXPECT_EQ(tasks[0].description, "服务补救：顾客评分 1 分——态度很差");
  EXPECT_EQ(tasks[0].due_at, kNow + 3 * kHour + kDay);
  EXPECT_EQ(tasks[0].status, "open");

  auto notes =
      db->reader().get<storage::NotificationStore>().notifications(supervisor.staff_id, std::nullopt, false, 10);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].kind, "service_recovery");
  EXPECT_EQ(notes[0].ticket_id, t.id);
  EXPECT_TRUE(
      db->reader().get<storage::NotificationStore>().notifications(agent.staff_id, std::nullopt, false, 10).empty());
  auto ev = db->reader().get<storage::TimelineStore>().events(t.id);
  EXPECT_EQ(ev.back().kind, "task_created");
  EXPECT_EQ(ev[ev.size() - 2].kind, "csat");
}

}  // namespace
}  // namespace kefu::app
