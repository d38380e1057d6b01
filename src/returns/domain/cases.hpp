#pragma once
// Policy cases as a table (duckdb-style declarative tests): one return request per row
// with the decision, rule and refund the store expects. tests/returns/policy_cases.tsv is
// the default policy's table (run by cases_test.cpp); POST /returns/policy/check runs a
// posted policy against posted rows, so a manager tries an edit before saving it.
//
// The TSV: '#' lines are comments, the first other line names the columns, in any order:
//   category condition days receipt quality tier promotion paid decision rule refund [note]
// receipt: yes (receipt or invoice shown) | no | record (kefu has the purchase);
// quality: yes | no; tier: a member tier or "-" (not a member); paid and refund in yuan
// with 2 decimals (the line of 1 unit paid `paid`; refund = what decide() pays back).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "returns/domain/decision.hpp"

namespace kefu::returns {

struct Case {
  int line_no = 0;  // in the file, for messages (0 when posted)
  std::string category;
  std::string condition;
  int days = 0;
  std::string receipt = "yes";  // yes | no | record
  bool quality_issue = false;
  std::string tier = "normal";
  std::string promotion = "none";
  int64_t paid_fen = 0;
  std::string decision;  // expected
  std::string rule_id;   // expected; "" = no rule
  int64_t refund_fen = 0;
  std::string note;
};

struct CaseResult {
  bool pass = false;
  Verdict got;
  Words story;  // the row and, when it fails, what came instead, in words
};

// Throws kefu::Error (invalid_input, field "cases[i].<column>" or "cases" for the header)
// on a malformed table.
std::vector<Case> parse_cases(std::string_view tsv);

// Validates a case's codes like decide() does (field "cases[i]...").
void validate_case(const Case&, std::size_t index);

// Runs the case through decide() with a one-unit line bought `days` before `now`.
CaseResult run_case(const Policy&, const Case&, int64_t now_ms);

}  // namespace kefu::returns
