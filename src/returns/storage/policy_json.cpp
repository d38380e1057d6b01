// A returns policy as JSON (policy_json.hpp).
#include "returns/storage/policy_json.hpp"

#include <algorithm>

#include "core/domain/errors.hpp"

namespace kefu::storage {
namespace {

using nlohmann::json;
using returns::Rule;

Error wrong_type(const std::string& field, const char* zh, const char* en) {
  return make_error(errors::kInvalidType, {{"field", field}, {"expected", Text(zh, en)}}, field);
}

const json* member(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

std::string str(const json& j, const char* key, const std::string& at) {
  auto* v = member(j, key);
  if (!v) return {};
  if (!v->is_string()) throw wrong_type(at + "." + key, "文本", "a string");
  return v->get<std::string>();
}

std::optional<bool> opt_bool(const json& j, const char* key, const std::string& at) {
  auto* v = member(j, key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) throw wrong_type(at + "." + key, "true、false 或 null", "true, false or null");
  return v->get<bool>();
}

std::optional<int> opt_days(const json& j, const char* key, const std::string& at) {
  auto* v = member(j, key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) throw wrong_type(at + "." + key, "整数或 null", "a whole number or null");
  auto n = v->get<int64_t>();
  return static_cast<int>(std::clamp<int64_t>(n, -1, returns::kMaxDays + 1));  // validate() names the range
}

std::vector<std::string> strings(const json& j, const char* key, const std::string& at) {
  auto* v = member(j, key);
  if (!v) return {};
  if (!v->is_array()) throw wrong_type(at + "." + key, "文本数组", "an array of strings");
  std::vector<std::string> out;
  for (const auto& e : *v) {
    if (!e.is_string()) throw wrong_type(at + "." + key, "文本数组", "an array of strings");
    out.push_back(e.get<std::string>());
  }
  return out;
}

std::vector<int64_t> ids(const json& j, const char* key, const std::string& at) {
  auto* v = member(j, key);
  if (!v) return {};
  if (!v->is_array()) throw wrong_type(at + "." + key, "整数数组", "an array of whole numbers");
  std::vector<int64_t> out;
  for (const auto& e : *v) {
    if (!e.is_number_integer()) throw wrong_type(at + "." + key, "整数数组", "an array of whole numbers");
    out.push_back(e.get<int64_t>());
  }
  return out;
}

const json& object(const json& j, const char* key, const std::string& at) {
  static const json empty = json::object();
  auto* v = member(j, key);
  if (!v) return empty;
  if (!v->is_object()) throw wrong_type(at + "." + key, "对象", "an object");
  return *v;
}

returns::Words words(const json& j, const char* key, const std::string& at) {
  const auto& w = object(j, key, at);
  return {str(w, "zh", at + "." + key), str(w, "en", at + "." + key)};
}

json opt(const std::optional<bool>& v) { return v ? json(*v) : json(nullptr); }
json opt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

Rule rule_from(const json& j, const std::string& at) {
  if (!j.is_object()) throw wrong_type(at, "对象", "an object");
  Rule r;
  r.id = str(j, "id", at);
  r.name = str(j, "name", at);
  r.enabled = opt_bool(j, "enabled", at).value_or(true);
  const auto& s = object(j, "scope", at);
  r.scope = {strings(s, "categories", at + ".scope"), strings(s, "brands", at + ".scope"),
             ids(s, "store_ids", at + ".scope"), strings(s, "tiers", at + ".scope")};
  const auto& m = object(j, "match", at);
  r.match = {strings(m, "conditions", at + ".match"), opt_bool(m, "quality_issue", at + ".match"),
             opt_bool(m, "receipt", at + ".match"), opt_days(m, "max_days", at + ".match"),
             strings(m, "promotions", at + ".match")};
  const auto& o = object(j, "outcome", at);
  r.outcome = {str(o, "decision", at + ".outcome"), str(o, "remedy", at + ".outcome"),
               words(o, "customer", at + ".outcome"), words(o, "agent", at + ".outcome")};
  return r;
}

}  // namespace

json rule_json(const Rule& r) {
  return {{"id", r.id},
          {"name", r.name},
          {"enabled", r.enabled},
          {"scope",
           {{"categories", r.scope.categories},
            {"brands", r.scope.brands},
            {"store_ids", r.scope.store_ids},
            {"tiers", r.scope.tiers}}},
          {"match",
           {{"conditions", r.match.conditions},
            {"quality_issue", opt(r.match.quality_issue)},
            {"receipt", opt(r.match.receipt)},
            {"max_days", opt(r.match.max_days)},
            {"promotions", r.match.promotions}}},
          {"outcome",
           {{"decision", r.outcome.decision},
            {"remedy", r.outcome.remedy},
            {"customer", {{"zh", r.outcome.customer.zh}, {"en", r.outcome.customer.en}}},
            {"agent", {{"zh", r.outcome.agent.zh}, {"en", r.outcome.agent.en}}}}}};
}

json rules_json(const returns::Policy& p) {
  json out = json::array();
  for (const auto& r : p.rules) out.push_back(rule_json(r));
  return out;
}

returns::Policy policy_from_json(const json& rules, const std::string& field) {
  if (!rules.is_array()) throw wrong_type(field, "规则数组", "an array of rules");
  returns::Policy p;
  for (std::size_t i = 0; i < rules.size() && i <= returns::kMaxRules; ++i)
    p.rules.push_back(rule_from(rules[i], field + "[" + std::to_string(i) + "]"));
  return p;
}

}  // namespace kefu::storage
