#pragma once
// The one call remedies makes into returns: when the resolution of a desk return's ticket
// is approved or rejected, the return follows it (approved → done with its purchase line
// and points, rejected → refused, points untouched), in the same write.
#include "core/app/context.hpp"
#include "remedies/storage/remedy_store.hpp"

namespace kefu::app {

// Does nothing for a resolution no return waits on.
void follow_resolution(Context&, const storage::Remedy&);

}  // namespace kefu::app
