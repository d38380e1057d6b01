#pragma once
// The scorecard and the settings in force, and saving edited ones (质检评分表、质检设置).
//
// Which scorecard is in force for a store and channel kind: the store's newest saved
// version; else the chain's (store 0, set by an admin); else quality::default_scorecard().
// The same order for the settings. An inspection keeps (scorecard_store_id, version) of
// the card it was scored on; version 0 names the defaults in code.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "quality/domain/scorecard.hpp"
#include "quality/domain/settings.hpp"
#include "quality/storage/scorecard_store.hpp"

namespace kefu::app {

struct ScorecardInForce {
  int64_t store_id = 0;         // the store asked about (0: the chain)
  int64_t source_store_id = 0;  // whose version is in force (0: the chain's or the defaults)
  int64_t source_version = 0;   // 0: the defaults in code
  int64_t version = 0;          // the store's own newest version (what a save sends back)
  quality::Scorecard card;
  std::optional<storage::ScorecardVersion> saved;
};

// Any staff with quality:read; store 0 is the chain, another store must be in reach (404).
ScorecardInForce scorecard_in_force(Context&, int64_t store_id, quality::ChannelKind);

struct ScorecardSave {
  int64_t store_id = 0;  // 0: the chain's (admins only)
  quality::ChannelKind channel;
  std::vector<quality::Item> items;
  std::optional<int64_t> version;  // when given, the store's current version (409 version_conflict)
  std::string note;                // at most 200 characters
};

// Managers and above for a store they serve, admins for the chain; quality:write.
// Validated first (400 naming the field); audited (qa_scorecard.update).
ScorecardInForce save_scorecard(Context&, const ScorecardSave&);

// The store's saved versions for the channel kind, newest first (at most 50).
std::vector<storage::ScorecardVersion> scorecard_history(Context&, int64_t store_id, quality::ChannelKind);

// The card an inspection was scored on (the defaults for version 0).
quality::Scorecard scorecard_of(Context&, int64_t store_id, quality::ChannelKind, int64_t version);

struct SettingsInForce {
  int64_t store_id = 0;
  int64_t source_store_id = 0;
  bool defaults = true;
  quality::Settings settings;
};

SettingsInForce qa_settings(Context&, int64_t store_id);
// Managers for a store they serve, admins for the chain; quality:write; audited (qa_settings.update).
SettingsInForce save_qa_settings(Context&, int64_t store_id, const quality::Settings&);

// A store the caller serves (admins: any existing store); store 0 passes when allow_chain.
void require_qa_store(Context&, int64_t store_id, bool allow_chain);

}  // namespace kefu::app
