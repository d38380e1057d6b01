#pragma once
// Hits of the automatic quality rules (自动质检命中): one row per rule and message, linked to
// the message (a ticket event id, or a chat message's seq in its conversation). What the
// sampler inspects first (flagged) and what the QA report counts.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

struct QaAutoHit {
  int64_t id = 0;
  std::string rule_code;
  std::string rule_kind;     // quality::Kind's code
  std::string rule_name;     // as it was when it hit
  std::string subject_kind;  // ticket | conversation
  int64_t subject_id = 0;
  int64_t message_ref = 0;  // ticket: the event id; conversation: the message seq
  std::optional<int64_t> staff_id;
  int64_t store_id = 0;
  bool red_line = false;
  std::string excerpt;  // the staff member's words (empty for the customer's)
  std::string detail;   // why: the phrase found, the seconds waited, the anger
  int64_t at = 0;       // when the message was written (or the gap was found)
};

struct QaAutoHitQuery {
  std::vector<int64_t> store_ids;  // empty: every store
  std::optional<int64_t> staff_id;
  std::string rule_code;  // empty: any
  std::optional<bool> red_line;
  std::string subject_kind;  // empty: both
  std::optional<int64_t> subject_id;
  int64_t from = 0, to = 0;          // at in [from, to); to 0: no upper bound
  std::optional<int64_t> before_id;  // paging: ids below this, newest first
  int limit = 50;
};

struct QaAutoHitCount {
  std::string rule_code;
  std::optional<int64_t> staff_id;
  int64_t hits = 0;
  int64_t red_line_hits = 0;
};

// A subject (a ticket or a conversation) some rule flagged in a period.
struct QaFlagged {
  std::string subject_kind;  // ticket | conversation
  int64_t subject_id = 0;
  int64_t store_id = 0;
  std::optional<int64_t> staff_id;  // of its latest hit
  int64_t hits = 0;
  int64_t red_line_hits = 0;
  int64_t last_at = 0;
};

class QaAutoHitStore : public Store {
 public:
  static std::unique_ptr<QaAutoHitStore> open(Stores&);

  // False (and nothing written) when the rule already hit that message.
  virtual bool insert_hit(QaAutoHit&) = 0;
  // Newest first (by id, descending).
  virtual std::vector<QaAutoHit> hits(const QaAutoHitQuery&) = 0;
  // Hits per rule and staff member with `at` in [from, to) in the stores (empty: every store).
  virtual std::vector<QaAutoHitCount> hit_counts(const std::vector<int64_t>& store_ids, int64_t from, int64_t to) = 0;
  // The subjects hit in [from, to) in the stores (empty: every store): red lines first, then
  // by number of hits, then the latest; at most `limit`.
  virtual std::vector<QaFlagged> flagged(const std::vector<int64_t>& store_ids, int64_t from, int64_t to,
                                         int limit = 500) = 0;
};

}  // namespace kefu::storage
