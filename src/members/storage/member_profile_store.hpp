#pragma once
// What staff edit on a member beyond registration: the profile fields, tags, marketing
// consent (append-only), the member's history, and the console's member search.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "members/domain/consent.hpp"
#include "members/domain/member.hpp"

namespace kefu::storage {

// One line of a member's history (tier changes, merges, profile edits, points moves …).
struct MemberEvent {
  int64_t id = 0;
  int64_t member_id = 0;
  int64_t at = 0;
  std::string kind;    // tier_changed, merged, merged_into, unmerged, profile_changed, …
  std::string detail;  // JSON text
  std::optional<int64_t> staff_id;
  friend bool operator==(const MemberEvent&, const MemberEvent&) = default;
};

struct MemberFilter {
  std::string name_prefix;
  std::string tier;
  std::string tag;
  std::vector<int64_t> home_store_ids;  // empty: any (admins)
  std::optional<int64_t> home_store_id;
  int64_t after_id = 0;  // keyset paging by id
  int limit = 50;
};

class MemberProfileStore : public Store {
 public:
  static std::unique_ptr<MemberProfileStore> open(Stores&);

  // Writes name, tier, birthday, care flags, home store and tier_below_since of m.id.
  virtual void update_profile(const people::Member& m) = 0;
  virtual std::vector<std::string> tags(int64_t member_id) = 0;  // sorted
  virtual void set_tags(int64_t member_id, const std::vector<std::string>& tags) = 0;
  virtual std::vector<people::ConsentRecord> consents(int64_t member_id) = 0;  // oldest first
  virtual int64_t add_consent(const people::ConsentRecord&) = 0;
  virtual int64_t add_event(const MemberEvent&) = 0;
  // Newest first, ids below before_id (0: from the newest).
  virtual std::vector<MemberEvent> events(int64_t member_id, int64_t before_id, int limit) = 0;
  // Members that are not merged into another, matching every given criterion, by id.
  virtual std::vector<people::Member> search(const MemberFilter&) = 0;
};

}  // namespace kefu::storage
