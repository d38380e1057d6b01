#pragma once
// Test helpers shared by the text module's tests (not part of the library).
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/text/segmenter.hpp"

namespace kefu::text::testing {

// The segmenter over the real jieba dictionary, loaded once per test binary;
// nullptr when the dictionary file is not installed (tests then skip).
inline std::shared_ptr<const Segmenter> jieba_segmenter() {
  static const std::shared_ptr<const Segmenter> instance =
      std::filesystem::exists(KEFU_JIEBA_DICT) ? Segmenter::load(KEFU_JIEBA_DICT) : nullptr;
  return instance;
}

#define KEFU_REQUIRE_JIEBA(seg)                        \
  auto seg = ::kefu::text::testing::jieba_segmenter(); \
  if (!seg) GTEST_SKIP() << "jieba dictionary not installed: " << KEFU_JIEBA_DICT

inline bool contains(const std::vector<std::string>& tokens, const std::string& token) {
  for (const auto& t : tokens) {
    if (t == token) return true;
  }
  return false;
}

}  // namespace kefu::text::testing
