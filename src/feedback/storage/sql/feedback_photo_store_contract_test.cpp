// The storage contract of the feedback form's photos: numbered within their item, read back
// by number, and known to the blob collector by their digest.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "feedback/storage/feedback_photo_store.hpp"
#include "feedback/storage/feedback_store.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kT0 = 1'800'000'000'000;

class FeedbackPhotoContract : public Contract {
 protected:
  FeedbackPhotoStore& photos() { return db->reader().get<FeedbackPhotoStore>(); }

  int64_t item() {
    int64_t id = 0;
    db->write_sync([&](Stores& s) {
      feedback::Item t;
      t.store_id = store_a;
      t.source = "form";
      t.said_at = t.received_at = kT0;
      t.text = "洗手间没有纸了";
      t.touchpoint = "floor";
      id = s.get<FeedbackStore>().insert_item(t);
    });
    return id;
  }
  int64_t add(const FeedbackPhoto& p) {
    int64_t id = 0;
    db->write_sync([&](Stores& s) { id = s.get<FeedbackPhotoStore>().insert_photo(p); });
    return id;
  }
  static FeedbackPhoto photo(int64_t item, int n, std::string sha) {
    return {0, item, n, std::move(sha), "image/jpeg", "现场" + std::to_string(n) + ".jpg", 1000 + n, kT0 + n};
  }
};

TEST_P(FeedbackPhotoContract, AnItemsPhotosComeBackByNumber) {
  const int64_t a = item(), b = item();
  add(photo(a, 2, "bb"));
  const int64_t first = add(photo(a, 1, "aa"));
  add(photo(b, 1, "cc"));
  auto got = photos().photos_of(a);
  ASSERT_EQ(got.size(), 2u);
  auto want = photo(a, 1, "aa");
  want.id = first;
  EXPECT_EQ(got[0].id, want.id);
  EXPECT_EQ(got[0].item_id, a);
  EXPECT_EQ(got[0].n, 1);
  EXPECT_EQ(got[0].sha256, "aa");
  EXPECT_EQ(got[0].content_type, "image/jpeg");
  EXPECT_EQ(got[0].filename, "现场1.jpg");
  EXPECT_EQ(got[0].size, 1001);
  EXPECT_EQ(got[0].created_at, kT0 + 1);
  EXPECT_EQ(got[1].n, 2);
  EXPECT_EQ(photos().photos_of(b).size(), 1u);
  EXPECT_TRUE(photos().photos_of(b + 100).empty());

  auto one = photos().photo(a, 2);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->sha256, "bb");
  EXPECT_FALSE(photos().photo(a, 3));
  EXPECT_FALSE(photos().photo(b, 2));
}

TEST_P(FeedbackPhotoContract, ANumberIsTakenOncePerItem) {
  const int64_t a = item();
  add(photo(a, 1, "aa"));
  EXPECT_ANY_THROW(add(photo(a, 1, "dd")));
  EXPECT_EQ(photos().photos_of(a).size(), 1u);
}

TEST_P(FeedbackPhotoContract, TheCollectorKnowsWhichBlobsAreInUse) {
  const int64_t a = item();
  add(photo(a, 1, "ab12"));
  EXPECT_TRUE(photos().photo_in_use("ab12"));
  EXPECT_FALSE(photos().photo_in_use("cd34"));
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedbackPhotoContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
