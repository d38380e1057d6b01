// The desk returns' JSON (desk_render.hpp).
#include "returns/api/desk_render.hpp"

#include "core/api/json_io.hpp"
#include "purchases/api/render.hpp"
#include "returns/api/render.hpp"
#include "tickets/api/render.hpp"

namespace kefu::api {

using json = nlohmann::json;

json render_desk_order(const app::DeskOrder& d) {
  auto out = purchases_render::order(d.order);
  json lines = json::array();
  for (const auto& l : d.lines) {
    auto j = purchases_render::line(l.line);
    j["returned_units"] = l.returned;
    j["pending_units"] = l.pending;
    j["remaining_units"] = l.remaining;
    lines.push_back(j);
  }
  out["lines"] = lines;
  return out;
}

json render_return(const returns::ReturnRecord& r) {
  return {{"id", r.id},
          {"ticket_id", r.ticket_id},
          {"store_id", r.store_id},
          {"order_id", r.order_id},
          {"line_id", r.line_id},
          {"member_id", or_null(r.member_id)},
          {"category", r.category},
          {"brand", r.brand},
          {"quantity", r.quantity},
          {"reason", r.reason},
          {"note", r.note},
          {"condition", r.condition},
          {"receipt", r.receipt},
          {"decision", r.decision},
          {"rule_id", r.rule_id.empty() ? json(nullptr) : json(r.rule_id)},
          {"rule_words", r.rule_words},
          {"remedy", r.remedy},
          {"share_fen", r.share_fen},
          {"refund_fen", r.refund_fen},
          {"points_clawed_back", r.points_clawed_back},
          {"points_restored", r.points_restored},
          {"coupon_returned_fen", r.coupon_returned_fen},
          {"gifts_to_return", r.gifts_to_return},
          {"state", r.state},
          {"remedy_id", or_null(r.remedy_id)},
          {"return_order_id", or_null(r.return_order_id)},
          {"override_reason", r.override_reason.empty() ? json(nullptr) : json(r.override_reason)},
          {"staff_id", r.staff_id},
          {"created_at", r.created_at},
          {"decided_at", or_null(r.decided_at)}};
}

json render_desk_outcome(const app::DeskOutcome& o) {
  const json tier = o.tier.empty() ? json(nullptr) : json(o.tier);
  auto verdict = render_verdict(o.verdict);
  verdict["tier"] = tier;
  verdict["policy"] = {{"version", o.policy_version}, {"uses_defaults", o.policy_defaults}};
  json out = {{"verdict", verdict},
              {"tier", tier},
              {"return", o.record ? render_return(*o.record) : json(nullptr)},
              {"ticket", o.ticket ? render(*o.ticket) : json(nullptr)},
              {"resolution_status", o.remedy_status.empty() ? json(nullptr) : json(o.remedy_status)}};
  return out;
}

json render_returns_report(const app::ReturnsReport& r) {
  json groups = json::array(), reasons = json::array();
  int64_t sold_units = 0, sold_fen = 0, returned_units = 0, refunded_fen = 0, count = 0;
  auto rate = [](int64_t part, int64_t whole) {
    return whole > 0 ? json(static_cast<double>(part) / whole) : json(nullptr);
  };
  for (const auto& g : r.groups) {
    groups.push_back({{"key", g.key},
                      {"sold_units", g.sold_units},
                      {"sold_fen", g.sold_fen},
                      {"returned_units", g.returned_units},
                      {"refunded_fen", g.refunded_fen},
                      {"returns", g.returns},
                      {"unit_rate", rate(g.returned_units, g.sold_units)},
                      {"amount_rate", rate(g.refunded_fen, g.sold_fen)}});
    sold_units += g.sold_units;
    sold_fen += g.sold_fen;
    returned_units += g.returned_units;
    refunded_fen += g.refunded_fen;
    count += g.returns;
  }
  for (const auto& x : r.reasons)
    reasons.push_back({{"key", x.key}, {"reason", x.reason}, {"returns", x.returns}, {"units", x.units}});
  return {{"from", r.query.from},
          {"to", r.query.to},
          {"by", r.query.by},
          {"totals",
           {{"sold_units", sold_units},
            {"sold_fen", sold_fen},
            {"returned_units", returned_units},
            {"refunded_fen", refunded_fen},
            {"returns", count},
            {"unit_rate", rate(returned_units, sold_units)},
            {"amount_rate", rate(refunded_fen, sold_fen)}}},
          {"groups", groups},
          {"reasons", reasons}};
}

}  // namespace kefu::api
