#include "kb/domain/t2s.hpp"

#include <SimpleConverter.hpp>
#include <filesystem>
#include <stdexcept>

namespace kefu::kb {

struct T2s::Impl {
  explicit Impl(const std::string& path) : converter(path) {}
  opencc::SimpleConverter converter;
};

T2s::T2s(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
T2s::~T2s() = default;

std::shared_ptr<const T2s> T2s::load(const std::string& config_path) {
  const std::string hint = " (traditional → simplified Chinese; install the Debian package libopencc-data)";
  if (!std::filesystem::exists(config_path)) {
    throw std::runtime_error("OpenCC configuration not found: " + config_path + hint);
  }
  try {
    return std::shared_ptr<const T2s>(new T2s(std::make_unique<Impl>(config_path)));
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot load OpenCC configuration " + config_path + ": " + e.what() + hint);
  }
}

std::string T2s::convert(std::string_view utf8) const {
  if (utf8.empty()) return {};
  return impl_->converter.Convert(utf8.data(), utf8.size());
}

}  // namespace kefu::kb
