#pragma once
// The points ledger (members/domain/points.hpp).
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/storage/stores.hpp"
#include "members/domain/points.hpp"

namespace kefu::storage {

class PointsStore : public Store {
 public:
  static std::unique_ptr<PointsStore> open(Stores&);

  // The new entry's id; nullopt (and nothing written) when an entry with the same non-empty
  // ref is on file.
  virtual std::optional<int64_t> append(const people::PointsEntry&) = 0;
  // Appends many in a few statements (an import's part); entries whose ref is on file are
  // skipped. How many it appended.
  virtual int64_t append_many(const std::vector<people::PointsEntry>&) = 0;
  // The sum of the member's entries (0 for none).
  virtual int64_t balance(int64_t member_id) = 0;
  // The member's entries, newest first; before_id pages.
  virtual std::vector<people::PointsEntry> entries(int64_t member_id, std::optional<int64_t> before_id, int limit) = 0;
};

}  // namespace kefu::storage
