#pragma once
// A request to erase a person's data (删除请求) and the two-person rule that moves it:
// a supervisor (or above) requests, a manager (or above) who is not the requester confirms
// (then the erasure runs in the same transaction and the request is done) or refuses.
//
//   requested ──confirm──▶ confirmed ──finish──▶ done
//       └──────refuse───▶ refused
//
// `confirmed` is the state between the manager's word and the finished erasure; because
// both commit in one transaction it is never seen outside it today, but it stays a state
// so that an erasure run later (a queue) would not change the table's meaning.
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/domain/vocabulary.hpp"
#include "org/domain/role.hpp"

namespace kefu::privacy {

enum class RequestStateCode { requested, confirmed, done, refused };
inline constexpr std::array<Term<RequestStateCode>, 4> kRequestStates{{
    {RequestStateCode::requested, "requested", "待确认", "Requested"},
    {RequestStateCode::confirmed, "confirmed", "已确认", "Confirmed"},
    {RequestStateCode::done, "done", "已删除", "Done"},
    {RequestStateCode::refused, "refused", "已驳回", "Refused"},
}};
using RequestState = Closed<RequestStateCode, kRequestStates>;

enum class Move { request, confirm, refuse, finish };

// Why a move is not allowed (zh, en), or nullopt when it is. `by_requester`: the mover is
// the person who made the request. `finish` is the system's move after an erasure.
struct Refusal {
  std::string zh, en;
};
std::optional<Refusal> check_move(std::optional<RequestState> from, Move move, people::Role mover, bool by_requester);

// The state a move leads to (the move must have passed check_move).
RequestState after(Move move);

}  // namespace kefu::privacy
