#include "core/api/json_io.hpp"

#include <date/date.h>

#include <charconv>
#include <chrono>
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
  } catch (const json::exception&) {
    // E.g. out_of_range 406: a number beyond a double's range (1e999).
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

std::optional<bool> maybe_bool(const json& j, const char* f) {
  auto it = j.find(f);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) throw wrong_type(f, "true 或 false", "true or false");
  return it->get<bool>();
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

namespace {

// Reads exactly `n` digits at `pos` (advancing it); nullopt otherwise.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  pos += n;
  return v;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

// "YYYY-MM-DD" (midnight in China, UTC+8) or "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)"
// (RFC 3339), as epoch milliseconds; nullopt for anything else, including trailing text
// and values out of range (month 13, February 30, hour 24, offset +24:00).
std::optional<int64_t> rfc3339_ms(std::string_view s) {
  using namespace std::chrono;
  std::size_t pos = 0;
  const auto y = digits(s, pos, 4);
  if (!y || !expect(s, pos, '-')) return std::nullopt;
  const auto mo = digits(s, pos, 2);
  if (!mo || !expect(s, pos, '-')) return std::nullopt;
  const auto d = digits(s, pos, 2);
  if (!d) return std::nullopt;
  const date::year_month_day ymd{date::year(*y), date::month(static_cast<unsigned>(*mo)),
                                 date::day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) return std::nullopt;
  const int64_t day_ms = duration_cast<milliseconds>(date::sys_days(ymd).time_since_epoch()).count();
  if (pos == s.size()) return day_ms - int64_t{8} * 3600 * 1000;  // a bare date: midnight in China
  if (s[pos] != 'T' && s[pos] != 't') return std::nullopt;
  ++pos;
  const auto h = digits(s, pos, 2);
  if (!h || !expect(s, pos, ':')) return std::nullopt;
  const auto mi = digits(s, pos, 2);
  if (!mi || !expect(s, pos, ':')) return std::nullopt;
  const auto sec = digits(s, pos, 2);
  if (!sec || *h > 23 || *mi > 59 || *sec > 59) return std::nullopt;
  int64_t ms = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    std::size_t n = 0;
    for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++n)
      if (n < 3) ms = ms * 10 + (s[pos] - '0');
    if (n == 0 || n > 9) return std::nullopt;
    for (; n < 3; ++n) ms *= 10;
  }
  int64_t offset_min = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    const int sign = s[pos++] == '-' ? -1 : 1;
    const auto oh = digits(s, pos, 2);
    if (!oh || !expect(s, pos, ':')) return std::nullopt;
    const auto om = digits(s, pos, 2);
    if (!om || *oh > 23 || *om > 59) return std::nullopt;
    offset_min = sign * (*oh * 60 + *om);
  } else {
    return std::nullopt;  // RFC 3339 needs the offset
  }
  if (pos != s.size()) return std::nullopt;
  return day_ms + ((int64_t{*h} * 60 + *mi - offset_min) * 60 + *sec) * 1000 + ms;
}

}  // namespace

int64_t parse_time(const std::string& field, const std::string& text) {
  if (auto ms = to_int(text)) return *ms;
  if (auto ms = rfc3339_ms(text)) return *ms;
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
