#pragma once
// Improvement actions as JSON (the shapes of src/feedback/api/openapi.yaml, FeedbackAction…).
#include <nlohmann/json.hpp>

#include "auth/domain/actor.hpp"
#include "feedback/app/feedback_actions.hpp"

namespace kefu::action_render {

// `overdue` is computed at `now`: open and past its deadline.
nlohmann::json action(const storage::FeedbackAction&, int64_t now);
nlohmann::json detail(const app::ActionDetail&, const people::Actor& viewer, int64_t now);
nlohmann::json update(const storage::ActionUpdate&, const std::vector<storage::ActionPhoto>& photos);
nlohmann::json photo(const storage::ActionPhoto&);
nlohmann::json board(const app::ActionBoard&);

}  // namespace kefu::action_render
