#pragma once
// A member's identities (身份): list, add, remove (members/domain/identity.hpp).
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "members/storage/identity_store.hpp"

namespace kefu::app {

// The member's phone (members.phone, kind "phone", id 0) first, then the added identities.
std::vector<storage::MemberIdentity> member_identities(Context&, int64_t member_id);
// Adds an identity (normalised); one that is already anyone's is a 409 identity_taken (a
// phone registered as another member's main phone too). Audited, on the member's history.
storage::MemberIdentity add_member_identity(Context&, int64_t member_id, const std::string& kind,
                                            const std::string& value);
// Removes one; false when the member had no such identity. Audited.
bool remove_member_identity(Context&, int64_t member_id, const std::string& kind, const std::string& value);

}  // namespace kefu::app
