#pragma once
// Vocabulary values in JSON (timeline details, audit snapshots, API bodies): the code.
#include <nlohmann/json.hpp>

#include "core/domain/vocabulary.hpp"

namespace kefu {

template <class E, const auto& kTerms>
void to_json(nlohmann::json& j, Closed<E, kTerms> v) {
  j = v.code();
}

}  // namespace kefu
