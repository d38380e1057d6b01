// The storage contract of TimelineStore: a ticket's timeline in the order recorded, and
// its photo attachments.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kAt = 1795278600000LL;

class TimelineStoreContract : public Contract {
 protected:
  void SetUp() override {
    Contract::SetUp();
    if (IsSkipped()) return;
    one = make_ticket(store_a, kAt);
    two = make_ticket(store_b, kAt);
    db->write_sync([&](Stores& r) {
      r.get<storage::TicketStore>().insert_ticket(one);
      r.get<storage::TicketStore>().insert_ticket(two);
    });
  }

  ticket::Ticket one, two;
};

TEST_P(TimelineStoreContract, ATicketsEventsComeInTheOrderRecorded) {
  std::vector<int64_t> ids;
  db->write_sync([&](Stores& r) {
    auto& timeline = r.get<storage::TimelineStore>();
    ids.push_back(timeline.insert_event(
        {.ticket_id = one.id, .kind = "created", .actor_id = staff, .data = "{}", .created_at = kAt}));
    timeline.insert_event({.ticket_id = two.id, .kind = "created", .actor_id = staff, .data = "{}", .created_at = kAt});
    ids.push_back(timeline.insert_event({.ticket_id = one.id,
                                         .kind = "reply",
                                         .actor_id = staff,
                                         .body = "您好，已为您登记",
                                         .data = "{\"via\":\"sms\"}",
                                         .customer_visible = true,
                                         .created_at = kAt + 5000}));
    // Recorded later with an earlier clock (another node's): still after the reply.
    ids.push_back(timeline.insert_event({.ticket_id = one.id,
                                         .kind = "note",
                                         .actor_id = staff,
                                         .body = "内部备注",
                                         .data = "{}",
                                         .created_at = kAt + 4000}));
  });
  auto events = db->reader().get<storage::TimelineStore>().events(one.id);
  ASSERT_EQ(events.size(), 3u);
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].id, ids[i]) << i;
    EXPECT_EQ(events[i].ticket_id, one.id) << i;
  }
  EXPECT_EQ(events[0].kind, "created");
  EXPECT_EQ(events[1].kind, "reply");
  EXPECT_EQ(events[1].actor_id, staff);
  EXPECT_EQ(events[1].body, "您好，已为您登记");
  EXPECT_EQ(events[1].data, "{\"via\":\"sms\"}");
  EXPECT_TRUE(events[1].customer_visible);
  EXPECT_EQ(events[1].created_at, kAt + 5000);
  EXPECT_EQ(events[2].kind, "note");
  EXPECT_FALSE(events[2].customer_visible) << "internal notes stay internal";
  EXPECT_EQ(events[2].created_at, kAt + 4000);

  EXPECT_EQ(db->reader().get<storage::TimelineStore>().events(two.id).size(), 1u);
  EXPECT_TRUE(db->reader().get<storage::TimelineStore>().events(two.id + 1000).empty());
}

TEST_P(TimelineStoreContract, AttachmentsOfATicketInIdOrderAndByIdAnyTicket) {
  int64_t photo = 0, receipt = 0, elsewhere = 0;
  const std::string sha_photo(64, 'a'), sha_receipt(64, 'b');
  db->write_sync([&](Stores& r) {
    auto& timeline = r.get<storage::TimelineStore>();
    photo = timeline.insert_attachment({.ticket_id = one.id,
                                        .sha256 = sha_photo,
                                        .content_type = "image/jpeg",
                                        .filename = "破损照片.jpg",
                                        .size = 204800,
                                        .uploaded_by = staff,
                                        .created_at = kAt + 10});
    elsewhere = timeline.insert_attachment({.ticket_id = two.id,
                                            .sha256 = sha_photo,
                                            .content_type = "image/jpeg",
                                            .filename = "同一张.jpg",
                                            .size = 204800,
                                            .uploaded_by = staff,
                                            .created_at = kAt + 20});
    receipt = timeline.insert_attachment({.ticket_id = one.id,
                                          .sha256 = sha_receipt,
                                          .content_type = "image/png",
                                          .filename = "小票.png",
                                          .size = 1,
                                          .uploaded_by = staff,
                                          .created_at = kAt + 5});
  });
  EXPECT_LT(photo, receipt);
  auto& r = db->reader();
  auto list = r.get<storage::TimelineStore>().attachments(one.id);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, photo);
  EXPECT_EQ(list[1].id, receipt) << "by id, not by time";
  EXPECT_EQ(list[1].filename, "小票.png");
  ASSERT_EQ(r.get<storage::TimelineStore>().attachments(two.id).size(), 1u);
  EXPECT_EQ(r.get<storage::TimelineStore>().attachments(two.id)[0].id, elsewhere);
  EXPECT_TRUE(r.get<storage::TimelineStore>().attachments(two.id + 1000).empty());

  auto a = r.get<storage::TimelineStore>().attachment(photo);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, photo);
  EXPECT_EQ(a->ticket_id, one.id);
  EXPECT_EQ(a->sha256, sha_photo);
  EXPECT_EQ(a->content_type, "image/jpeg");
  EXPECT_EQ(a->filename, "破损照片.jpg");
  EXPECT_EQ(a->size, 204800);
  EXPECT_EQ(a->uploaded_by, staff);
  EXPECT_EQ(a->created_at, kAt + 10);
  EXPECT_EQ(r.get<storage::TimelineStore>().attachment(elsewhere)->ticket_id, two.id);
  EXPECT_FALSE(r.get<storage::TimelineStore>().attachment(receipt + 1000));
}

TEST_P(TimelineStoreContract, ABlobIsInUseWhileAnAttachmentRowNamesIt) {
  const std::string sha(64, 'c'), other(64, 'd');
  EXPECT_FALSE(db->reader().get<storage::TimelineStore>().blob_in_use(sha));
  db->write_sync([&](Stores& r) {
    r.get<storage::TimelineStore>().insert_attachment({.ticket_id = one.id,
                                                       .sha256 = sha,
                                                       .content_type = "image/png",
                                                       .filename = "a.png",
                                                       .size = 3,
                                                       .uploaded_by = staff,
                                                       .created_at = kAt});
  });
  EXPECT_TRUE(db->reader().get<storage::TimelineStore>().blob_in_use(sha));
  EXPECT_FALSE(db->reader().get<storage::TimelineStore>().blob_in_use(other));
  EXPECT_FALSE(db->reader().get<storage::TimelineStore>().blob_in_use(sha.substr(0, 10)))
      << "the whole hash, not a prefix";
}

INSTANTIATE_TEST_SUITE_P(Backends, TimelineStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
