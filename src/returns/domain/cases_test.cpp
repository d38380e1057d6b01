// Runs the default policy's case table (tests/returns/policy_cases.tsv) through decide():
// every row a store manager reviewed must come out as written. Failing rows are printed in
// words.
#include "returns/domain/cases.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "core/domain/error.hpp"

namespace kefu::returns {
namespace {

constexpr int64_t kNow = 1'780'000'000'000;  // 2026-05-29 04:26 in Shanghai

std::string read_table() {
  const char* dir = std::getenv("KEFU_SOURCE_DIR");
  std::ifstream in(std::string(dir ? dir : ".") + "/tests/returns/policy_cases.tsv");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ReturnsPolicyCases, EveryRowOfTheDefaultTable) {
  auto cases = parse_cases(read_table());
  ASSERT_GE(cases.size(), 40u);
  std::string failures;
  for (const auto& c : cases) {
    auto r = run_case(default_policy(), c, kNow);
    if (!r.pass) failures += "line " + std::to_string(c.line_no) + ": " + r.story.zh + "\n  " + r.story.en + "\n";
  }
  EXPECT_TRUE(failures.empty()) << failures;
}

TEST(ReturnsPolicyCases, TheTableReachesEveryDefaultRule) {
  std::set<std::string> seen;
  for (const auto& c : parse_cases(read_table())) seen.insert(c.rule_id);
  for (const auto& r : default_policy().rules) EXPECT_TRUE(seen.count(r.id)) << "no case for rule " << r.id;
}

TEST(ReturnsPolicyCases, AFailingRowSaysWhatCameInstead) {
  auto cases = parse_cases(
      "category\tcondition\tdays\treceipt\tquality\ttier\tpromotion\tpaid\tdecision\trule\trefund\n"
      "clothing\topened\t8\tyes\tno\t-\tnone\t299\tapprove\tno_reason_7\t299.00\n");
  ASSERT_EQ(cases.size(), 1u);
  auto r = run_case(default_policy(), cases[0], kNow);
  EXPECT_FALSE(r.pass);
  EXPECT_NE(r.story.zh.find("应为同意（no_reason_7），退款 299.00 元，实际为不予受理（after_window），退款 0.00 元"),
            std::string::npos)
      << r.story.zh;
  EXPECT_NE(r.story.en.find("expected approve by no_reason_7, refund 299.00, got refuse by after_window"),
            std::string::npos)
      << r.story.en;
}

TEST(ReturnsPolicyCases, MalformedTablesNameTheCell) {
  const std::string header =
      "category\tcondition\tdays\treceipt\tquality\ttier\tpromotion\tpaid\tdecision\trule\trefund\n";
  struct Row {
    std::string table;
    const char* field;
  };
  const Row rows[] = {
      {"category\tdays\n", "cases"},
      {header + "hats\topened\t1\tyes\tno\t-\tnone\t1\tapprove\tx\t1\n", "cases[0].category"},
      {header + "clothing\topened\tseven\tyes\tno\t-\tnone\t1\tapprove\tx\t1\n", "cases[0].days"},
      {header + "clothing\topened\t1\tmaybe\tno\t-\tnone\t1\tapprove\tx\t1\n", "cases[0].receipt"},
      {header + "clothing\topened\t1\tyes\tno\t-\tnone\t1.234\tapprove\tx\t1\n", "cases[0].paid"},
      {header + "clothing\topened\t1\tyes\tno\tvip\tnone\t1\tapprove\tx\t1\n", "cases[0].tier"},
      {header + "clothing\topened\t1\tyes\tno\t-\tnone\t1\tok\tx\t1\n", "cases[0].decision"},
  };
  for (const auto& r : rows) {
    try {
      parse_cases(r.table);
      ADD_FAILURE() << "accepted: " << r.table;
    } catch (const Error& e) {
      EXPECT_EQ(e.field(), r.field) << r.table;
    }
  }
}

}  // namespace
}  // namespace kefu::returns
