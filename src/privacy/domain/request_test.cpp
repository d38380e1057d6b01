// The two-person rule of an erasure request, as a table a data-protection officer could
// review; the retention defaults.
#include "privacy/domain/request.hpp"

#include <gtest/gtest.h>

#include "privacy/domain/retention.hpp"

namespace kefu::privacy {
namespace {

TEST(ErasureRequest, WhoMayMoveIt) {
  struct Row {
    const char* from;  // "" = no request yet
    Move move;
    const char* mover;
    bool by_requester;
    bool allowed;
    const char* then;  // the state afterwards when allowed
  };
  const Row rows[] = {
      {"", Move::request, "agent", false, false, ""},
      {"", Move::request, "dept_head", false, false, ""},
      {"", Move::request, "supervisor", false, true, "requested"},
      {"", Move::request, "manager", false, true, "requested"},
      {"requested", Move::confirm, "supervisor", false, false, ""},  // a supervisor cannot confirm
      {"requested", Move::confirm, "manager", false, true, "confirmed"},
      {"requested", Move::confirm, "admin", false, true, "confirmed"},
      {"requested", Move::confirm, "manager", true, false, ""},       // not one's own request
      {"requested", Move::confirm, "admin", true, false, ""},         // not even an admin
      {"requested", Move::refuse, "manager", true, true, "refused"},  // withdrawing one's own is fine
      {"requested", Move::refuse, "supervisor", false, false, ""},
      {"confirmed", Move::finish, "manager", false, true, "done"},
      {"requested", Move::finish, "manager", false, false, ""},  // no erasure without a confirmation
      {"done", Move::confirm, "manager", false, false, ""},      // done is final
      {"done", Move::refuse, "manager", false, false, ""},
      {"refused", Move::confirm, "manager", false, false, ""},  // refused is final
  };
  for (const auto& r : rows) {
    const std::optional<RequestState> from = std::string(r.from).empty() ? std::nullopt : RequestState::parse(r.from);
    const auto refusal = check_move(from, r.move, *people::Role::parse(r.mover), r.by_requester);
    const std::string story = std::string(r.from) + " " + std::to_string(static_cast<int>(r.move)) + " by " + r.mover;
    EXPECT_EQ(!refusal.has_value(), r.allowed) << story;
    if (refusal) {
      EXPECT_FALSE(refusal->zh.empty() || refusal->en.empty()) << story;
    }
    if (r.allowed) {
      EXPECT_EQ(after(r.move).code(), r.then) << story;
    }
  }
}

TEST(RetentionRules, DefaultsAreOffExceptWhatIsPlainlySafe) {
  const auto rules = with_defaults({});
  ASSERT_EQ(rules.size(), kRetentionKinds.size());
  for (const auto& r : rules) {
    EXPECT_EQ(r.enabled, r.kind == "export_links") << r.kind.code();
    EXPECT_GE(r.days, kMinDays);
    EXPECT_EQ(r.updated_at, 0);
  }
  EXPECT_EQ(rules[0].kind.code(), "inactive_people");
  EXPECT_EQ(rules[0].days, 3 * 365);
}

TEST(RetentionRules, ASavedRuleReplacesItsDefaultOnly) {
  const auto rules = with_defaults({{"chat_photos", true, 30, 7, 1000}});
  for (const auto& r : rules) {
    if (r.kind == "chat_photos") {
      EXPECT_TRUE(r.enabled);
      EXPECT_EQ(r.days, 30);
      EXPECT_EQ(r.updated_by, 7);
    } else {
      EXPECT_EQ(r.updated_at, 0) << r.kind.code();
    }
  }
  EXPECT_EQ(cutoff({"chat_photos", true, 30}, 100LL * 86400000), 70LL * 86400000);
}

}  // namespace
}  // namespace kefu::privacy
