#pragma once
#include <optional>
#include <string>

#include "core/app/context.hpp"
#include "members/domain/member.hpp"

namespace kefu::app {

struct NewMember {
  std::string name;
  std::string phone;  // as typed; normalised here
  std::string tier = "normal";
  std::string birthday;
  std::vector<std::string> care_flags;
  std::optional<int64_t> home_store_id;
};
// Registers a member; a phone already on file is a conflict (code member_exists).
people::Member create_member(Context&, const NewMember&);
// A member in the caller's reach: registered at one of their stores, or with a ticket in
// one of them (admins reach every member); any other id is not found, like one that does
// not exist. A merged record's id answers with the member it was merged into (followed).
people::Member get_member(Context&, int64_t id);
// Registered at one of the caller's stores, or with a ticket in one of them (admins: all).
bool member_in_reach(Context&, const people::Member&);
// The desk's lookup: by phone (any common spelling), member number or any other identity
// (card number, app id, WeChat openid/unionid: members/domain/identity.hpp), across every store
// (a member of the chain is served at any of its stores); a merged record answers with the
// member it was merged into; nullopt when unknown. Every lookup, found or not, is audited (who, when, the masked key),
// so that someone trying numbers shows in the audit log; a write for that reason. Throttled (429 rate_limited, with
// Retry-After) so that a masked phone cannot be recovered by trying its hidden digits: kLookupMissesPerStaff lookups
// that find nobody per staff member in an hour, kLookupMissesPerAddress per client address, and kLookupsPerStaff
// lookups in all.
inline constexpr int kLookupMissesPerStaff = 20, kLookupMissesPerAddress = 60, kLookupsPerStaff = 300;
// phone_only: the key must be a phone (400 invalid_phone otherwise; a second phone among
// the identities counts).
std::optional<people::Member> lookup_member(Context&, const std::string& phone_or_number,
                                            const std::string& remote = "", bool phone_only = false);

}  // namespace kefu::app
