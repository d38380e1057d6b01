// Text templates with named slots: "{brand}专柜的{product}" + values -> text.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kefu::demo::detail {

class Slots {
 public:
  void set(std::string_view key, std::string value);
  // nullptr when the key is unknown.
  const std::string* find(std::string_view key) const;
  // Replaces every {key} with its value; unknown keys are left as they are, so a
  // test can find them.
  std::string fill(std::string_view tpl) const;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

// Number of Unicode code points in UTF-8 text.
size_t char_count(std::string_view utf8);

}  // namespace kefu::demo::detail
