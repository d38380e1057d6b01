#include "demo/slots.hpp"

namespace kefu::demo::detail {

void Slots::set(std::string_view key, std::string value) {
  for (auto& [k, v] : values_) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  values_.emplace_back(std::string(key), std::move(value));
}

const std::string* Slots::find(std::string_view key) const {
  for (const auto& [k, v] : values_) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::string Slots::fill(std::string_view tpl) const {
  std::string out;
  out.reserve(tpl.size() + 32);
  size_t i = 0;
  while (i < tpl.size()) {
    const size_t open = tpl.find('{', i);
    if (open == std::string_view::npos) break;
    const size_t close = tpl.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(tpl.substr(i, open - i));
    const std::string* value = find(tpl.substr(open + 1, close - open - 1));
    if (value) {
      out.append(*value);
    } else {
      out.append(tpl.substr(open, close - open + 1));
    }
    i = close + 1;
  }
  out.append(tpl.substr(i));
  return out;
}

size_t char_count(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace kefu::demo::detail
