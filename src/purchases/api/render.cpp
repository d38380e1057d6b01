#include "purchases/api/render.hpp"

#include "core/api/json_io.hpp"

namespace kefu::api::purchases_render {

nlohmann::json line(const purchase::Line& l) {
  return {{"id", l.id},
          {"line_no", l.line_no},
          {"counter", l.counter},
          {"brand", l.brand},
          {"sku", l.sku},
          {"name", l.name},
          {"category", l.category},
          {"quantity", l.quantity},
          {"unit_price_fen", l.unit_price_fen},
          {"line_discount_fen", l.line_discount_fen},
          {"discount_share_fen", l.discount_share_fen},
          {"paid_fen", l.paid_fen},
          {"promotion", l.promotion},
          {"gift", l.gift},
          {"original_line_id", or_null(l.original_line_id)}};
}

nlohmann::json order(const purchase::Order& o, const std::vector<std::pair<int64_t, int>>* returned) {
  auto lines = nlohmann::json::array();
  for (const auto& l : o.lines) {
    auto j = line(l);
    if (returned)
      for (const auto& [id, units] : *returned)
        if (id == l.id) j["returned_units"] = units;
    lines.push_back(std::move(j));
  }
  return {{"id", o.id},
          {"store_id", o.store_id},
          {"receipt_no", o.receipt_no},
          {"member_id", or_null(o.member_id)},
          {"sold_at", o.sold_at},
          {"payment", o.payment},
          {"order_discount_fen", o.order_discount_fen},
          {"coupon_fen", o.coupon_fen},
          {"points_used", o.points_used},
          {"points_earned", o.points_earned},
          {"promotion", o.promotion},
          {"source", o.source},
          {"created_at", o.created_at},
          {"gross_fen", o.gross_fen()},
          {"paid_fen", o.paid_fen()},
          {"lines", lines}};
}

}  // namespace kefu::api::purchases_render
