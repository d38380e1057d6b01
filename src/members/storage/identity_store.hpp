#pragma once
// A member's identities (members/domain/identity.hpp): each (kind, value) belongs to one
// member at most.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

struct MemberIdentity {
  int64_t id = 0;
  int64_t member_id = 0;
  std::string kind;
  std::string value;  // normalised
  int64_t added_at = 0;
  std::optional<int64_t> added_by;
  friend bool operator==(const MemberIdentity&, const MemberIdentity&) = default;
};

class IdentityStore : public Store {
 public:
  static std::unique_ptr<IdentityStore> open(Stores&);

  // The new row's id; nullopt when the (kind, value) is already someone's (nothing written).
  virtual std::optional<int64_t> add_identity(const MemberIdentity&) = 0;
  // Whether a row went.
  virtual bool remove_identity(int64_t member_id, const std::string& kind, const std::string& value) = 0;
  // The member's identities, oldest first.
  virtual std::vector<MemberIdentity> identities(int64_t member_id) = 0;
  virtual std::optional<MemberIdentity> identity(const std::string& kind, const std::string& value) = 0;
};

}  // namespace kefu::storage
