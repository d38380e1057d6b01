#pragma once
// Feedback as JSON (the shapes of src/feedback/api/openapi.yaml), shared by the feedback
// routes of every part of the capability.
#include <nlohmann/json.hpp>

#include "auth/domain/actor.hpp"
#include "feedback/domain/item.hpp"

namespace kefu::feedback_render {

// The contact phone is masked for those who do not see full numbers (agents, dept heads).
nlohmann::json item(const feedback::Item&, const people::Actor& viewer);
nlohmann::json topic(const feedback::Topic&);
nlohmann::json place(const feedback::Place&);

}  // namespace kefu::feedback_render
