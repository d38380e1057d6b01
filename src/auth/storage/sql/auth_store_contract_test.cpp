// The storage contract of AuthStore: sessions end when they are deleted (logout).
#include <gtest/gtest.h>

#include "auth/storage/auth_store.hpp"
#include "core/storage/contract_fixture.hpp"

namespace kefu::storage {
namespace {

class AuthStoreContract : public Contract {};

TEST_P(AuthStoreContract, ADeletedSessionNoLongerResolvesAndOthersStay) {
  db->write_sync([&](Stores& r) {
    r.get<storage::AuthStore>().insert_session("phone", staff, 0, 1000);
    r.get<storage::AuthStore>().insert_session("desk", staff, 0, 1000);
  });
  ASSERT_EQ(db->reader().get<storage::AuthStore>().session_staff("phone", 10), staff);

  db->write_sync([&](Stores& r) { r.get<storage::AuthStore>().delete_session("phone"); });
  auto& r = db->reader();
  EXPECT_FALSE(r.get<storage::AuthStore>().session_staff("phone", 10)) << "logged out, though not expired";
  EXPECT_EQ(r.get<storage::AuthStore>().session_staff("desk", 10), staff) << "the staff member's other session";
  EXPECT_EQ(r.count("sessions"), 1);

  // Deleting twice, or a digest that never was, is no error and deletes nothing else.
  EXPECT_NO_THROW(db->write_sync([&](Stores& w) {
    w.get<storage::AuthStore>().delete_session("phone");
    w.get<storage::AuthStore>().delete_session("never");
  }));
  EXPECT_EQ(db->reader().get<storage::AuthStore>().session_staff("desk", 10), staff);

  // The digest is free again: the same one can start a new session.
  db->write_sync([&](Stores& w) { w.get<storage::AuthStore>().insert_session("phone", staff, 20, 2000); });
  EXPECT_EQ(db->reader().get<storage::AuthStore>().session_staff("phone", 1500), staff);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
