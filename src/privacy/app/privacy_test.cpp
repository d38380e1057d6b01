// Personal-data rights end to end below HTTP: who may find, export and erase a person; the
// export's archive; the two-person rule; after an erasure the person's phone and name are
// nowhere in the database (every text column of every table is scanned: a table added
// later that holds a person fails here until privacy/storage knows it), while the tickets
// keep their statistics and a bystander keeps everything; retention rules and their runs.
#include <gtest/gtest.h>
#include <zlib.h>

#include <nlohmann/json.hpp>
#include <set>

#include "core/app/use_case_test.hpp"
#include "core/storage/platform_stores.hpp"
#include "privacy/app/erasure.hpp"
#include "privacy/app/export.hpp"
#include "privacy/app/privacy_audit.hpp"
#include "privacy/app/retention.hpp"
#include "privacy/storage/sql/person_fixture.hpp"
#include "privacy/storage/sql/person_tables.hpp"
#include "sla/app/escalation.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

constexpr const char* kPhone = "13912345678";
constexpr const char* kName = "王美丽";
constexpr int64_t kDay = 24LL * 3600 * 1000;

class Privacy : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      auto& org = r.get<storage::OrgStore>();
      store = org.insert_store({.code = "A", .name = "甲店"});
      dept = org.insert_department({.store_id = store, .code = "desk", .name = "总服务台", .kind = "desk"});
      agent = make(r, "agent", "agent", {store}, {dept});
      supervisor = make(r, "sup", "supervisor", {store}, {dept});
      manager = make(r, "mgr", "manager", {store}, {dept});
      manager2 = make(r, "mgr2", "manager", {store}, {dept});
      admin = make(r, "admin", "admin", {}, {});
      storage::testing::seed_person(r, {.at = kNow - 10 * kDay}, store, dept, agent.staff_id);
      storage::testing::seed_person(
          r, {.base = 8000, .name = "李明", .phone = "13700001111", .member = false, .at = kNow - 10 * kDay}, store,
          dept, agent.staff_id);
    });
  }

  // Where a text occurs: "table.column" for every column of every table holding it.
  // Skipped: the audit log (append-only, docs/privacy.md) and FTS5's binary index pages.
  std::vector<std::string> where_found(const std::string& needle) {
    std::vector<std::string> found;
    auto& conn = db->reader().sqlite()->connection();
    std::vector<std::string> tables;
    {
      auto s = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
      while (s->step()) tables.push_back(s->text(0));
    }
    for (const auto& t : tables) {
      if (t == "audit_log" || t.ends_with("_data") || t.ends_with("_idx")) continue;
      std::vector<std::string> cols;
      {
        auto s = conn.prepare("SELECT name FROM pragma_table_info('" + t + "')");
        while (s->step()) cols.push_back(s->text(0));
      }
      for (const auto& col : cols) {
        auto s = conn.prepare("SELECT COUNT(*) FROM \"" + t + "\" WHERE CAST(\"" + col + "\" AS TEXT) LIKE ?");
        s->bind(1, "%" + needle + "%");
        if (s->step() && s->i64(0) > 0) found.push_back(t + "." + col);
      }
    }
    return found;
  }

  int64_t count(const storage::KindCounts& counts, const std::string& kind) {
    for (const auto& [k, n] : counts)
      if (k == kind) return n;
    return -1;
  }

  int64_t store = 0, dept = 0;
  people::Actor agent, supervisor, manager, manager2, admin;
};

// The tripwire for tables added later: each is classified in person_tables.cpp (does it
// hold a person, and what does an erasure do with it?), and nothing classified is gone.
TEST_F(Privacy, EveryTableIsClassifiedForPersonalData) {
  std::set<std::string> classified, tables;
  for (const auto& c : storage::sql::table_classes()) classified.insert(std::string(c.table));
  {
    auto s = db->reader().sqlite()->connection().prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE "
        "'ticket_fts_%'");
    while (s->step()) tables.insert(s->text(0));
  }
  for (const auto& t : tables)
    EXPECT_TRUE(classified.count(t)) << "table " << t
                                     << " is new: classify it in privacy/storage/sql/person_tables.cpp (and, when it "
                                        "holds a person, find and erase it in person_data_store.cpp)";
  for (const auto& c : classified) EXPECT_TRUE(tables.count(c)) << "no table " << c << " any more";
}

TEST_F(Privacy, FindingAPersonIsForSupervisorsWithOneKey) {
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return find_person(c, {9001, ""}); }); }), "forbidden");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return find_person(c, {}); }); }),
            "privacy_subject_required");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) {
                            return find_person(c, {9001, kPhone});
                          }); }),
            "privacy_subject_required");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) {
                            return find_person(c, {std::nullopt, "12"});
                          }); }),
            "invalid_phone");
  auto p = as(supervisor, [&](Context& c) { return find_person(c, {std::nullopt, "139 1234 5678"}); });
  EXPECT_EQ(p.label, "139****5678");
  EXPECT_EQ(count(p.counts, "tickets"), 1);
  EXPECT_EQ(count(p.counts, "members"), 1);
  EXPECT_GT(p.total(), 10);
}

TEST_F(Privacy, AnExportIsAOneTimeLinkToAZipOfJsonAndPhotos) {
  auto link = as(supervisor, [&](Context& c) { return create_export(c, {9001, ""}); });
  EXPECT_EQ(link.expires_at, kNow + kExportLinkTtlMs);
  EXPECT_EQ(link.path, "/api/v1/privacy/exports/" + link.token);
  EXPECT_EQ(code_of([&] {
              as(supervisor, [&](Context& c) { return create_export(c, {std::nullopt, "13000000000"}); });
            }),
            "privacy_nothing_held");

  EXPECT_EQ(code_of([&] {
              as(
                  supervisor, [&](Context& c) { return take_export(c, link.token); }, link.expires_at);
            }),
            "privacy_export_gone");  // expired
  auto key = as(supervisor, [&](Context& c) { return take_export(c, link.token); });
  EXPECT_EQ(key.member_id, 9001);
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return take_export(c, link.token); }); }),
            "privacy_export_gone");  // used

  std::string zip;
  {
    auto& reader = db->reader();
    Context c{reader, supervisor, kNow, seg.get()};
    zip = export_zip(c, key, [](const std::string& sha) -> std::optional<std::string> {
      if (sha == "sha-chat-9001") return std::string("\x89PNG chat photo");
      return std::nullopt;
    });
  }
  EXPECT_EQ(zip.substr(0, 4), std::string("PK\x03\x04", 4));
  for (const char* name : {"README.txt", "tickets.json", "members.json", "chat_messages.json", "nps_invitations.json",
                           "photos/chat_photos-9001.png"})
    EXPECT_NE(zip.find(name), std::string::npos) << name;

  // Audited, with the person named by masked phone or member number only.
  auto audit = as(admin, [&](Context& c) { return privacy_audit(c, 0, 10); });
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "privacy.export_download");
  EXPECT_EQ(audit[1].action, "privacy.export");
  for (const auto& e : audit) EXPECT_EQ(e.after_json.find(kPhone), std::string::npos) << e.after_json;
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) { return privacy_audit(c, 0, 10); }); }), "forbidden");
}

TEST_F(Privacy, TwoPeopleEraseAPersonAndTheyAreNowhereAfterwards) {
  EXPECT_FALSE(where_found(kPhone).empty());  // the scan sees them before
  EXPECT_FALSE(where_found(kName).empty());
  auto before = *db->reader().get<storage::TicketStore>().ticket(9001);

  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) {
                            return request_erasure(c, {9001, ""}, "本人要求");
                          }); }),
            "forbidden");
  auto r = as(supervisor, [&](Context& c) { return request_erasure(c, {9001, ""}, "顾客来电要求删除"); });
  EXPECT_EQ(r.state.code(), "requested");
  EXPECT_EQ(r.label, "会员 #9001");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return confirm_erasure(c, r.id, ""); }); }), "forbidden");
  auto own = as(manager, [&](Context& c) { return request_erasure(c, {std::nullopt, kPhone}, "顾客书面申请"); });
  EXPECT_EQ(own.phone, kPhone);
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) { return confirm_erasure(c, own.id, ""); }); }),
            "privacy_request_move");  // the requester cannot confirm

  auto done = as(manager2, [&](Context& c) { return confirm_erasure(c, own.id, "已核实身份"); });
  EXPECT_EQ(done.request.state.code(), "done");
  EXPECT_EQ(done.request.phone, "");
  EXPECT_EQ(done.request.decided_by, manager2.staff_id);
  EXPECT_EQ(done.freed_blobs.size(), 3u);  // the ticket's, the chat's and the feedback's photo
  auto counts = nlohmann::json::parse(done.request.counts_json);
  EXPECT_EQ(counts["tickets"], 1);
  EXPECT_EQ(counts["members"], 1);

  // The tripwire: neither the phone nor the name is in any text of any table.
  EXPECT_EQ(where_found(kPhone), std::vector<std::string>{});
  EXPECT_EQ(where_found(kName), std::vector<std::string>{});
  // The masked phone stays on the request only: the record that the right person was erased.
  EXPECT_EQ(where_found("139****5678"), std::vector<std::string>{"privacy_requests.label"});
  // The ticket keeps its statistics.
  auto after = *db->reader().get<storage::TicketStore>().ticket(9001);
  EXPECT_EQ(after.type, before.type);
  EXPECT_EQ(after.status, before.status);
  EXPECT_EQ(after.store_id, before.store_id);
  EXPECT_EQ(after.department_id, before.department_id);
  EXPECT_EQ(after.category, before.category);
  EXPECT_EQ(after.created_at, before.created_at);
  EXPECT_EQ(after.resolved_at, before.resolved_at);
  EXPECT_EQ(after.description, kErasedText);
  EXPECT_FALSE(after.member_id);
  EXPECT_EQ(counts["purchase_orders"], 1);  // unlinked; the order stays in the store's accounts
  {
    auto s =
        db->reader().sqlite()->connection().prepare("SELECT COUNT(*) FROM purchase_orders WHERE member_id IS NULL");
    ASSERT_TRUE(s->step());
    EXPECT_EQ(s->i64(0), 1);
  }
  // The bystander keeps everything.
  EXPECT_FALSE(where_found("13700001111").empty());
  EXPECT_FALSE(where_found("李明").empty());

  // The other request is no longer needed: refused (by anyone above it, the requester too).
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) { return confirm_erasure(c, own.id, ""); }); }),
            "privacy_request_move");
  auto refused = as(manager, [&](Context& c) { return refuse_erasure(c, r.id, "已由另一请求完成"); });
  EXPECT_EQ(refused.state.code(), "refused");
  auto list = as(supervisor, [&](Context& c) { return erasure_requests(c, "", 10); });
  ASSERT_EQ(list.size(), 2u);
  for (const auto& e : list) EXPECT_EQ(e.phone, "");

  // Idempotent: erasing again finds only the anonymised member record and its points ledger.
  auto again = as(supervisor, [&](Context& c) { return find_person(c, {9001, ""}); });
  EXPECT_EQ(again.total(), 2);
  EXPECT_EQ(count(again.counts, "members"), 1);
  EXPECT_EQ(count(again.counts, "member_points"), 1);
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) {
                            return find_person(c, {std::nullopt, kPhone});
                          }); }),
            "none");
  EXPECT_EQ(as(supervisor, [&](Context& c) { return find_person(c, {std::nullopt, kPhone}); }).total(), 0);
  for (const auto& e : as(admin, [&](Context& c) { return privacy_audit(c, 0, 20); }))
    EXPECT_EQ(e.after_json.find(kPhone), std::string::npos) << e.action;
}

TEST_F(Privacy, RetentionRulesAreAdminsAndEachRunIsAudited) {
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) { return retention_rules(c); }); }), "forbidden");
  auto rules = as(admin, [&](Context& c) { return retention_rules(c); });
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_EQ(code_of([&] { as(admin, [&](Context& c) { return put_retention_rule(c, "chat_photos", true, 0); }); }),
            "invalid_field");
  EXPECT_EQ(code_of([&] { as(admin, [&](Context& c) { return put_retention_rule(c, "nope", true, 5); }); }),
            "invalid_enum");

  // Defaults: nothing about people happens.
  auto run = as(admin, [&](Context& c) { return apply_retention(c); });
  EXPECT_EQ(run.counts.size(), 1u);  // export_links only
  EXPECT_FALSE(where_found(kPhone).empty());

  // People not heard from for 7 days, chat photos older than 5: both people go.
  as(admin, [&](Context& c) { return put_retention_rule(c, "inactive_people", true, 7); });
  as(admin, [&](Context& c) { return put_retention_rule(c, "chat_photos", true, 5); });
  run = as(system_actor(), [&](Context& c) { return apply_retention(c); });
  EXPECT_EQ(count(run.counts, "inactive_people"), 2);
  EXPECT_EQ(count(run.counts, "chat_photos"), 0);  // went with their people
  EXPECT_EQ(run.freed_blobs.size(), 6u);
  EXPECT_EQ(where_found(kPhone), std::vector<std::string>{});
  EXPECT_EQ(where_found("13700001111"), std::vector<std::string>{});
  auto audit = as(admin, [&](Context& c) { return privacy_audit(c, 0, 1); });
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "privacy.retention_run");
  EXPECT_EQ(nlohmann::json::parse(audit[0].after_json)["counts"]["inactive_people"], 2);
  // Again: nothing left to do.
  run = as(admin, [&](Context& c) { return apply_retention(c); });
  EXPECT_EQ(count(run.counts, "inactive_people"), 0);
}

}  // namespace
}  // namespace kefu::app
