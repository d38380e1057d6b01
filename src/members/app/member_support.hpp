#pragma once
// What the members' use cases share: the member a change is about, and its history line.
#include <nlohmann/json.hpp>
#include <string>

#include "core/app/context.hpp"
#include "members/domain/member.hpp"

namespace kefu::app {

// The member `id` for a change: in the caller's reach (else 404 not_found) and not merged
// into another record (else 409 member_merged: change the member it lives on in).
people::Member member_for_change(Context&, int64_t id);

// A line of the member's history (member_events), by the caller (none for the system).
void note_member_event(Context&, int64_t member_id, const std::string& kind, const nlohmann::json& detail);

}  // namespace kefu::app
