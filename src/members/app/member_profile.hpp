#pragma once
// Editing a member beyond registration: the profile (PATCH), tags, care flags, marketing
// consent; the member's history and the console's member search.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "members/domain/consent.hpp"
#include "members/domain/member.hpp"
#include "members/storage/member_profile_store.hpp"

namespace kefu::app {

struct MemberChanges {
  std::optional<std::string> name;
  std::optional<std::string> birthday;  // "" clears; supervisors and above (sensitive)
  std::optional<std::string> tier;      // supervisors and above
  std::optional<std::optional<int64_t>> home_store_id;
};
// Applies the given fields (audited with before and after, on the member's history).
people::Member update_member(Context&, int64_t member_id, const MemberChanges&);

inline constexpr std::size_t kMaxTags = 20, kMaxTagChars = 20;
// Replaces the member's tags (free text, trimmed, duplicates dropped, at most kMaxTags).
std::vector<std::string> set_member_tags(Context&, int64_t member_id, const std::vector<std::string>& tags);
std::vector<std::string> member_tags(Context&, int64_t member_id);
// Replaces the special-care flags: sensitive, supervisors and above.
people::Member set_member_care_flags(Context&, int64_t member_id, const std::vector<std::string>& flags);

struct MemberConsent {
  std::vector<people::ConsentState> current;
  std::vector<people::ConsentRecord> history;  // newest first
};
MemberConsent member_consent(Context&, int64_t member_id);
// Appends a grant or withdrawal for a channel, by the caller, with its source.
MemberConsent record_member_consent(Context&, int64_t member_id, const std::string& channel, bool granted,
                                    const std::string& source);

std::vector<storage::MemberEvent> member_history(Context&, int64_t member_id, int64_t before_id, int limit);

struct MemberSearch {
  std::string name_prefix, tier, tag;
  std::optional<int64_t> store_id;
  int64_t after_id = 0;
  int limit = 50;
};
// Members in the caller's stores (by home store; admins: all) matching every criterion.
std::vector<people::Member> search_members(Context&, const MemberSearch&);

}  // namespace kefu::app
