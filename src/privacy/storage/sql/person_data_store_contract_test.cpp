// The storage contract of a person's data across the capabilities' tables: found by member
// or phone (and by the phone on their tickets when not a member), counted and exported per
// kind, erased without touching anyone else, and the retention questions.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/storage/contract_fixture.hpp"
#include "privacy/storage/person_data_store.hpp"
#include "privacy/storage/sql/person_fixture.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kAt = 1795278600000LL;

class PersonDataContract : public Contract {
 protected:
  void seed() {
    db->write_sync([&](Stores& s) {
      testing::seed_person(s, {}, store_a, dept, staff);
      testing::seed_person(s, {.base = 8000, .name = "李明", .phone = "13700001111", .member = false}, store_a, dept,
                           staff);
    });
  }
  int64_t count(const KindCounts& counts, const std::string& kind) {
    for (const auto& [k, n] : counts)
      if (k == kind) return n;
    return -1;
  }
};

TEST_P(PersonDataContract, APersonIsFoundByMemberOrPhone) {
  seed();
  auto& store = db->reader().get<PersonDataStore>();
  auto by_member = store.find_person({9001, ""});
  auto by_phone = store.find_person({std::nullopt, "13912345678"});
  for (const auto& f : {by_member, by_phone}) {
    EXPECT_EQ(f.members, std::vector<int64_t>{9001});
    EXPECT_EQ(f.tickets, std::vector<int64_t>{9001});
    EXPECT_EQ(f.conversations, std::vector<int64_t>{9001});
    EXPECT_EQ(f.feedback_items, std::vector<int64_t>{9001});
    EXPECT_EQ(f.nps_invitations, std::vector<int64_t>{9001});
    EXPECT_EQ(f.purchase_orders, std::vector<int64_t>{9001});
    EXPECT_EQ(f.phones, std::vector<std::string>{"13912345678"});
    EXPECT_EQ(f.names, std::vector<std::string>{"王美丽"});
    EXPECT_EQ(f.last_contact_at, kAt);
  }
  // Not a member: found by the phone on their ticket.
  auto walk_in = store.find_person({std::nullopt, "13700001111"});
  EXPECT_TRUE(walk_in.members.empty());
  EXPECT_EQ(walk_in.tickets, std::vector<int64_t>{8001});
  EXPECT_EQ(walk_in.conversations, std::vector<int64_t>{8001});
  EXPECT_EQ(walk_in.feedback_items, std::vector<int64_t>{8001});
  EXPECT_TRUE(store.find_person({std::nullopt, "13000000000"}).empty());
  EXPECT_TRUE(store.find_person({12345, ""}).empty());
}

TEST_P(PersonDataContract, CountsExportsAndPhotosPerKind) {
  seed();
  auto& store = db->reader().get<PersonDataStore>();
  auto f = store.find_person({9001, ""});
  auto counts = store.count_rows(f);
  EXPECT_EQ(count(counts, "members"), 1);
  EXPECT_EQ(count(counts, "tickets"), 1);
  EXPECT_EQ(count(counts, "ticket_events"), 3);  // customer-visible or the customer's own
  EXPECT_EQ(count(counts, "chat_messages"), 2);  // not the system's
  EXPECT_EQ(count(counts, "nps_invitations"), 1);
  EXPECT_EQ(count(counts, "purchase_orders"), 1);
  EXPECT_EQ(count(counts, "purchase_lines"), 1);
  EXPECT_EQ(count(counts, "member_points"), 1);
  auto lines = nlohmann::json::parse(store.export_rows("purchase_lines", f));
  EXPECT_EQ(lines[0]["paid_fen"], 88900);
  EXPECT_TRUE(lines[0]["original_line_id"].is_null());
  auto tickets = nlohmann::json::parse(store.export_rows("tickets", f));
  ASSERT_EQ(tickets.size(), 1u);
  EXPECT_EQ(tickets[0]["number"], "KF9001");
  EXPECT_EQ(tickets[0]["member_id"], 9001);
  EXPECT_TRUE(tickets[0]["closed_at"].is_null());
  auto members = nlohmann::json::parse(store.export_rows("members", f));
  EXPECT_EQ(members[0]["phone"], "13912345678");
  EXPECT_EQ(nlohmann::json::parse(store.export_rows("no_such_kind", f)).size(), 0u);
  auto photos = store.photos(f);
  ASSERT_EQ(photos.size(), 3u);
  EXPECT_EQ(photos[0].kind, "attachments");
  EXPECT_EQ(photos[0].sha256, "sha-ticket-9001");
  EXPECT_EQ(photos[1].sha256, "sha-chat-9001");
  EXPECT_EQ(photos[2].sha256, "sha-feedback-9001");
  EXPECT_TRUE(store.blob_named("sha-chat-9001"));
  EXPECT_FALSE(store.blob_named("sha-none"));
}

TEST_P(PersonDataContract, ErasingTouchesTheirRowsOnly) {
  seed();
  Footprint f;
  KindCounts erased;
  db->write_sync([&](Stores& s) {
    f = s.get<PersonDataStore>().find_person({9001, ""});
    erased = s.get<PersonDataStore>().erase_person(f, {"（已删除）", {"13912345678", "王美丽"}, "（已注销）", kAt});
  });
  EXPECT_EQ(count(erased, "members"), 1);
  EXPECT_EQ(count(erased, "attachments"), 1);
  EXPECT_EQ(count(erased, "chat_photos"), 1);
  EXPECT_EQ(count(erased, "feedback_items"), 1);
  EXPECT_EQ(count(erased, "purchase_orders"), 1);
  EXPECT_EQ(count(erased, "member_points"), 1);
  EXPECT_GE(count(erased, "caches"), 2);  // the replayable answer and the phone's rate bucket
  auto& store = db->reader().get<PersonDataStore>();
  EXPECT_TRUE(store.find_person({std::nullopt, "13912345678"}).empty());
  auto again = store.find_person({9001, ""});
  EXPECT_EQ(again.members, std::vector<int64_t>{9001});  // the anonymised record stays
  EXPECT_TRUE(again.names.empty());
  EXPECT_TRUE(again.purchase_orders.empty());                     // kept for the store's accounts, no longer theirs
  EXPECT_EQ(count(store.count_rows(again), "member_points"), 1);  // the ledger stays with the record
  EXPECT_FALSE(store.blob_named("sha-chat-9001"));
  auto members = nlohmann::json::parse(store.export_rows("members", again));
  EXPECT_EQ(members[0]["name"], "（已注销）");
  EXPECT_TRUE(members[0]["phone"].is_null());
  EXPECT_EQ(members[0]["member_no"], "erased-9001");
  // The bystander is whole.
  auto other = store.find_person({std::nullopt, "13700001111"});
  EXPECT_EQ(other.names, std::vector<std::string>{"李明"});
  EXPECT_EQ(count(store.count_rows(other), "chat_photos"), 1);
  auto items = nlohmann::json::parse(store.export_rows("feedback_items", other));
  EXPECT_EQ(items[0]["text"], "我是李明，服务台态度不好");
}

TEST_P(PersonDataContract, RetentionQuestions) {
  seed();
  auto& store = db->reader().get<PersonDataStore>();
  EXPECT_TRUE(store.inactive_people(kAt, 10).empty());  // both were in touch at kAt
  auto idle = store.inactive_people(kAt + 1, 10);
  ASSERT_EQ(idle.size(), 2u);
  EXPECT_EQ(idle[0].member_id, 9001);
  EXPECT_EQ(idle[1].phone, "13700001111");
  EXPECT_EQ(store.inactive_people(kAt + 1, 1).size(), 1u);

  std::vector<std::string> chat, none;
  int64_t cleared = 0, cleared_again = 0;
  db->write_sync([&](Stores& s) {
    auto& w = s.get<PersonDataStore>();
    none = w.delete_old_photos("feedback_photos", kAt);
    chat = w.delete_old_photos("chat_photos", kAt + 1);
    cleared = w.clear_bot_questions(kAt + 1, "（已删除）");
    cleared_again = w.clear_bot_questions(kAt + 1, "（已删除）");
  });
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(chat.size(), 2u);
  EXPECT_EQ(cleared, 2);
  EXPECT_EQ(cleared_again, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, PersonDataContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
