// The storage contract of NotificationStore: "mark all as read" is one person's.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "notifications/storage/notification_store.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::storage {
namespace {

class NotificationStoreContract : public Contract {};

TEST_P(NotificationStoreContract, MarkAllReadMarksOnlyThatPersonsUnreadNoticesAndCountsThem) {
  int64_t other = 0, read_before = 0;
  db->write_sync([&](Stores& r) {
    other = r.get<storage::OrgStore>().insert_staff({.username = "wang", .role = "supervisor", .store_ids = {store_a}});
    auto& notices = r.get<storage::NotificationStore>();
    for (int i = 0; i < 3; ++i)
      notices.insert_notification({.staff_id = staff, .kind = "escalation", .title = "超时", .created_at = 100 + i});
    read_before = notices.insert_notification(
        {.staff_id = staff, .kind = "escalation", .title = "已读", .created_at = 90, .read_at = 95});
    for (int i = 0; i < 2; ++i)
      notices.insert_notification({.staff_id = other, .kind = "approval_request", .title = "审批", .created_at = 100});
  });
  ASSERT_EQ(db->reader().get<storage::NotificationStore>().unread_notifications(staff), 3);

  int64_t marked = -1, again = -1;
  db->write_sync(
      [&](Stores& r) { marked = r.get<storage::NotificationStore>().mark_all_notifications_read(staff, 500); });
  EXPECT_EQ(marked, 3) << "the unread ones only";
  auto& r = db->reader();
  EXPECT_EQ(r.get<storage::NotificationStore>().unread_notifications(staff), 0);
  EXPECT_EQ(r.get<storage::NotificationStore>().unread_notifications(other), 2) << "someone else's stay unread";
  for (const auto& n : r.get<storage::NotificationStore>().notifications(staff, std::nullopt, false, 10)) {
    ASSERT_TRUE(n.read_at) << n.id;
    EXPECT_EQ(*n.read_at, n.id == read_before ? 95 : 500) << "a notice read earlier keeps its time";
  }

  db->write_sync(
      [&](Stores& w) { again = w.get<storage::NotificationStore>().mark_all_notifications_read(staff, 600); });
  EXPECT_EQ(again, 0);
  EXPECT_EQ(db->reader().get<storage::NotificationStore>().unread_notifications(other), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
