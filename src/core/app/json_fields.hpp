#pragma once
// Field visitors (e.g. tickets/domain/fields.hpp) into nlohmann::json: an object with
// every field, or with the listed ones only. Empty optionals are null, vocabulary values
// their codes.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string_view>

#include "core/app/vocabulary_json.hpp"

namespace kefu::app {

template <class T>
nlohmann::json fields_json(const T& value, std::span<const std::string_view> only = {}) {
  nlohmann::json out = nlohmann::json::object();
  for_each_field(value, [&](std::string_view name, const auto& v) {
    if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) return;
    using V = std::decay_t<decltype(v)>;
    if constexpr (std::is_same_v<V, std::optional<int64_t>>)
      out[std::string(name)] = v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    else
      out[std::string(name)] = v;
  });
  return out;
}

}  // namespace kefu::app
