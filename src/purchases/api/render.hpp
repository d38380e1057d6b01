#pragma once
// Purchases as JSON.
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "purchases/domain/purchase.hpp"

namespace kefu::api::purchases_render {

nlohmann::json line(const purchase::Line&);
// An order with its lines and totals; `returned` (line id → units given back) adds
// returned_units to each sale line when given.
nlohmann::json order(const purchase::Order&, const std::vector<std::pair<int64_t, int>>* returned = nullptr);

}  // namespace kefu::api::purchases_render
