// libFuzzer target: the Chinese normaliser and segmenter (core/text) on arbitrary bytes,
// with jieba's dictionary as the server loads it. Checks what the headers promise:
// normalize() repairs any input into well-formed UTF-8 without leading, trailing or
// doubled spaces and is idempotent; tokens are non-empty, well-formed and hold no space;
// the FTS5 document and query terms are made of such tokens.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/text/normalize.hpp"
#include "core/text/search_text.hpp"
#include "core/text/segmenter.hpp"

using namespace kefu::text;

namespace {

[[noreturn]] void finding(const char* what, std::string_view detail) {
  std::fprintf(stderr, "finding: %s: [%.*s]\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

const Segmenter& segmenter() {
  static const auto s = [] {
    try {
      return Segmenter::load(KEFU_JIEBA_DICT);
    } catch (const std::exception&) {
      return Segmenter::builtin();  // no jieba installed: the retail terms alone
    }
  }();
  return *s;
}

void check_tokens(const std::vector<std::string>& tokens, const char* mode) {
  for (const auto& t : tokens) {
    if (t.empty()) finding(mode, "an empty token");
    if (!is_valid_utf8(t)) finding(mode, t);
    if (t.find(' ') != std::string::npos) finding(mode, t);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  segmenter();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto n = normalize(in);
  if (!is_valid_utf8(n)) finding("normalize gave ill-formed UTF-8", n);
  if (!n.empty() && (n.front() == ' ' || n.back() == ' ')) finding("normalize left a space at an end", n);
  if (n.find("  ") != std::string::npos) finding("normalize left two spaces", n);
  if (normalize(n) != n) finding("normalize is not idempotent", n);
  if (is_valid_utf8(in) && utf8_length(in) == 0 && !in.empty()) finding("utf8_length of a non-empty text is 0", in);
  (void)utf8_length(in);

  const auto& seg = segmenter();
  check_tokens(seg.cut(in), "cut");
  check_tokens(seg.cut_for_index(in), "cut_for_index");
  const auto query = seg.cut_for_query(in);
  check_tokens(query, "cut_for_query");
  const auto doc = index_document(seg, in);
  if (!is_valid_utf8(doc)) finding("index_document gave ill-formed UTF-8", doc);
  check_tokens(query_terms(seg, in), "query_terms");
  return 0;
}
