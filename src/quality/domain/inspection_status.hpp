#pragma once
// An inspection's status machine (质检状态), pure: who may make which move from which
// state, and where it leads.
//
//   queued   ─submit (an inspector, not the agent)──────────────▶ scored
//   scored   ─acknowledge (the agent)───────────────────────────▶ acknowledged
//   scored   ─appeal (the agent, before appeal_due_at)──────────▶ appealed
//   appealed ─uphold (an inspector other than the first)────────▶ upheld    (the score stands)
//   appealed ─accept (an inspector other than the first)────────▶ rescored  (scored again)
//
// Anything else is refused with the code of the reason (errors.hpp); for the agent's moves
// someone else is refused (qa_not_yours) whatever the state. A scored inspection
// nobody acknowledged or appealed in time simply stays scored; its score counts all the
// same (a final score is any but queued and appealed).
#include <cstdint>
#include <optional>
#include <string_view>

#include "quality/domain/vocabulary.hpp"

namespace kefu::quality {

enum class Move { submit, acknowledge, appeal, uphold, accept };
std::string_view move_code(Move);

struct Who {
  bool is_agent = false;         // the agent whose work is inspected
  bool is_inspector = false;     // may inspect (supervisor and above, quality:write)
  bool first_inspector = false;  // scored it first
};

struct MoveCheck {
  Status next;
  std::string_view refusal;  // "" when allowed, else an error code (errors.hpp)
};

MoveCheck check_move(Status from, Move, const Who&, int64_t now_ms, std::optional<int64_t> appeal_due_at);

// Whether a score in this state counts in results and summaries.
bool is_final(Status);

}  // namespace kefu::quality
