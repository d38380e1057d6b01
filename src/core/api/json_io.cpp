#include "core/api/json_io.hpp"

#include <date/date.h>

#include <charconv>
#include <sstream>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::api {
namespace {

Error wrong_type(const char* field, const char* want_zh, const char* want_en) {
  return make_error(errors::kInvalidType, {{"field", field}, {"expected", Text(want_zh, want_en)}}, field);
}

Error missing(const char* field) { return make_error(errors::kRequired, {{"what", field}}, field); }

std::optional<int64_t> to_int(std::string_view s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

namespace {

bool is_json_type(std::string_view type) {
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  std::string lower(type);
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return lower == "application/json" || (lower.starts_with("application/") && lower.ends_with("+json"));
}

}  // namespace

json parse_object(const http::Request& req, bool allow_empty) {
  if (req.body.empty() && allow_empty) return json::object();
  // Only JSON is JSON: a cross-site form can send text/plain without asking the browser
  // first, so a body in any other type is refused before it is read.
  if (!req.body.empty() && !is_json_type(req.header("content-type"))) throw make_error(errors::kJsonRequired);
  json j;
  try {
    j = json::parse(req.body);
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    if (what.find("UTF-8") != std::string::npos)
      throw make_error(errors::kInvalidUtf8, {{"what", Text("请求正文", "the body")}}, "body");
    throw make_error(errors::kInvalidJson, {}, "body");
  }
  if (!j.is_object())
    throw make_error(errors::kInvalidJson, {{"problem", Text("应为 JSON 对象", "it must be a JSON object")}}, "body");
  return j;
}

std::string req_string(const json& j, const char* f) {
  auto v = maybe_string(j, f);
  if (!v) throw missing(f);
  return *v;
}

std::string opt_string(const json& j, const char* f, std::string fallback) {
  return maybe_string(j, f).value_or(std::move(fallback));
}

std::optional<std::string> maybe_string(const json& j, const char* f) {
  auto it = j.find(f);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw wrong_type(f, "字符串", "a string");
  return it->get<std::string>();
}

int64_t req_int(const json& j, const char* f) {
  auto v = maybe_int(j, f);
  if (!v) throw missing(f);
  return *v;
}

std::optional<int64_t> maybe_int(const json& j, const char* f) {
  auto it = j.find(f);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) throw wrong_type(f, "整数", "an integer");
  return it->get<int64_t>();
}

std::optional<std::optional<int64_t>> patch_int(const json& j, const char* f) {
  auto it = j.find(f);
  if (it == j.end()) return std::nullopt;
  if (it->is_null()) return std::optional<int64_t>{};
  return maybe_int(j, f);
}

std::vector<std::string> string_list(const json& j, const char* f) {
  std::vector<std::string> out;
  auto it = j.find(f);
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_array()) throw wrong_type(f, "字符串数组", "an array of strings");
  for (const auto& v : *it) {
    if (!v.is_string()) throw wrong_type(f, "字符串数组", "an array of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::vector<int64_t> int_list(const json& j, const char* f) {
  std::vector<int64_t> out;
  auto it = j.find(f);
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_array()) throw wrong_type(f, "整数数组", "an array of integers");
  for (const auto& v : *it) {
    if (!v.is_number_integer()) throw wrong_type(f, "整数数组", "an array of integers");
    out.push_back(v.get<int64_t>());
  }
  return out;
}

int64_t parse_time(const std::string& field, const std::string& text) {
  if (auto ms = to_int(text)) return *ms;
  std::istringstream in(text);
  date::sys_time<std::chrono::milliseconds> tp;
  for (const char* fmt : {"%FT%T%Ez", "%FT%TZ", "%F"}) {
    in.clear();
    in.str(text);
    in >> date::parse(fmt, tp);
    if (!in.fail()) {
      // A bare date means midnight in China (UTC+8), the stores' default zone.
      if (std::string(fmt) == "%F") tp -= std::chrono::hours(8);
      return tp.time_since_epoch().count();
    }
  }
  throw make_error(errors::kInvalidTime,
                   {{"what", field},
                    {"problem", Text("应为毫秒时间戳或 RFC 3339 时间", "it must be epoch milliseconds or RFC 3339")}},
                   field);
}

std::optional<int64_t> maybe_time(const json& j, const char* f) {
  auto it = j.find(f);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (it->is_number_integer()) return it->get<int64_t>();
  if (it->is_string()) return parse_time(f, it->get<std::string>());
  throw wrong_type(f, "时间", "a time");
}

int64_t parse_int_text(const char* field, std::string_view text) {
  auto v = to_int(text);
  if (!v) throw wrong_type(field, "整数", "an integer");
  return *v;
}

int64_t path_id(const http::Request& req, const char* name) {
  auto it = req.params.find(name);
  auto v = it == req.params.end() ? std::nullopt : to_int(it->second);
  if (!v || *v <= 0) throw make_error(errors::kNotFound, {{"what", Text("资源", "resource")}});
  return *v;
}

std::optional<int64_t> query_int(const http::Request& req, const char* name) {
  if (!req.has_query(name)) return std::nullopt;
  auto v = to_int(req.query_value(name));
  if (!v) throw wrong_type(name, "整数", "an integer");
  return v;
}

std::optional<int64_t> query_time(const http::Request& req, const char* name) {
  if (!req.has_query(name)) return std::nullopt;
  return parse_time(name, req.query_value(name));
}

std::vector<std::string> query_list(const http::Request& req, const char* name) {
  std::vector<std::string> out;
  auto [b, e] = req.query.equal_range(name);
  for (auto it = b; it != e; ++it) {
    std::stringstream in(it->second);
    for (std::string part; std::getline(in, part, ',');)
      if (!part.empty()) out.push_back(part);
  }
  return out;
}

}  // namespace kefu::api
