// The storage contract of RateLimitStore: one bucket per key, replaced whole, deleted by
// key or once forgotten.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "core/storage/platform_stores.hpp"

namespace kefu::storage {
namespace {

TEST_P(Contract, RateBucketsOnePerKeyReplacedAndForgotten) {
  const limits::Bucket a{3, 1000, 0, 0, 5000};
  const limits::Bucket b{0, 2000, 9000, 2, 12000};
  db->write_sync([&](Stores& w) {
    w.get<RateLimitStore>().put_rate_bucket("login:addr:10.0.0.1", a);
    w.get<RateLimitStore>().put_rate_bucket("track:phone:13711112222", a);
    w.get<RateLimitStore>().put_rate_bucket("login:addr:10.0.0.1", b);  // replaces
  });
  auto& r = db->reader();
  auto got = r.get<RateLimitStore>().rate_bucket("login:addr:10.0.0.1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->hits, 0);
  EXPECT_EQ(got->window_start, 2000);
  EXPECT_EQ(got->blocked_until, 9000);
  EXPECT_EQ(got->strikes, 2);
  EXPECT_EQ(got->forget_at, 12000);
  EXPECT_EQ(r.get<RateLimitStore>().rate_bucket("track:phone:13711112222")->hits, 3);
  EXPECT_FALSE(r.get<RateLimitStore>().rate_bucket("LOGIN:addr:10.0.0.1")) << "keys are exact";
  EXPECT_EQ(r.get<RateLimitStore>().rate_bucket_count(), 2);

  int64_t forgotten = -1;
  db->write_sync([&](Stores& w) { forgotten = w.get<RateLimitStore>().forget_rate_buckets(4999); });
  EXPECT_EQ(forgotten, 0) << "forget_at not reached";
  db->write_sync([&](Stores& w) { forgotten = w.get<RateLimitStore>().forget_rate_buckets(5000); });
  EXPECT_EQ(forgotten, 1) << "forget_at is inclusive";
  EXPECT_FALSE(db->reader().get<RateLimitStore>().rate_bucket("track:phone:13711112222"));
  EXPECT_TRUE(db->reader().get<RateLimitStore>().rate_bucket("login:addr:10.0.0.1"));

  db->write_sync([&](Stores& w) { w.get<RateLimitStore>().delete_rate_bucket("login:addr:10.0.0.1"); });
  EXPECT_EQ(db->reader().get<RateLimitStore>().rate_bucket_count(), 0);
}

}  // namespace
}  // namespace kefu::storage
