#pragma once
// Closed vocabularies: the glossary's code lists (ticket types, channels, priorities,
// statuses, roles, …), each defined once as a table of terms — the code used in JSON and
// the database, with its zh-CN and English labels — from which parsing, printing, the
// API's /api/v1/meta/vocabulary and the web's labels all come.
//
// A value of a vocabulary is a Closed<E, kTerms>: an enum value that converts from a
// string literal at compile time only, so that
//
//   t.status = "resolved";        // fine
//   if (t.status == "reslved")    // does not build: not a status
//
// and a code read at run time (a request, a database row) must go through parse(), which
// says when it is not one. Values compare with each other and with literals; they never
// turn into strings by accident (code() and the labels say what they are).
#include <array>
#include <concepts>
#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace kefu {

// A code read at run time (std::string, string_view, const char*), never a literal: for
// the overloads that take codes beside those that take vocabulary values, so that a
// literal always means the checked value.
template <class S>
concept RuntimeCode = std::convertible_to<const S&, std::string_view> && !std::is_array_v<S>;

template <class E>
struct Term {
  E value;
  std::string_view code;
  std::string_view zh;
  std::string_view en;
};

template <class E, const auto& kTerms>
class Closed {
 public:
  using Enum = E;

  // The first term (a table lists its default first).
  constexpr Closed() : v_(kTerms[0].value) {}
  constexpr Closed(E v) : v_(v) {}
  // A literal code, checked when compiling: an unknown code does not build.
  template <std::size_t N>
  consteval Closed(const char (&code)[N]) : v_(find(std::string_view(code, N - 1))) {}

  // The value of a code read at run time; nullopt when it is none of the vocabulary's.
  static constexpr std::optional<Closed> parse(std::string_view code) {
    for (const auto& t : kTerms)
      if (t.code == code) return Closed(t.value);
    return std::nullopt;
  }
  // The value of a code that must be one (a database row): std::invalid_argument if not.
  static Closed of(std::string_view code) {
    if (auto v = parse(code)) return *v;
    throw std::invalid_argument("not a code of this vocabulary: " + std::string(code));
  }
  static constexpr std::span<const Term<E>> terms() { return kTerms; }

  constexpr E value() const { return v_; }
  constexpr operator E() const { return v_; }  // for switch
  constexpr const Term<E>& term() const {
    // Tables list their terms in the enum's order: one look at the right place first.
    const auto i = static_cast<std::size_t>(v_);
    if (i < kTerms.size() && kTerms[i].value == v_) return kTerms[i];
    for (const auto& t : kTerms)
      if (t.value == v_) return t;
    return kTerms[0];
  }
  constexpr std::string_view code() const { return term().code; }
  constexpr std::string_view zh() const { return term().zh; }
  constexpr std::string_view en() const { return term().en; }
  // The position in the table (ranks: roles lowest first, priorities most urgent first).
  constexpr std::size_t rank() const { return static_cast<std::size_t>(&term() - kTerms.data()); }

  friend constexpr bool operator==(Closed a, Closed b) { return a.v_ == b.v_; }

 private:
  static consteval E find(std::string_view code) {
    for (const auto& t : kTerms)
      if (t.code == code) return t.value;
    throw "not a code of this vocabulary";  // a compile error where a literal is converted
  }
  E v_;
};

}  // namespace kefu
