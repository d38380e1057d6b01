// libFuzzer target: the feedback form's multipart/form-data reader
// (feedback/api/multipart.hpp) on arbitrary bodies and Content-Type headers. Checks what the
// header promises: it never reads outside the body (every part's bytes are a piece of it,
// in order, and end before the close delimiter), never returns more than max_parts parts,
// and a boundary it accepts is 1–70 bytes.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "feedback/api/multipart.hpp"

namespace mp = kefu::api::multipart;

namespace {

[[noreturn]] void finding(const char* what, std::string_view detail) {
  std::fprintf(stderr, "finding: %s: [%.*s]\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

}  // namespace

// Input: the Content-Type header up to the first newline, then the body.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto nl = input.find('\n');
  const std::string header = nl == std::string::npos ? input : input.substr(0, nl);
  const std::string body = nl == std::string::npos ? std::string() : input.substr(nl + 1);
  const auto boundary = mp::boundary_of(header);
  if (!boundary) return 0;
  if (boundary->empty() || boundary->size() > 70) finding("boundary size", *boundary);
  constexpr std::size_t kMax = 8;
  const auto parts = mp::parse(body, *boundary, kMax);
  if (!parts) return 0;
  if (parts->size() > kMax) finding("too many parts", body);
  const char* at = body.data();
  for (const auto& p : *parts) {
    if (p.body.data() < at || p.body.data() + p.body.size() > body.data() + body.size())
      finding("part outside the body, or out of order", body);
    at = p.body.data() + p.body.size();
  }
  return 0;
}
