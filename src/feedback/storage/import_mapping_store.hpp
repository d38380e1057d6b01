#pragma once
// How a social-media export's columns map onto feedback items, remembered per source name
// (微博, 大众点评, 小红书 …) so that staff map a platform's columns once
// (feedback/app/feedback_import.hpp).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

// Columns are named by their header text; "" = not in the file.
struct ImportMapping {
  std::string source_name;
  std::string text_column;
  std::string time_column;
  std::string author_column;
  std::string rating_column;
  std::string post_id_column;
  std::string store_column;         // a store's code or name
  std::optional<int64_t> store_id;  // the store of rows without a store column (or an empty cell)
  std::optional<int64_t> updated_by;
  int64_t updated_at = 0;
  friend bool operator==(const ImportMapping&, const ImportMapping&) = default;
};

class ImportMappingStore : public Store {
 public:
  static std::unique_ptr<ImportMappingStore> open(Stores&);

  // Every remembered mapping, by source name.
  virtual std::vector<ImportMapping> mappings() = 0;
  virtual std::optional<ImportMapping> mapping(const std::string& source_name) = 0;
  // Inserts or replaces the mapping of its source name.
  virtual void put_mapping(const ImportMapping&) = 0;
};

}  // namespace kefu::storage
