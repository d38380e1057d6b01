#include "sla/storage/sla_json.hpp"

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "sla/storage/sla_config_store.hpp"

namespace kefu::storage {
namespace {

using nlohmann::json;

Error shape(const std::string& field, const char* expected_zh, const char* expected_en) {
  return make_error(errors::kInvalidType, {{"field", field}, {"expected", Text(expected_zh, expected_en)}}, field);
}

Error unknown(const std::string& field, const std::string& value) {
  return make_error(errors::kInvalidEnum, {{"field", field}, {"value", value}}, field);
}

const json& object_at(const json& j, const std::string& field) {
  if (!j.is_object()) throw shape(field, "对象", "an object");
  return j;
}

std::string string_at(const json& j, const char* key, const std::string& field) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) throw shape(field + "." + key, "字符串", "a string");
  return it->get<std::string>();
}

int64_t int_at(const json& j, const char* key, const std::string& field) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) throw shape(field + "." + key, "整数", "an integer");
  return it->get<int64_t>();
}

template <typename T>
std::optional<std::vector<T>> list_at(const json& j, const char* key, const std::string& field) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  const std::string f = field + "." + key;
  if (!it->is_array()) throw shape(f, "数组", "an array");
  std::vector<T> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& v = (*it)[i];
    if constexpr (std::is_same_v<T, std::string>) {
      if (!v.is_string()) throw shape(f + "[" + std::to_string(i) + "]", "字符串", "a string");
      out.push_back(v.get<std::string>());
    } else {
      if (!v.is_number_integer()) throw shape(f + "[" + std::to_string(i) + "]", "整数", "an integer");
      out.push_back(v.get<int64_t>());
    }
  }
  return out;
}

template <typename T>
void put_list(json& j, const char* key, const std::optional<std::vector<T>>& v) {
  if (v) j[key] = *v;
}

}  // namespace

json to_json(const sla::Targets& t) {
  json j = json::object();
  for (auto m : sla::kMetrics)
    if (t[m]) j[std::string(sla::name(m))] = {{"minutes", t[m]->minutes}, {"mode", sla::name(t[m]->mode)}};
  return j;
}

json to_json(const sla::Conditions& c) {
  json j = json::object();
  put_list(j, "types", c.types);
  put_list(j, "priorities", c.priorities);
  put_list(j, "channels", c.channels);
  put_list(j, "store_ids", c.store_ids);
  put_list(j, "member_tiers", c.member_tiers);
  put_list(j, "care_flags", c.care_flags);
  if (c.min_member_value_fen) j["min_member_value_fen"] = *c.min_member_value_fen;
  if (c.member_at_risk) j["member_at_risk"] = *c.member_at_risk;
  return j;
}

json to_json(const sla::Ladder& ladder) {
  json a = json::array();
  for (const auto& s : ladder)
    a.push_back({{"anchor", sla::name(s.anchor)}, {"value", s.value}, {"notify", sla::name(s.notify)}});
  return a;
}

json to_json(const std::vector<sla::Hours>& hours) {
  json a = json::array();
  for (const auto& h : hours) a.push_back({{"open", h.open}, {"close", h.close}});
  return a;
}

json to_json(const SlaPolicyRecord& r) {
  return {{"id", r.policy.id},
          {"name", r.policy.name},
          {"position", r.policy.position},
          {"conditions", to_json(r.policy.conditions)},
          {"targets", to_json(r.policy.targets)},
          {"ladder", to_json(r.ladder)},
          {"active", r.active},
          {"updated_at", r.updated_at},
          {"version", r.version}};
}

json to_json(const std::vector<people::OpeningPeriod>& weekly) {
  json a = json::array();
  for (const auto& p : weekly) a.push_back({{"weekday", p.weekday}, {"open", p.open}, {"close", p.close}});
  return a;
}

json to_json(const sla::CalendarSpec& s) {
  json days = json::array();
  for (const auto& d : s.special_days)
    days.push_back({{"date", d.date}, {"name", d.name}, {"hours", to_json(d.hours)}});
  return {{"time_zone", s.time_zone}, {"weekly", to_json(s.weekly)}, {"special_days", days}};
}

sla::Targets targets_from(const json& j, const std::string& field) {
  object_at(j, field);
  sla::Targets t;
  for (auto& [key, v] : j.items()) {
    auto metric = sla::metric_from(key);
    if (!metric) throw unknown(field + "." + key, key);
    if (v.is_null()) continue;
    const std::string f = field + "." + key;
    object_at(v, f);
    sla::Target target{int_at(v, "minutes", f), sla::TimeMode::business};
    if (v.contains("mode")) {
      auto mode_text = string_at(v, "mode", f);
      auto mode = sla::time_mode_from(mode_text);
      if (!mode) throw unknown(f + ".mode", mode_text);
      target.mode = *mode;
    }
    t[*metric] = target;
  }
  return t;
}

sla::Conditions conditions_from(const json& j, const std::string& field) {
  sla::Conditions c;
  if (j.is_null()) return c;
  object_at(j, field);
  for (auto& [key, v] : j.items()) {
    static const char* known[] = {"types",      "priorities",           "channels",      "store_ids", "member_tiers",
                                  "care_flags", "min_member_value_fen", "member_at_risk"};
    if (std::find(std::begin(known), std::end(known), key) == std::end(known)) throw unknown(field + "." + key, key);
  }
  c.types = list_at<std::string>(j, "types", field);
  c.priorities = list_at<std::string>(j, "priorities", field);
  c.channels = list_at<std::string>(j, "channels", field);
  c.store_ids = list_at<int64_t>(j, "store_ids", field);
  c.member_tiers = list_at<std::string>(j, "member_tiers", field);
  c.care_flags = list_at<std::string>(j, "care_flags", field);
  if (j.contains("min_member_value_fen") && !j["min_member_value_fen"].is_null())
    c.min_member_value_fen = int_at(j, "min_member_value_fen", field);
  if (j.contains("member_at_risk") && !j["member_at_risk"].is_null()) {
    if (!j["member_at_risk"].is_boolean()) throw shape(field + ".member_at_risk", "布尔值", "a boolean");
    c.member_at_risk = j["member_at_risk"].get<bool>();
  }
  return c;
}

sla::Ladder ladder_from(const json& j, const std::string& field) {
  sla::Ladder ladder;
  if (j.is_null()) return ladder;
  if (!j.is_array()) throw shape(field, "数组", "an array");
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string f = field + "[" + std::to_string(i) + "]";
    object_at(j[i], f);
    auto anchor_text = string_at(j[i], "anchor", f);
    auto notify_text = string_at(j[i], "notify", f);
    auto anchor = sla::anchor_from(anchor_text);
    auto notify = sla::notify_from(notify_text);
    if (!anchor) throw unknown(f + ".anchor", anchor_text);
    if (!notify) throw unknown(f + ".notify", notify_text);
    ladder.push_back({*anchor, int_at(j[i], "value", f), *notify});
  }
  return ladder;
}

std::vector<sla::Hours> hours_from(const json& j, const std::string& field) {
  std::vector<sla::Hours> out;
  if (!j.is_array()) throw shape(field, "数组", "an array");
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string f = field + "[" + std::to_string(i) + "]";
    object_at(j[i], f);
    out.push_back({string_at(j[i], "open", f), string_at(j[i], "close", f)});
  }
  return out;
}

}  // namespace kefu::storage
