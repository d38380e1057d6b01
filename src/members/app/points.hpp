#pragma once
// The points ledger's one way in (members/domain/points.hpp). Capabilities that move points
// (purchases, returns, redemptions, expiry) call record_points inside their own write, with
// the ref of the record the entry comes from, so that running them twice changes nothing.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/app/context.hpp"
#include "members/domain/points.hpp"

namespace kefu::app {

// Appends the entry (created_at = c.now_ms when 0); the new entry's id, or nullopt when its
// ref is on file. No scope or role check: the calling use case made them.
std::optional<int64_t> record_points(Context&, people::PointsEntry);

// Many entries at once (an import's part): created_at = c.now_ms where 0; entries whose ref
// is on file are skipped. How many were appended.
int64_t record_points(Context&, std::vector<people::PointsEntry>);

// The member's balance: the sum of the ledger.
int64_t points_balance(Context&, int64_t member_id);

}  // namespace kefu::app
