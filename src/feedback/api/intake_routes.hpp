#pragma once
// The feedback form's routes (intake_routes.cpp): what the server must let through.
#include <cstddef>

#include "core/api/services.hpp"

namespace kefu::api {

// POST /api/v1/public/feedback: the words and up to 3 photos of at most
// kMaxAttachmentBytes each in one multipart body (cli/serve.cpp sets the route's limit).
constexpr std::size_t kMaxFeedbackFormBytes = 3 * kMaxAttachmentBytes + 64 * 1024;

}  // namespace kefu::api
