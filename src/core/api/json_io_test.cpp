// Reading times and bodies: what the fuzzers found (docs/security/fuzzing.md).
#include "core/api/json_io.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"

namespace kefu::api {
namespace {

std::string code_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.code();
  } catch (const std::exception& e) {
    return std::string("other: ") + e.what();
  }
  return "accepted";
}

TEST(ParseTime, AcceptsEpochMillisecondsRfc3339AndABareDate) {
  EXPECT_EQ(parse_time("t", "1780000000000"), 1780000000000);
  EXPECT_EQ(parse_time("t", "2026-05-28T20:26:40Z"), 1780000000000);
  EXPECT_EQ(parse_time("t", "2026-05-29T04:26:40+08:00"), 1780000000000);
  EXPECT_EQ(parse_time("t", "2026-05-28T15:26:40-05:00"), 1780000000000);
  EXPECT_EQ(parse_time("t", "2026-05-29T04:26:40.123+08:00"), 1780000000123);
  EXPECT_EQ(parse_time("t", "2026-05-29T04:26:40.5Z") - parse_time("t", "2026-05-29T04:26:40Z"), 500);
  EXPECT_EQ(parse_time("t", "2026-05-29T04:26:40.123456789Z") - parse_time("t", "2026-05-29T04:26:40Z"), 123);
  // A bare date is midnight in China (UTC+8).
  EXPECT_EQ(parse_time("t", "2026-05-29"), parse_time("t", "2026-05-29T00:00:00+08:00"));
  EXPECT_EQ(parse_time("t", "2024-02-29"), parse_time("t", "2024-02-28T16:00:00Z"));
}

TEST(ParseTime, RefusesAnythingElseWithInvalidTime) {
  for (const char* bad : {"",
                          "2026-01",
                          "2026-01-01garbage",
                          "2026-01-01T00",
                          "2026-01-01T10:00:00",
                          "2026-01-01T10:00Z",
                          "2026-01-01 10:00:00Z",
                          "2026-02-30",
                          "2025-02-29",
                          "2026-13-01",
                          "2026-00-10",
                          "2026-01-01T24:00:00Z",
                          "2026-01-01T10:60:00Z",
                          "2026-01-01T10:00:60Z",
                          "2026-01-01T10:00:00+24:00",
                          "2026-01-01T10:00:00+08",
                          "2026-01-01T10:00:00+08:00x",
                          "2026-01-01T10:00:00.Z",
                          "2026-01-01T10:00:00.1234567890Z",
                          "2026-01-01T00\xbb\xbb",
                          "１２３",
                          "12ab",
                          "+2026-01-01"})
    EXPECT_EQ(code_of([&] { parse_time("due_at", bad); }), "invalid_time") << bad;
}

http::Request json_request(std::string body) {
  http::Request r;
  r.headers.emplace_back("content-type", "application/json");
  r.body = std::move(body);
  return r;
}

TEST(ParseObject, ANumberBeyondADoubleIsInvalidJson) {
  EXPECT_EQ(code_of([] { parse_object(json_request(R"({"n":1e999})")); }), "invalid_json");
  EXPECT_EQ(code_of([] { parse_object(json_request(R"({"n":[-1e400]})")); }), "invalid_json");
  EXPECT_EQ(parse_object(json_request(R"({"n":1e300})"))["n"].get<double>(), 1e300);
}

}  // namespace
}  // namespace kefu::api
