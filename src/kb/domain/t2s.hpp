#pragma once
// Traditional → simplified Chinese (OpenCC's t2s configuration), for matching only:
// a customer who types 停車場怎麼收費 finds the entry written 停车场怎么收费.
#include <memory>
#include <string>
#include <string_view>

namespace kefu::kb {

class T2s {
 public:
  // The configuration Debian's libopencc-data installs (scripts/deps.sh installs it).
  static constexpr const char* kDefaultConfig = "/usr/share/opencc/t2s.json";

  // Loads an OpenCC configuration. Throws std::runtime_error naming the path and the
  // package to install when it is missing or unreadable: call it once at startup.
  static std::shared_ptr<const T2s> load(const std::string& config_path = kDefaultConfig);

  // Simplified form of utf8 (well-formed UTF-8, e.g. text::normalize's output).
  // Thread-safe: OpenCC's converter is immutable once loaded.
  std::string convert(std::string_view utf8) const;

  ~T2s();

 private:
  struct Impl;
  explicit T2s(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kefu::kb
