#pragma once
// What the action use cases share (feedback_actions.cpp, action_verification.cpp): loading
// an action with the caller's store scope, checking a move against the table of
// feedback/domain/action.hpp, and writing its timeline.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/app/context.hpp"
#include "feedback/domain/action.hpp"
#include "feedback/storage/action_store.hpp"

namespace kefu::app::actions {

storage::ActionStore& store(Context&);
// The action if the caller serves its store, else 404 not_found. Needs feedback:read.
storage::FeedbackAction load(Context&, int64_t id);
// 409 invalid_transition for the wrong state, 403 forbidden for the wrong person; checks
// feedback:write.
void check(Context&, const storage::FeedbackAction&, feedback::ActionMove);
// Adds a timeline entry by the caller (the system when staff_id is 0) and returns its id.
int64_t log(Context&, int64_t action_id, const std::string& kind, const std::string& note);
// When the next escalation is due for an open action at its level, else nullopt.
std::optional<int64_t> next_escalation(Context&, const storage::FeedbackAction&);
nlohmann::json audit_json(const storage::FeedbackAction&);

}  // namespace kefu::app::actions
