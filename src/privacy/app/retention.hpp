#pragma once
// Retention rules (保存期限, privacy/domain/retention.hpp): admins read and edit them;
// apply_retention runs every enabled rule once (the nightly keeper, or an admin's "run
// now"), in the caller's transaction, bounded per run (kRetentionBatch people), and audits
// the run with its counts ("privacy.retention_run") even when it changed nothing.
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "privacy/domain/retention.hpp"
#include "privacy/storage/person_data_store.hpp"

namespace kefu::app {

inline constexpr int kRetentionBatch = 200;

std::vector<privacy::RetentionRule> retention_rules(Context&);
// days: kMinDays..kMaxDays (400 invalid_range); audited ("privacy.retention_rule").
privacy::RetentionRule put_retention_rule(Context&, const std::string& kind, bool enabled, int days);

struct RetentionRun {
  storage::KindCounts counts;            // per rule: people anonymised, photos deleted, …
  std::vector<std::string> freed_blobs;  // delete after the commit
};
// The system actor (the keeper) or an admin.
RetentionRun apply_retention(Context&);

}  // namespace kefu::app
