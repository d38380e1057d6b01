#pragma once
// Merging two member records (合并) and undoing it: the rows that carry a member_id, moved
// table by table, and the record of exactly what moved.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

// The tables whose rows follow a member into a merge, by name. Tickets are moved through
// TicketStore (its cache must hear of it); the others through move_rows.
inline constexpr const char* kMemberRowTables[] = {"member_identities", "tickets",         "conversations",
                                                   "feedback_items",    "nps_invitations", "purchase_orders",
                                                   "member_points",     "returns"};

struct MergeRecord {
  int64_t id = 0;
  int64_t kept_id = 0;
  int64_t merged_id = 0;
  std::map<std::string, std::vector<int64_t>> moved;  // table → ids of the rows moved to kept_id
  int64_t merged_at = 0;
  std::optional<int64_t> merged_by;
  std::optional<int64_t> undone_at;
  std::optional<int64_t> undone_by;
  friend bool operator==(const MergeRecord&, const MergeRecord&) = default;
};

class MergeStore : public Store {
 public:
  static std::unique_ptr<MergeStore> open(Stores&);

  // The ids of `table`'s rows (one of kMemberRowTables) that name the member, ascending.
  virtual std::vector<int64_t> member_rows(const std::string& table, int64_t member_id) = 0;
  // Sets member_id = to on those of `ids` that name `from` now; how many did.
  virtual int64_t move_rows(const std::string& table, const std::vector<int64_t>& ids, int64_t from, int64_t to) = 0;
  // Sets or clears members.merged_into.
  virtual void set_merged_into(int64_t member_id, std::optional<int64_t> kept_id) = 0;
  virtual int64_t insert_merge(const MergeRecord&) = 0;
  virtual std::optional<MergeRecord> merge(int64_t id) = 0;
  // The merges the member took part in (kept or merged), newest first.
  virtual std::vector<MergeRecord> merges_of(int64_t member_id) = 0;
  // Marks the merge undone; false when it already was.
  virtual bool mark_undone(int64_t id, int64_t at, std::optional<int64_t> by) = 0;
};

}  // namespace kefu::storage
