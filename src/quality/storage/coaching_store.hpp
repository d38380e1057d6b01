#pragma once
// Coaching (辅导): what an inspection asks the agent to study, and their acknowledgement.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "quality/domain/vocabulary.hpp"

namespace kefu::storage {

struct Coaching {
  int64_t id = 0;
  int64_t inspection_id = 0;
  int64_t store_id = 0;
  int64_t staff_id = 0;  // the agent
  std::string item;      // the scorecard item coached
  quality::Material material_kind;
  int64_t material_id = 0;  // a case-library entry or an internal KB article, by id
  std::string note;
  int64_t due_at = 0;
  int64_t assigned_by = 0;
  int64_t created_at = 0;
  std::optional<int64_t> acknowledged_at;
  friend bool operator==(const Coaching&, const Coaching&) = default;
};

struct CoachingFilter {
  std::vector<int64_t> store_ids;  // empty: every store
  std::optional<int64_t> staff_id;
  std::optional<int64_t> inspection_id;
  int limit = 200;
};

class CoachingStore : public Store {
 public:
  static std::unique_ptr<CoachingStore> open(Stores&);

  // Sets c.id.
  virtual void insert_coaching(Coaching& c) = 0;
  virtual std::optional<Coaching> coaching(int64_t id) = 0;
  // Sets acknowledged_at once; false when it was acknowledged already.
  virtual bool acknowledge_coaching(int64_t id, int64_t at) = 0;
  // Newest first.
  virtual std::vector<Coaching> list_coaching(const CoachingFilter&) = 0;
};

}  // namespace kefu::storage
