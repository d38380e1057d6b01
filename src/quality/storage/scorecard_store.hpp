#pragma once
// Scorecards (质检评分表) as saved, one version per save per store and channel kind
// (store 0: the chain's, for every store without one of its own), and each store's quality
// settings (store 0: the chain's). Versions are kept: an inspection names the version it
// was scored on.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "quality/domain/scorecard.hpp"
#include "quality/domain/settings.hpp"

namespace kefu::storage {

struct ScorecardVersion {
  int64_t id = 0;
  int64_t store_id = 0;  // 0: the chain's
  int64_t version = 0;   // 1, 2, … per store and channel kind
  quality::Scorecard card;
  std::string note;
  int64_t created_by = 0;
  int64_t created_at = 0;
  friend bool operator==(const ScorecardVersion&, const ScorecardVersion&) = default;
};

struct QaSettingsRow {
  int64_t store_id = 0;
  quality::Settings settings;
  int64_t updated_by = 0;
  int64_t updated_at = 0;
};

class ScorecardStore : public Store {
 public:
  static std::unique_ptr<ScorecardStore> open(Stores&);

  // The newest version for the store (0: the chain) and channel kind, if any was saved.
  virtual std::optional<ScorecardVersion> current_scorecard(int64_t store_id, quality::ChannelKind) = 0;
  virtual std::optional<ScorecardVersion> scorecard_version(int64_t store_id, quality::ChannelKind,
                                                            int64_t version) = 0;
  // Newest first, at most `limit`.
  virtual std::vector<ScorecardVersion> scorecard_versions(int64_t store_id, quality::ChannelKind, int limit) = 0;
  // False when the store already has that version for the channel (another save came first).
  virtual bool insert_scorecard_version(const ScorecardVersion&) = 0;

  virtual std::optional<QaSettingsRow> qa_settings(int64_t store_id) = 0;
  // Inserts or replaces the store's settings.
  virtual void put_qa_settings(const QaSettingsRow&) = 0;
};

}  // namespace kefu::storage
