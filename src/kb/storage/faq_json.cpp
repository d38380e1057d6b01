#include "kb/storage/faq_json.hpp"

#include <string>

namespace kefu::storage {
namespace {

using nlohmann::json;

json opt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

std::optional<int64_t> opt_from(const json& j, const char* field) {
  auto it = j.find(field);
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

std::vector<std::string> strings(const json& j, const char* field) {
  std::vector<std::string> out;
  auto it = j.find(field);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace

json content_json(const kb::FaqContent& c) {
  return {{"question", c.question},     {"similar", c.similar},   {"answer", c.answer},
          {"keywords", c.keywords},     {"audience", c.audience}, {"valid_from", opt(c.valid_from)},
          {"valid_to", opt(c.valid_to)}};
}

kb::FaqContent content_from(const json& j) {
  kb::FaqContent c;
  c.question = j.value("question", "");
  c.similar = strings(j, "similar");
  c.answer = j.value("answer", "");
  c.keywords = strings(j, "keywords");
  c.audience = j.value("audience", "customer");
  c.valid_from = opt_from(j, "valid_from");
  c.valid_to = opt_from(j, "valid_to");
  return c;
}

json variants_json(const std::map<int64_t, std::string>& v) {
  json out = json::object();
  for (const auto& [store, answer] : v) out[std::to_string(store)] = answer;
  return out;
}

std::map<int64_t, std::string> variants_from(const json& j) {
  std::map<int64_t, std::string> out;
  if (!j.is_object()) return out;
  for (const auto& [key, value] : j.items())
    if (value.is_string()) out[std::stoll(key)] = value.get<std::string>();
  return out;
}

std::vector<std::string> strings_from_text(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace kefu::storage
