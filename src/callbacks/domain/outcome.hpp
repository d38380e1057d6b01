#pragma once
// What a callback (回访) found.
#include <array>

#include "core/domain/vocabulary.hpp"

namespace kefu::csat {

enum class OutcomeCode { satisfied, not_satisfied, unreachable };
inline constexpr std::array<Term<OutcomeCode>, 3> kOutcomes{{
    {OutcomeCode::satisfied, "satisfied", "满意", "Satisfied"},
    {OutcomeCode::not_satisfied, "not_satisfied", "不满意", "Not satisfied"},
    {OutcomeCode::unreachable, "unreachable", "联系不上", "Unreachable"},
}};
using Outcome = Closed<OutcomeCode, kOutcomes>;

}  // namespace kefu::csat
