#include "performance/storage/rules_json.hpp"

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::performance {
namespace {

Error bad(const std::string& field, Text problem) {
  return make_error(errors::kInvalidField, {{"field", field}, {"problem", std::move(problem)}}, field);
}

double number(const nlohmann::json& o, const char* key, const std::string& at) {
  auto it = o.find(key);
  if (it == o.end() || !it->is_number()) throw bad(at + "." + key, Text("须为数字", "must be a number"));
  return it->get<double>();
}

int64_t integer(const nlohmann::json& o, const char* key, const std::string& at, int64_t fallback) {
  auto it = o.find(key);
  if (it == o.end()) return fallback;
  if (!it->is_number_integer()) throw bad(at + "." + key, Text("须为整数", "must be an integer"));
  return it->get<int64_t>();
}

}  // namespace

nlohmann::json kpi_rules_json(const KpiRules& rules) {
  auto out = nlohmann::json::array();
  for (const auto& r : rules)
    out.push_back({{"measure", r.measure.code()}, {"weight", r.weight}, {"target", r.target}});
  return out;
}

nlohmann::json bonus_rules_json(const BonusRules& r) {
  auto bands = nlohmann::json::array();
  for (const auto& b : r.bands) bands.push_back({{"min_score", b.min_score}, {"percent", b.percent}});
  return {{"mode", r.pool ? "pool" : "base"},
          {"base_fen", r.base_fen},
          {"pool_fen", r.pool_fen},
          {"bands", bands},
          {"per_praise_fen", r.per_praise_fen},
          {"per_complaint_fen", r.per_complaint_fen},
          {"cap_fen", r.cap_fen}};
}

KpiRules kpi_rules_from(const nlohmann::json& j) {
  if (!j.is_array()) throw bad("kpi", Text("须为列表", "must be an array"));
  KpiRules out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string at = "kpi[" + std::to_string(i) + "]";
    const auto& o = j[i];
    if (!o.is_object()) throw bad(at, Text("须为对象", "must be an object"));
    auto m = o.contains("measure") && o["measure"].is_string() ? Measure::parse(o["measure"].get<std::string>())
                                                               : std::nullopt;
    if (!m) throw bad(at + ".measure", Text("未知的指标", "unknown measure"));
    const int64_t w = integer(o, "weight", at, -1);
    if (w < 0 || w > 100) throw bad(at + ".weight", Text("权重须为 0 到 100", "must be 0 .. 100"));
    out.push_back({*m, static_cast<int>(w), number(o, "target", at)});
  }
  return out;
}

BonusRules bonus_rules_from(const nlohmann::json& j) {
  if (!j.is_object()) throw bad("bonus", Text("须为对象", "must be an object"));
  BonusRules r = default_bonus_rules();
  if (j.contains("mode")) {
    const auto& m = j["mode"];
    if (!m.is_string() || (m != "pool" && m != "base"))
      throw bad("bonus.mode", Text("须为 base 或 pool", "base or pool"));
    r.pool = m == "pool";
  }
  r.base_fen = integer(j, "base_fen", "bonus", r.base_fen);
  r.pool_fen = integer(j, "pool_fen", "bonus", r.pool_fen);
  r.per_praise_fen = integer(j, "per_praise_fen", "bonus", r.per_praise_fen);
  r.per_complaint_fen = integer(j, "per_complaint_fen", "bonus", r.per_complaint_fen);
  r.cap_fen = integer(j, "cap_fen", "bonus", r.cap_fen);
  if (j.contains("bands")) {
    const auto& b = j["bands"];
    if (!b.is_array()) throw bad("bonus.bands", Text("须为列表", "must be an array"));
    r.bands.clear();
    for (std::size_t i = 0; i < b.size(); ++i) {
      const std::string at = "bonus.bands[" + std::to_string(i) + "]";
      if (!b[i].is_object()) throw bad(at, Text("须为对象", "must be an object"));
      const int64_t pct = integer(b[i], "percent", at, -1);
      if (pct < 0 || pct > 500) throw bad(at + ".percent", Text("比例须为 0 到 500", "must be 0 .. 500"));
      r.bands.push_back({number(b[i], "min_score", at), static_cast<int>(pct)});
    }
  }
  return r;
}

}  // namespace kefu::performance
