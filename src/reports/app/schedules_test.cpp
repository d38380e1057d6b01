// Scheduled reports as a manager sees them: who may set one up, what a run emails (the
// period just ended, the summary in the body, the XLSX attached with the right cells),
// and that a run is queued once however often it is committed. The service summary and
// the ticket export read the same tickets.
#include "reports/app/schedules.hpp"

#include <gtest/gtest.h>

#include "core/app/xlsx_reader.hpp"
#include "notifications/domain/attachments.hpp"
#include "reports/app/monthly.hpp"
#include "reports/app/rollups.hpp"
#include "sla/app/escalation.hpp"
#include "sla/app/sla_fixture.hpp"
#include "tickets/app/ticket_export.hpp"

namespace kefu::app::testing {
namespace {

class ReportSchedules : public SlaUseCases {
 protected:
  ScheduleInput daily(std::vector<std::string> recipients) {
    return {.store_id = store_a,
            .name = "甲店服务日报",
            .report = "summary",
            .frequency = "daily",
            .hour = 8,
            .recipients = std::move(recipients)};
  }
  std::vector<storage::OutboxEmail> outbox(int64_t now) {
    return db->reader().get<storage::OutboxStore>().emails_due(now, 100);
  }
};

TEST_F(ReportSchedules, WhoMaySetOneUp) {
  auto in = daily({"boss@store.example"});
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return create_schedule(c, in); }); }), "forbidden");
  auto chain = in;
  chain.store_id.reset();
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return create_schedule(c, chain); }); }), "forbidden");
  EXPECT_EQ(code_of([&] { as(admin, [&](Context& c) { return create_schedule(c, chain); }); }), "none");
  auto other = in;
  other.store_id = store_b;
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return create_schedule(c, other); }); }), "not_found");

  struct Case {
    std::function<void(ScheduleInput&)> change;
    const char* code;
  };
  const Case cases[] = {
      {[](ScheduleInput& i) { i.hour = 24; }, "invalid_schedule"},
      {[](ScheduleInput& i) { i.frequency = "hourly"; }, "invalid_enum"},
      {[](ScheduleInput& i) { i.report = "pdf"; }, "invalid_enum"},
      {[](ScheduleInput& i) { i.recipients = {}; }, "invalid_schedule"},
      {[](ScheduleInput& i) { i.recipients = {"not an address"}; }, "invalid_schedule"},
      {[](ScheduleInput& i) { i.recipients = {"staff:99999"}; }, "unknown_reference"},
      {[](ScheduleInput& i) { i.name = ""; }, "required"},
  };
  for (const auto& c : cases) {
    auto bad = in;
    c.change(bad);
    EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& x) { return create_schedule(x, bad); }); }), c.code) << c.code;
  }
  auto made = as(supervisor, [&](Context& c) { return create_schedule(c, in); });
  // 2026-11-22 00:30 in Shanghai → the first run at 08:00 the same morning.
  EXPECT_EQ(made.next_run_at, kNow + 7 * kHour + 30 * kMinute);
  EXPECT_EQ(as(supervisor, [&](Context& c) { return list_schedules(c, std::nullopt); }).size(), 1u);
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return get_schedule(c, made.id); }); }), "forbidden");
  in.frequency = "weekly";
  auto changed = as(supervisor, [&](Context& c) { return update_schedule(c, made.id, in); });
  EXPECT_EQ(changed.frequency, "weekly");
  EXPECT_EQ(changed.next_run_at, kNow + kDay + 7 * kHour + 30 * kMinute);  // Monday 08:00
  as(supervisor, [&](Context& c) {
    delete_schedule(c, made.id);
    return 0;
  });
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return get_schedule(c, made.id); }); }), "not_found");
}

TEST_F(ReportSchedules, ARunEmailsYesterdaysReportOnceWithTheXlsxAttached) {
  // Yesterday (21 Nov, Shanghai): three complaints and an inquiry; today one more.
  for (int i = 0; i < 3; ++i) make_ticket(agent, kNow - 2 * kHour + i * kMinute, "complaint");
  make_ticket(agent, kNow - 3 * kHour, "inquiry");
  make_ticket(agent, kNow + kHour, "inquiry");
  db->write_sync([&](storage::Stores& r) {
    auto s = *r.get<storage::OrgStore>().staff(manager.staff_id);
    s.email = "manager@store.example";
    r.get<storage::OrgStore>().update_staff(s);
  });
  const auto made = as(supervisor, [&](Context& c) {
    return create_schedule(c, daily({"staff:" + std::to_string(manager.staff_id), "boss@store.example",
                                     "staff:" + std::to_string(agent.staff_id)}));
  });
  const int64_t run_at = made.next_run_at + kMinute;
  auto due = as(
      admin, [&](Context& c) { return schedules_due(c); }, made.next_run_at - 1);
  EXPECT_TRUE(due.empty());
  due = as(
      admin, [&](Context& c) { return schedules_due(c); }, run_at);
  ASSERT_EQ(due.size(), 1u);
  const auto run = as(
      admin, [&](Context& c) { return prepare_run(c, due[0]); }, run_at);
  ASSERT_EQ(run.emails.size(), 2u);  // the agent has no address
  EXPECT_EQ(run.result, "已发送 2 封，1 位收件人没有邮箱");
  EXPECT_EQ(run.next_run_at, made.next_run_at + kDay);

  EXPECT_TRUE(as(
      admin, [&](Context& c) { return commit_run(c, run); }, run_at));
  EXPECT_FALSE(as(
      admin, [&](Context& c) { return commit_run(c, run); }, run_at));  // a second node, a retry
  const auto mails = outbox(run_at);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[0].to, "manager@store.example");
  EXPECT_EQ(mails[0].subject, "【日报】甲店服务日报 2026-11-21");
  EXPECT_NE(mails[0].html.find("<table"), std::string::npos);
  EXPECT_NE(mails[0].html.find("甲店"), std::string::npos);
  const auto files = notify::unpack_attachments(mails[0].attachments);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].name, "日报-服务概览-2026-11-21.xlsx");
  const auto rows = read_xlsx_rows(files[0].bytes);  // the first sheet: 概览
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0].second[0], "指标");
  EXPECT_EQ(rows[2].second[0], "接待量（新建工单）");
  EXPECT_EQ(rows[2].second[1], "4");
  const auto after = as(supervisor, [&](Context& c) { return get_schedule(c, made.id); });
  EXPECT_EQ(after.last_result, "已发送 2 封，1 位收件人没有邮箱");
  EXPECT_EQ(after.next_run_at, made.next_run_at + kDay);
}

TEST_F(ReportSchedules, TheTicketListAttachmentNamesStoresTypesAndLocalTimes) {
  make_ticket(agent, kNow - 2 * kHour, "complaint");
  auto in = daily({"boss@store.example"});
  in.report = "tickets";
  const auto made = as(supervisor, [&](Context& c) { return create_schedule(c, in); });
  const auto run = as(
      admin, [&](Context& c) { return prepare_run(c, made); }, made.next_run_at);
  ASSERT_EQ(run.emails.size(), 1u);
  const auto files = notify::unpack_attachments(run.emails[0].attachments);
  const auto rows = read_xlsx_rows(files[0].bytes);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].second[0], "工单号");
  EXPECT_EQ(rows[1].second[1], "甲店");
  EXPECT_EQ(rows[1].second[3], "投诉");
  EXPECT_EQ(rows[1].second[10], "2026-11-21 22:30:00");
}

TEST_F(ReportSchedules, TheTicketExportWalksEveryPageAndStopsAtTheCap) {
  for (int i = 0; i < 205; ++i) make_ticket(agent, kNow + i * kMinute, i % 2 ? "inquiry" : "complaint");
  const auto all = as(agent, [&](Context& c) { return ticket_table(c, {}, true); });
  EXPECT_EQ(all.rows.size(), 205u);
  TicketQuery complaints;
  complaints.filter.types = {"complaint"};
  EXPECT_EQ(as(agent, [&](Context& c) { return ticket_table(c, complaints, true); }).rows.size(), 103u);
  EXPECT_EQ(as(agent_b, [&](Context& c) { return ticket_table(c, {}, true); }).rows.size(), 0u);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return ticket_table(c, {}, true, 200); }); }),
            "export_too_large");
}

TEST_F(ReportSchedules, TheMonthlySummaryComparesWithTheMonthBefore) {
  // 2026-11: 3 complaints and 1 inquiry; 2026-10: 1 complaint.
  for (int i = 0; i < 3; ++i) make_ticket(agent, kNow - i * kHour, "complaint");
  make_ticket(agent, kNow, "inquiry");
  make_ticket(agent, kNow - 30 * kDay, "complaint");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return month_period(c, store_a, "2026-13"); }); }),
            "invalid_date");
  as(system_actor(), [](Context& c) { return refresh_rollups(c); });
  const auto s = as(supervisor, [&](Context& c) { return service_summary(c, month_period(c, store_a, "2026-11")); });
  EXPECT_EQ(s.store_name, "甲店");
  EXPECT_EQ(s.created, 4);
  EXPECT_EQ(s.created_previous, 1);
  ASSERT_FALSE(s.by_type.empty());
  EXPECT_EQ(s.by_type[0].key, "complaint");
  EXPECT_EQ(s.by_type[0].current, 3);
  EXPECT_EQ(s.by_type[0].previous, 1);
  ASSERT_EQ(s.complaint_causes.size(), 1u);
  EXPECT_EQ(s.complaint_causes[0].current, 3);
  EXPECT_FALSE(s.sla.empty());
  // The dashboards' figures of the same tickets, this month and the month before.
  EXPECT_EQ(s.service.contacts, 4);
  EXPECT_EQ(s.service_previous.contacts, 1);
  EXPECT_EQ(
      code_of([&] { as(agent, [&](Context& c) { return service_summary(c, month_period(c, store_a, "2026-11")); }); }),
      "forbidden");
  const auto sheets = summary_tables(s);
  EXPECT_EQ(sheets.size(), 7u);
  EXPECT_EQ(sheets[1].name, "服务质量");
  EXPECT_EQ(sheets[2].name, "按类型");
}

}  // namespace
}  // namespace kefu::app::testing
