#include "tickets/domain/status.hpp"

#include <gtest/gtest.h>

#include "core/domain/vocabulary_testing.hpp"
#include "tickets/domain/vocabulary.hpp"

namespace kefu::ticket {

struct Case {
  const char* from;
  const char* to;
  bool allowed;
};

TEST(TicketStatus, TransitionTable) {
  const Case cases[] = {
      {"new", "in_progress", true},
      {"new", "resolved", true},
      {"new", "closed", false},
      {"in_progress", "new", false},
      {"in_progress", "waiting_customer", true},
      {"waiting_customer", "in_progress", true},
      {"waiting_internal", "resolved", true},
      {"waiting_customer", "waiting_internal", false},
      {"resolved", "closed", true},
      {"resolved", "in_progress", true},
      {"closed", "in_progress", true},
      {"closed", "resolved", false},
      {"closed", "new", false},
      {"resolved", "waiting_customer", false},
  };
  for (const auto& c : cases) EXPECT_EQ(can_transition(c.from, c.to), c.allowed) << c.from << " -> " << c.to;
}

TEST(TicketStatus, NoStatusMovesToItself) {
  for (const auto& s : statuses()) EXPECT_FALSE(can_transition(s.code, s.code)) << s.code;
}

TEST(TicketStatus, ReopenOnlyFromFinished) {
  EXPECT_TRUE(is_reopen("resolved", "in_progress"));
  EXPECT_TRUE(is_reopen("closed", "in_progress"));
  EXPECT_FALSE(is_reopen("waiting_customer", "in_progress"));
}

TEST(TicketVocabulary, KnowsTheGlossary) {
  EXPECT_TRUE(is_type("lost_found"));
  EXPECT_FALSE(is_type("refund"));
  EXPECT_TRUE(is_channel("bot_handoff"));
  EXPECT_TRUE(is_online_channel("app"));
  EXPECT_FALSE(is_online_channel("service_desk"));
  EXPECT_TRUE(is_priority("P1"));
  EXPECT_FALSE(is_priority("P5"));
  EXPECT_EQ(default_priority("complaint"), "P3");
}

}  // namespace kefu::ticket

#include "tickets/domain/number.hpp"

namespace kefu::ticket {
TEST(TicketNumber, ChinaDateAndPaddedId) {
  // 2026-11-21T16:30:00Z is already 2026-11-22 00:30 in Shanghai.
  EXPECT_EQ(ticket_number(123, 1795278600000LL), "KF261122000123");
  EXPECT_EQ(ticket_number(1234567, 1795278600000LL), "KF2611221234567");
}
}  // namespace kefu::ticket
