#pragma once
// The photos a customer sends with feedback (扫码反馈: up to 3 an item), numbered 1..3 in
// the order sent. The bytes are blobs in the attachments folder (tickets/api/blob_store.hpp),
// stored without their metadata before the row commits; a row names its blob by sha256.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

struct FeedbackPhoto {
  int64_t id = 0;
  int64_t item_id = 0;
  int n = 0;  // 1, 2, 3 within the item
  std::string sha256;
  std::string content_type;
  std::string filename;
  int64_t size = 0;
  int64_t created_at = 0;
};

class FeedbackPhotoStore : public Store {
 public:
  static std::unique_ptr<FeedbackPhotoStore> open(Stores&);

  // Stores the photo (its id is ignored) and returns the new id; (item_id, n) is unique.
  virtual int64_t insert_photo(const FeedbackPhoto&) = 0;
  // An item's photos by n.
  virtual std::vector<FeedbackPhoto> photos_of(int64_t item_id) = 0;
  virtual std::optional<FeedbackPhoto> photo(int64_t item_id, int n) = 0;
  // Whether any row names the blob (`kefu blobs gc` keeps it).
  virtual bool photo_in_use(const std::string& sha256) = 0;
};

}  // namespace kefu::storage
