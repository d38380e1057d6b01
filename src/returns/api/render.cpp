// The returns capability's JSON (render.hpp).
#include "returns/api/render.hpp"

#include <algorithm>

#include "core/api/json_io.hpp"
#include "core/domain/errors.hpp"
#include "returns/storage/policy_json.hpp"

namespace kefu::api {
namespace {

json words(const returns::Words& w) { return {{"zh", w.zh}, {"en", w.en}}; }

Error wrong_type(const std::string& field, const char* zh, const char* en) {
  return make_error(errors::kInvalidType, {{"field", field}, {"expected", Text(zh, en)}}, field);
}

const json& object_at(const json& j, const char* key) {
  static const json empty = json::object();
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return empty;
  if (!it->is_object()) throw wrong_type(key, "对象", "an object");
  return *it;
}

const json& array_at(const json& j, const char* key) {
  static const json empty = json::array();
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return empty;
  if (!it->is_array()) throw wrong_type(key, "数组", "an array");
  return *it;
}

returns::Case case_from(const json& j, const std::string& at) {
  if (!j.is_object()) throw wrong_type(at, "对象", "an object");
  auto text = [&](const char* k, const char* fallback) {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return std::string(fallback);
    if (!it->is_string()) throw wrong_type(at + "." + k, "文本", "a string");
    return it->get<std::string>();
  };
  auto number = [&](const char* k) -> int64_t {
    auto it = j.find(k);
    if (it == j.end() || !it->is_number_integer()) throw wrong_type(at + "." + k, "整数", "a whole number");
    return it->get<int64_t>();
  };
  returns::Case c;
  c.category = text("category", "");
  c.condition = text("condition", "unopened");
  c.days = static_cast<int>(std::clamp<int64_t>(number("days"), -1, returns::kMaxDays + 1));
  c.receipt = text("receipt", "yes");
  auto q = j.find("quality_issue");
  if (q != j.end() && !q->is_boolean()) throw wrong_type(at + ".quality_issue", "true 或 false", "true or false");
  c.quality_issue = q != j.end() && q->get<bool>();
  c.tier = text("tier", "normal");
  c.promotion = text("promotion", "none");
  c.paid_fen = number("paid_fen");
  c.decision = text("decision", "");
  c.rule_id = text("rule", "");
  c.refund_fen = number("refund_fen");
  c.note = text("note", "");
  return c;
}

}  // namespace

json render_policy(const app::PolicyInForce& p) {
  json saved = nullptr;
  if (p.saved)
    saved = {{"store_id", p.saved->store_id},
             {"version", p.saved->version},
             {"note", p.saved->note},
             {"created_by", p.saved->created_by},
             {"created_at", p.saved->created_at}};
  return {{"store_id", p.store_id},           {"source_store_id", p.source_store_id},   {"version", p.version},
          {"uses_defaults", p.uses_defaults}, {"rules", storage::rules_json(p.policy)}, {"saved", saved}};
}

json render_version(const storage::PolicyVersion& v) {
  return {{"store_id", v.store_id},
          {"version", v.version},
          {"uses_defaults", v.uses_defaults},
          {"rules", storage::rules_json(v.policy)},
          {"note", v.note},
          {"created_by", v.created_by},
          {"created_at", v.created_at}};
}

json render_verdict(const returns::Verdict& v) {
  const auto& r = v.refund;
  json coupons = json::array(), gifts = json::array(), explanation = json::array();
  for (const auto& c : r.coupons)
    coupons.push_back({{"name", c.name}, {"value_fen", c.value_fen}, {"given_back", c.given_back}});
  for (const auto& g : r.gifts_to_return) gifts.push_back({{"name", g.name}, {"value_fen", g.value_fen}});
  for (const auto& w : r.explanation) explanation.push_back(words(w));
  return {{"decision", v.decision},
          {"remedy", v.remedy},
          {"rule", v.rule_id.empty() ? json(nullptr) : json({{"id", v.rule_id}, {"name", v.rule_name}})},
          {"customer", words(v.customer)},
          {"agent", words(v.agent)},
          {"days", v.days},
          {"approver_role", v.approver_role.empty() ? json(nullptr) : json(v.approver_role)},
          {"refund",
           {{"quantity", r.quantity},
            {"amount_fen", r.amount_fen},
            {"share_fen", r.share_fen},
            {"points_clawback", r.points_clawback},
            {"points_give_back", r.points_give_back},
            {"coupons", coupons},
            {"gifts_to_return", gifts},
            {"explanation", explanation}}}};
}

json render_check(const app::PolicyCheck& check) {
  json results = json::array();
  for (const auto& r : check.results)
    results.push_back({{"pass", r.pass},
                       {"story", words(r.story)},
                       {"decision", r.got.decision},
                       {"rule", r.got.rule_id.empty() ? json(nullptr) : json(r.got.rule_id)},
                       {"refund_fen", r.got.refund.amount_fen}});
  return {{"passed", check.passed}, {"failed", check.failed}, {"results", results}};
}

std::vector<returns::Case> cases_from(const json& body) {
  std::vector<returns::Case> out;
  const auto& cases = array_at(body, "cases");
  for (std::size_t i = 0; i < cases.size() && i <= app::kMaxCheckCases; ++i)
    out.push_back(case_from(cases[i], "cases[" + std::to_string(i) + "]"));
  return out;
}

returns::Line line_from(const json& body) {
  const auto& item = object_at(body, "item");
  returns::Line l;
  l.category = opt_string(item, "category", "other");
  l.brand = opt_string(item, "brand");
  l.promotion = opt_string(item, "promotion", "none");
  l.quantity = maybe_int(item, "quantity").value_or(1);
  l.returned_quantity = maybe_int(item, "returned_quantity").value_or(0);
  l.paid_fen = req_int(item, "paid_fen");
  l.points_earned = maybe_int(item, "points_earned").value_or(0);
  l.points_used = maybe_int(item, "points_used").value_or(0);
  auto at = maybe_time(item, "purchased_at");
  if (!at) throw make_error(errors::kRequired, {{"what", Text("购买时间", "The purchase time")}}, "item.purchased_at");
  l.purchased_at = *at;
  return l;
}

returns::OrderTerms order_from(const json& body) {
  const auto& order = object_at(body, "order");
  returns::OrderTerms o;
  o.open_paid_fen = maybe_int(order, "open_paid_fen");
  for (const auto& c : array_at(order, "coupons")) {
    if (!c.is_object()) throw wrong_type("order.coupons", "对象数组", "an array of objects");
    o.coupons.push_back({opt_string(c, "name"), maybe_int(c, "value_fen").value_or(0)});
  }
  for (const auto& g : array_at(order, "gifts")) {
    if (!g.is_object()) throw wrong_type("order.gifts", "对象数组", "an array of objects");
    o.gifts.push_back(
        {opt_string(g, "name"), maybe_int(g, "value_fen").value_or(0), maybe_int(g, "threshold_fen").value_or(0)});
  }
  return o;
}

}  // namespace kefu::api
