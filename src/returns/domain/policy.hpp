#pragma once
// The returns policy as data (退换货政策): an ordered list of rules that a store manager
// reads and edits. The first enabled rule that matches a return request decides it
// (decision.hpp); a request no rule matches needs a supervisor's approval.
//
// A rule has a scope (which goods and customers it is about) and a match (which requests):
// every listed field must hold, an empty list or an unset value matches anything. Its
// outcome is a decision (approve / needs_approval / refuse), a remedy (refund / exchange /
// repair; none for a refusal) and words for the customer and for the agent in zh-CN and
// English.
//
// default_policy() follows Chinese practice and is in force while a store has saved none:
// no receipt → a supervisor checks; the 三包 ladder for quality faults (return within 7
// days, exchange within 15, repair within the warranty for covered goods); excluded
// categories, clearance and used goods refused for no-reason returns (never for quality
// faults); 七天无理由 extended to 15 days for gold and 30 days for platinum members.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "returns/domain/vocabulary.hpp"

namespace kefu::returns {

struct Words {
  std::string zh;
  std::string en;
  friend bool operator==(const Words&, const Words&) = default;
};

// Which goods and customers a rule is about. Empty = any.
struct Scope {
  std::vector<std::string> categories;  // Category codes
  std::vector<std::string> brands;      // as the POS names them, compared exactly
  std::vector<int64_t> store_ids;
  std::vector<std::string> tiers;  // member tiers (people::Tier codes); "normal" also
                                   // stands for a customer who is not a member
  friend bool operator==(const Scope&, const Scope&) = default;
};

// Which requests a rule matches. Empty / unset = any.
struct Match {
  std::vector<std::string> conditions;  // Condition codes
  std::optional<bool> quality_issue;    // the customer reports a quality fault
  std::optional<bool> receipt;          // receipt or invoice shown, or kefu has the purchase
  std::optional<int> max_days;          // days since purchase <= max_days (the purchase day is day 0)
  std::vector<std::string> promotions;  // Promotion codes of the line
  friend bool operator==(const Match&, const Match&) = default;
};

struct Outcome {
  std::string decision;  // Decision code
  std::string remedy;    // Remedy code; "none" exactly when the decision is refuse
  Words customer;        // what the customer is told
  Words agent;           // what the agent is told (why, what to check)
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

struct Rule {
  std::string id;    // stable, [a-z0-9_], unique in a policy: cases and history name it
  std::string name;  // zh, what the store manager reads in the list
  bool enabled = true;
  Scope scope;
  Match match;
  Outcome outcome;
  friend bool operator==(const Rule&, const Rule&) = default;
};

struct Policy {
  std::vector<Rule> rules;  // in order; the first that matches decides
  friend bool operator==(const Policy&, const Policy&) = default;
};

inline constexpr std::size_t kMaxRules = 100;
inline constexpr std::size_t kMaxRuleIdChars = 40;
inline constexpr std::size_t kMaxRuleNameChars = 60;
inline constexpr std::size_t kMaxWordsChars = 500;
inline constexpr int kMaxDays = 3650;

// The warranty (保修期) of covered goods in the default policy, in days.
inline constexpr int kDefaultWarrantyDays = 365;

// The categories covered by the 三包 repair rule of the default policy.
std::vector<std::string> covered_categories();

// The defaults, in order (see the header comment; docs/returns.md lists them in words).
Policy default_policy();

// Throws kefu::Error (invalid_input) naming the first bad field, e.g. "rules[3].match.max_days":
//   rules                   too_long      more than kMaxRules rules
//   rules[i].id             required | invalid_field (not [a-z0-9_], > 40) | duplicate id
//   rules[i].name           required | too_long (> 60) | invalid_utf8
//   rules[i].scope.*        invalid_enum (unknown category or tier), invalid_field (store id <= 0)
//   rules[i].match.*        invalid_enum (unknown condition or promotion),
//                           invalid_range (max_days outside 0..3650)
//   rules[i].outcome.*      invalid_enum (decision, remedy), invalid_field (refuse with a
//                           remedy, or another decision without one), required (customer
//                           words in zh), too_long (> 500 characters), invalid_utf8
void validate(const Policy&);

}  // namespace kefu::returns
