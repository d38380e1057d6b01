#pragma once
// What the matcher learned from besides the entries (kb/domain/learning.hpp): usage
// signals and imported paraphrase pairs, with where each came from and whether an admin
// revoked it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "kb/domain/learning.hpp"

namespace kefu::storage {

// What `signals` / `pairs` list, newest first (keyset paging on id). Every filter set narrows.
struct LearningFilter {
  std::optional<std::string> source;
  std::optional<int64_t> entry_id;
  std::optional<bool> revoked;
  int64_t before_id = 0;  // 0: from the newest
  int limit = 100;
};

struct LearningCounts {
  int64_t signals = 0, signals_revoked = 0, pairs = 0, pairs_revoked = 0;
  friend bool operator==(const LearningCounts&, const LearningCounts&) = default;
};

enum class PairWrite { added, updated, unchanged };

class KbLearningStore : public Store {
 public:
  static std::unique_ptr<KbLearningStore> open(Stores&);

  // A new signal's id; the id of the same one already kept (same query, entry, source and
  // conversation or ticket) when the customer clicks twice: one question counts once.
  virtual int64_t insert_signal(const kb::Signal&) = 0;
  virtual std::optional<kb::Signal> signal(int64_t id) = 0;
  virtual std::vector<kb::Signal> signals(const LearningFilter&) = 0;
  // Revokes (revoked_by/at set) or restores (cleared) the signal, moving updated_at to
  // `at`; false when there is none.
  virtual bool set_signal_revoked(int64_t id, bool revoked, std::optional<int64_t> by, int64_t at) = 0;

  // Keyed on (a, b) (the caller orders them): a new pair is added; a known one takes the
  // new label and is restored if revoked (updated), or is left alone (unchanged).
  virtual PairWrite put_pair(const kb::Pair&) = 0;
  virtual std::optional<kb::Pair> pair(int64_t id) = 0;
  virtual std::vector<kb::Pair> pairs(const LearningFilter&) = 0;
  virtual bool set_pair_revoked(int64_t id, bool revoked, std::optional<int64_t> by, int64_t at) = 0;

  // Every signal and pair not revoked, oldest first: what a build learns from.
  virtual std::vector<kb::Signal> active_signals() = 0;
  virtual std::vector<kb::Pair> active_pairs() = 0;
  virtual LearningCounts counts() = 0;
  // Changes whenever a signal or pair is added, revoked or restored (KbCatalogStore::stamp's
  // partner: the bot's knowledge is rebuilt on both).
  virtual std::string stamp() = 0;
};

}  // namespace kefu::storage
