// The storage contract of personal-data rights' own records: erasure requests moved only
// from the state they were read in, retention rules saved over each other, export links
// that work once and only before they expire, the privacy audit newest first.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "privacy/storage/privacy_store.hpp"

namespace kefu::storage {
namespace {

class PrivacyContract : public Contract {};

TEST_P(PrivacyContract, RequestsMoveOnlyFromTheStateTheyWereReadIn) {
  ErasureRequest r;
  r.member_id = 7;
  r.phone = "13912345678";
  r.label = "会员 #7 · 139****5678";
  r.reason = "顾客来电要求删除";
  r.state = "requested";
  r.requested_by = staff;
  r.requested_at = 1000;
  r.counts_json = R"({"tickets":2})";
  db->write_sync([&](Stores& s) { r.id = s.get<PrivacyStore>().insert_request(r); });
  auto& reader = db->reader();
  auto got = reader.get<PrivacyStore>().request(r.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->phone, "13912345678");
  EXPECT_EQ(got->member_id, 7);
  EXPECT_EQ(got->state.code(), "requested");
  EXPECT_FALSE(got->decided_by);
  EXPECT_EQ(got->counts_json, R"({"tickets":2})");
  EXPECT_FALSE(reader.get<PrivacyStore>().request(r.id + 100));

  auto done = *got;
  done.state = "done";
  done.phone = "";
  done.decided_by = staff;
  done.decided_at = done.done_at = 2000;
  bool first = false, second = true;
  db->write_sync([&](Stores& s) {
    first = s.get<PrivacyStore>().update_request(done, "requested");
    second = s.get<PrivacyStore>().update_request(done, "requested");  // it moved meanwhile
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
  got = db->reader().get<PrivacyStore>().request(r.id);
  EXPECT_EQ(got->state.code(), "done");
  EXPECT_EQ(got->phone, "");
  EXPECT_EQ(got->done_at, 2000);

  db->write_sync([&](Stores& s) {
    r.state = "requested";
    s.get<PrivacyStore>().insert_request(r);
  });
  auto all = db->reader().get<PrivacyStore>().requests("", 10);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_GT(all[0].id, all[1].id);  // newest first
  EXPECT_EQ(db->reader().get<PrivacyStore>().requests("done", 10).size(), 1u);
  EXPECT_EQ(db->reader().get<PrivacyStore>().requests("", 1).size(), 1u);
}

TEST_P(PrivacyContract, RetentionRulesAreSavedOverEachOther) {
  EXPECT_TRUE(db->reader().get<PrivacyStore>().saved_rules().empty());
  db->write_sync([&](Stores& s) {
    s.get<PrivacyStore>().put_rule({"chat_photos", true, 30, staff, 1000});
    s.get<PrivacyStore>().put_rule({"chat_photos", false, 60, staff, 2000});
    s.get<PrivacyStore>().put_rule({"inactive_people", true, 1095, staff, 2000});
  });
  auto rules = db->reader().get<PrivacyStore>().saved_rules();
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].kind.code(), "chat_photos");
  EXPECT_FALSE(rules[0].enabled);
  EXPECT_EQ(rules[0].days, 60);
  EXPECT_EQ(rules[0].updated_at, 2000);
  EXPECT_EQ(rules[1].kind.code(), "inactive_people");
}

TEST_P(PrivacyContract, AnExportLinkWorksOnceBeforeItExpires) {
  db->write_sync([&](Stores& s) {
    s.get<PrivacyStore>().insert_export({"d1", 7, "13912345678", staff, 1000, 5000, std::nullopt});
    s.get<PrivacyStore>().insert_export({"d2", std::nullopt, "13700001111", staff, 1000, 2000, std::nullopt});
  });
  std::optional<ExportLink> first, again, late, unknown;
  db->write_sync([&](Stores& s) {
    first = s.get<PrivacyStore>().take_export("d1", 3000);
    again = s.get<PrivacyStore>().take_export("d1", 3001);
    late = s.get<PrivacyStore>().take_export("d2", 2000);  // expired at 2000
    unknown = s.get<PrivacyStore>().take_export("nope", 0);
  });
  ASSERT_TRUE(first);
  EXPECT_EQ(first->phone, "13912345678");
  EXPECT_EQ(first->member_id, 7);
  EXPECT_FALSE(again);
  EXPECT_FALSE(late);
  EXPECT_FALSE(unknown);
  int64_t deleted = 0;
  db->write_sync([&](Stores& s) { deleted = s.get<PrivacyStore>().delete_exports(4000); });
  EXPECT_EQ(deleted, 1);  // d2 expired before 4000; d1 (used) expires at 5000
}

TEST_P(PrivacyContract, TheAuditListsPersonalDataActionsNewestFirst) {
  db->write_sync([&](Stores& s) {
    auto& a = s.get<AuditStore>();
    a.append_audit({0, staff, "privacy.export", "privacy_export", 0, "", R"({"person":"会员 #7"})", 1000});
    a.append_audit({0, staff, "ticket.update", "ticket", 1, "", "{}", 1001});
    a.append_audit({0, staff, "privacy.erasure_done", "privacy_request", 3, "", "{}", 1002});
  });
  auto list = db->reader().get<PrivacyStore>().privacy_audit(0, 10);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].action, "privacy.erasure_done");
  EXPECT_EQ(list[1].action, "privacy.export");
  auto older = db->reader().get<PrivacyStore>().privacy_audit(list[0].id, 10);
  ASSERT_EQ(older.size(), 1u);
  EXPECT_EQ(older[0].action, "privacy.export");
}

INSTANTIATE_TEST_SUITE_P(Backends, PrivacyContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
