#pragma once
// The JSON of the members' identities, merges, history, points, rewards and consent.
#include <nlohmann/json.hpp>

#include "auth/domain/actor.hpp"
#include "members/app/member_profile.hpp"
#include "members/app/member_tiers.hpp"
#include "members/storage/identity_store.hpp"
#include "members/storage/merge_store.hpp"

namespace kefu::api::member_render {

// The value masked for callers who do not see full phones.
nlohmann::json identity(const storage::MemberIdentity&, const people::Actor& viewer);
nlohmann::json merge(const storage::MergeRecord&);
nlohmann::json event(const storage::MemberEvent&);
nlohmann::json tier_rule(const people::TierRule&);
nlohmann::json consent(const app::MemberConsent&);

}  // namespace kefu::api::member_render
