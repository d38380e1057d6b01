// Quality documents as JSON (qa_json.hpp).
#include "quality/storage/qa_json.hpp"

#include <algorithm>

#include "core/domain/errors.hpp"

namespace kefu::storage {
namespace {

using nlohmann::json;

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

int whole(const json& j, const char* key, const std::string& at, int fallback) {
  auto* v = member(j, key);
  if (!v) return fallback;
  if (!v->is_number_integer()) throw wrong_type(at + "." + key, "整数", "a whole number");
  return static_cast<int>(std::clamp<int64_t>(v->get<int64_t>(), -1, 100000));  // validate() names the range
}

const json& array(const json& j, const std::string& field) {
  if (!j.is_array()) throw wrong_type(field, "数组", "an array");
  return j;
}

const json& object_at(const json& j, const std::string& field) {
  if (!j.is_object()) throw wrong_type(field, "对象", "an object");
  return j;
}

}  // namespace

json items_json(const std::vector<quality::Item>& items) {
  json out = json::array();
  for (const auto& i : items)
    out.push_back({{"id", i.id},
                   {"name", i.name},
                   {"description", i.description},
                   {"weight", i.weight},
                   {"red_line", i.red_line}});
  return out;
}

json marks_json(const std::vector<quality::Mark>& marks) {
  json out = json::array();
  for (const auto& m : marks) out.push_back({{"item", m.item}, {"result", m.result.code()}, {"points", m.points}});
  return out;
}

json settings_json(const quality::Settings& s) {
  return {{"appeal_days", s.appeal_days},
          {"sampling",
           {{"per_agent", s.sampling.per_agent},
            {"extra_low_csat", s.sampling.extra_low_csat},
            {"extra_complaint", s.sampling.extra_complaint},
            {"extra_reopened", s.sampling.extra_reopened},
            {"max_flagged", s.sampling.max_flagged}}}};
}

std::vector<quality::Item> items_from_json(const json& j, const std::string& field) {
  std::vector<quality::Item> out;
  for (std::size_t i = 0; i < array(j, field).size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    const auto& e = object_at(j[i], at);
    quality::Item item{str(e, "id", at), str(e, "name", at), str(e, "description", at), whole(e, "weight", at, 0),
                       false};
    if (auto* r = member(e, "red_line")) {
      if (!r->is_boolean()) throw wrong_type(at + ".red_line", "true 或 false", "true or false");
      item.red_line = r->get<bool>();
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<quality::Mark> marks_from_json(const json& j, const std::string& field) {
  std::vector<quality::Mark> out;
  for (std::size_t i = 0; i < array(j, field).size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    const auto& e = object_at(j[i], at);
    auto result = quality::Result::parse(str(e, "result", at));
    if (!result)
      throw make_error(errors::kInvalidEnum, {{"field", at + ".result"}, {"value", str(e, "result", at)}},
                       at + ".result");
    out.push_back({str(e, "item", at), *result, whole(e, "points", at, 0)});
  }
  return out;
}

quality::Settings settings_from_json(const json& j) {
  quality::Settings s;
  const auto& o = object_at(j, "settings");
  s.appeal_days = whole(o, "appeal_days", "settings", s.appeal_days);
  if (auto* p = member(o, "sampling")) {
    const auto& sp = object_at(*p, "sampling");
    auto& r = s.sampling;
    r.per_agent = whole(sp, "per_agent", "sampling", r.per_agent);
    r.extra_low_csat = whole(sp, "extra_low_csat", "sampling", r.extra_low_csat);
    r.extra_complaint = whole(sp, "extra_complaint", "sampling", r.extra_complaint);
    r.extra_reopened = whole(sp, "extra_reopened", "sampling", r.extra_reopened);
    r.max_flagged = whole(sp, "max_flagged", "sampling", r.max_flagged);
  }
  return s;
}

}  // namespace kefu::storage
