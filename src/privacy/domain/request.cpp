#include "privacy/domain/request.hpp"

namespace kefu::privacy {

std::optional<Refusal> check_move(std::optional<RequestState> from, Move move, people::Role mover, bool by_requester) {
  switch (move) {
    case Move::request:
      if (mover.rank() < people::Role("supervisor").rank())
        return Refusal{"须由主管或以上提出", "a supervisor or above must request it"};
      return std::nullopt;
    case Move::confirm:
    case Move::refuse:
      if (!from || *from != "requested") return Refusal{"只能处理待确认的请求", "only a requested one can be decided"};
      if (mover.rank() < people::Role("manager").rank())
        return Refusal{"须由经理或以上确认或驳回", "a manager or above must decide it"};
      if (by_requester && move == Move::confirm)
        return Refusal{"提出人不能自己确认（双人复核）", "the requester cannot confirm it (two-person rule)"};
      return std::nullopt;
    case Move::finish:
      if (!from || *from != "confirmed") return Refusal{"尚未确认", "it is not confirmed"};
      return std::nullopt;
  }
  return Refusal{"未知操作", "unknown move"};
}

RequestState after(Move move) {
  switch (move) {
    case Move::request:
      return "requested";
    case Move::confirm:
      return "confirmed";
    case Move::refuse:
      return "refused";
    case Move::finish:
      return "done";
  }
  return "requested";
}

}  // namespace kefu::privacy
