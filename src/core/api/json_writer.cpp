#include "core/api/json_writer.hpp"

#include "core/http/json_string.hpp"

#include <charconv>

namespace kefu::api {

void JsonObject::key(std::string_view k) {
  if (!first_) out_ += ',';
  first_ = false;
  append_json_string(out_, k);
  out_ += ':';
}

JsonObject& JsonObject::field(std::string_view k, std::string_view v) {
  key(k);
  append_json_string(out_, v);
  return *this;
}

JsonObject& JsonObject::field(std::string_view k, int64_t v) {
  key(k);
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, end);
  return *this;
}

JsonObject& JsonObject::field(std::string_view k, bool v) {
  key(k);
  out_ += v ? "true" : "false";
  return *this;
}

JsonObject& JsonObject::field(std::string_view k, std::optional<int64_t> v) {
  if (v) return field(k, *v);
  key(k);
  out_ += "null";
  return *this;
}

JsonObject& JsonObject::raw(std::string_view k, std::string_view json) {
  key(k);
  out_ += json;
  return *this;
}

}  // namespace kefu::api
