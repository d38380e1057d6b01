#pragma once
// For tests only: a closed value compares with any string and prints as its code, so that
// EXPECT_EQ(t.status, "resolved") reads as it always did. Production code compares with
// literals (checked when compiling) or parses what it reads.
#include <ostream>
#include <string_view>

#include "core/domain/vocabulary.hpp"

namespace kefu {

template <class E, const auto& kTerms>
constexpr bool operator==(Closed<E, kTerms> a, std::string_view b) {
  return a.code() == std::string_view(b);
}
template <class E, const auto& kTerms>
constexpr bool operator==(Closed<E, kTerms> a, const char* b) {
  return a.code() == std::string_view(b);
}
template <class E, const auto& kTerms>
std::ostream& operator<<(std::ostream& os, Closed<E, kTerms> v) {
  return os << v.code();
}

}  // namespace kefu
