#include "quality/domain/inspection_status.hpp"

namespace kefu::quality {

std::string_view move_code(Move m) {
  switch (m) {
    case Move::submit:
      return "submit";
    case Move::acknowledge:
      return "acknowledge";
    case Move::appeal:
      return "appeal";
    case Move::uphold:
      return "uphold";
    case Move::accept:
      return "accept";
  }
  return "";
}

MoveCheck check_move(Status from, Move m, const Who& who, int64_t now_ms, std::optional<int64_t> appeal_due_at) {
  auto refuse = [&](std::string_view code) { return MoveCheck{from, code}; };
  switch (m) {
    case Move::submit:
      if (from != "queued") return refuse("qa_wrong_state");
      if (who.is_agent) return refuse("qa_own_work");
      if (!who.is_inspector) return refuse("forbidden");
      return {"scored", ""};
    case Move::acknowledge:
    case Move::appeal:
      // Whose it is comes first: someone else is refused whatever the state.
      if (!who.is_agent) return refuse("qa_not_yours");
      if (from != "scored") return refuse("qa_wrong_state");
      if (m == Move::acknowledge) return {"acknowledged", ""};
      if (appeal_due_at && now_ms >= *appeal_due_at) return refuse("qa_appeal_closed");
      return {"appealed", ""};
    case Move::uphold:
    case Move::accept:
      if (from != "appealed") return refuse("qa_wrong_state");
      if (who.is_agent) return refuse("qa_own_work");
      if (!who.is_inspector) return refuse("forbidden");
      if (who.first_inspector) return refuse("qa_same_inspector");
      return {m == Move::uphold ? Status("upheld") : Status("rescored"), ""};
  }
  return refuse("qa_wrong_state");
}

bool is_final(Status s) { return s != "queued" && s != "appealed"; }

}  // namespace kefu::quality
