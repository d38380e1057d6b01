#pragma once
// Deleting the photos an erasure or a retention run freed (their rows are gone), after the
// commit, on the worker pool. Also called by the retention keeper (wired in cli/serve.cpp).
#include <string>
#include <vector>

#include "core/api/services.hpp"

namespace kefu::api {

// A blob that a row names again meanwhile (the same photo uploaded anew) stays; when the
// pool is busy they stay until `kefu blobs gc` (no row names them).
void delete_freed_blobs(Services&, std::vector<std::string> sha256s);

}  // namespace kefu::api
