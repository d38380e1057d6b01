// The storage contract of ContactStore's tracking throttle: failed attempts to track a
// ticket, counted per key since a time.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "public_tickets/storage/contact_store.hpp"

namespace kefu::storage {
namespace {

class ContactStoreContract : public Contract {};

TEST_P(ContactStoreContract, TrackingFailuresCountPerKeySinceATime) {
  db->write_sync([&](Stores& r) {
    for (int64_t at : {100, 200, 300, 300}) r.get<storage::ContactStore>().record_tracking_failure("track:KF1", at);
    r.get<storage::ContactStore>().record_tracking_failure("track:KF2", 250);
  });
  auto& r = db->reader();
  // Every attempt counts, two at the same time too; `since` is inclusive.
  EXPECT_EQ(r.get<storage::ContactStore>().tracking_failures_since("track:KF1", 0), 4);
  EXPECT_EQ(r.get<storage::ContactStore>().tracking_failures_since("track:KF1", 200), 3);
  EXPECT_EQ(r.get<storage::ContactStore>().tracking_failures_since("track:KF1", 201), 2);
  EXPECT_EQ(r.get<storage::ContactStore>().tracking_failures_since("track:KF1", 301), 0);
  // Another key's attempts are its own.
  EXPECT_EQ(r.get<storage::ContactStore>().tracking_failures_since("track:KF2", 0), 1);
  EXPECT_EQ(r.get<storage::ContactStore>().tracking_failures_since("track:KF3", 0), 0);
  EXPECT_EQ(r.get<storage::ContactStore>().tracking_failures_since("track:kf1", 0), 0) << "keys are exact";
}

INSTANTIATE_TEST_SUITE_P(Backends, ContactStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
