#pragma once
// Coaching (辅导): from an inspection, an inspector assigns the agent something to study
// for one scorecard item — a case-library entry (src/performance/, by id) or an internal
// knowledge-base article (话术, SOP; kb, by id) — with a due date; the agent acknowledges.
// The agent's next inspection on the same channel kind shows whether the item improved.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "quality/storage/coaching_store.hpp"

namespace kefu::app {

struct CoachingView {
  storage::Coaching coaching;
  std::optional<int> before_x10;              // the item's share in the coached inspection (0 … 1000)
  std::optional<int64_t> next_inspection_id;  // the agent's next final inspection on that channel kind
  std::optional<int> after_x10;               // the item's share there (N/A: none)
  std::optional<bool> improved;               // after > before; equal at full marks counts as improved
};

struct CoachingInput {
  std::string item;
  std::string material_kind;  // case_entry | kb_article
  int64_t material_id = 0;
  std::string note;  // at most 500 characters
  int64_t due_at = 0;
};

// Supervisors and above of the inspection's store, quality:write; the inspection must be
// scored; the item must be on its card. The agent is notified (qa_coaching). Audited.
CoachingView assign_coaching(Context&, int64_t inspection_id, const CoachingInput&);

struct CoachingQuery {
  std::optional<int64_t> store_id;
  std::optional<int64_t> staff_id;
  bool mine = false;  // what agents always get
};

std::vector<CoachingView> list_coaching(Context&, const CoachingQuery&);

// The agent (or an admin for them); once. Audited.
CoachingView acknowledge_coaching(Context&, int64_t id);

// The views of the coaching rows (before/after), for the inspection page too.
std::vector<CoachingView> coaching_views(Context&, const std::vector<storage::Coaching>&);

}  // namespace kefu::app
