#include "core/domain/errors.hpp"

namespace kefu {
namespace {

const Text* find(std::initializer_list<Detail> details, std::string_view name) {
  for (const auto& d : details)
    if (d.name == name) return &d.value;
  return nullptr;
}

// Appends `message` with its {details}. Inside an optional [part] a detail that is not
// given drops the part (returns false); outside, it is a programmer's slip, and its name
// stands in for it.
bool fill_into(std::string& out, std::string_view message, std::initializer_list<Detail> details, bool zh,
               bool optional) {
  for (std::size_t i = 0; i < message.size();) {
    const char c = message[i];
    if (c == '{') {
      const auto end = message.find('}', i);
      const auto name = message.substr(i + 1, end - i - 1);
      const auto* v = find(details, name);
      if (!v && optional) return false;
      out += v ? (zh ? v->zh : v->en) : std::string(name);
      i = end + 1;
    } else if (c == '[') {
      const auto end = message.find(']', i);
      std::string part;
      if (fill_into(part, message.substr(i + 1, end - i - 1), details, zh, true)) out += part;
      i = end + 1;
    } else {
      out += c;
      ++i;
    }
  }
  return true;
}

}  // namespace

std::string fill(std::string_view message, std::initializer_list<Detail> details, bool zh) {
  std::string out;
  out.reserve(message.size() + 32);
  fill_into(out, message, details, zh, false);
  return out;
}

Error make_error(const ErrorCode& code, std::initializer_list<Detail> details, std::string field) {
  return Error(code.kind, std::string(code.code), fill(code.zh, details, true), fill(code.en, details, false),
               std::move(field));
}

}  // namespace kefu
