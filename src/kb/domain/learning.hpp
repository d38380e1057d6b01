#pragma once
// What the matcher learns from besides the knowledge base itself (kb/domain/matcher.hpp):
// usage signals ("this question is answered by that entry", from a customer's click or
// 已解决, or from an agent) and imported paraphrase pairs ("these two ask the same / not the
// same thing"). Both are kept as rows with where they came from, so an admin sees what was
// learned and can revoke any of it (and restore it): the next build leaves revoked rows
// out, and the model is what it would have been without them.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kefu::kb {

// Where a signal came from.
inline constexpr std::string_view kClicked = "clicked";       // a customer picked a guess of the bot
inline constexpr std::string_view kConfirmed = "confirmed";   // a customer marked the bot's answer 已解决
inline constexpr std::string_view kAgentPick = "agent_pick";  // an agent sent an assist suggestion
inline constexpr std::string_view kAgentLink = "agent_link";  // an agent linked a handed-over question

inline bool known_signal_source(std::string_view s) {
  return s == kClicked || s == kConfirmed || s == kAgentPick || s == kAgentLink;
}

struct Signal {
  int64_t id = 0;
  std::string query;  // the customer's words
  int64_t entry_id = 0;
  std::string source;
  std::optional<int64_t> store_id;
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> ticket_id;
  int64_t created_at = 0;
  std::optional<int64_t> created_by;  // staff; none for a customer's own click or verdict
  int64_t updated_at = 0;             // created, revoked or restored
  std::optional<int64_t> revoked_at;
  std::optional<int64_t> revoked_by;
  friend bool operator==(const Signal&, const Signal&) = default;
};

// Two questions and whether they ask the same thing. Kept with a ≤ b (bytes): the pair has
// no direction, and the same two questions are one row.
struct Pair {
  int64_t id = 0;
  std::string a, b;
  bool same = false;
  std::string source = "import";
  int64_t created_at = 0;
  std::optional<int64_t> created_by;
  int64_t updated_at = 0;
  std::optional<int64_t> revoked_at;
  std::optional<int64_t> revoked_by;
  friend bool operator==(const Pair&, const Pair&) = default;
};

// Field limits, in characters (a question's, kb/domain/faq.hpp).
inline constexpr std::size_t kMaxLearnedText = 200;
inline constexpr std::size_t kMaxPairRows = 5000;  // per import call

}  // namespace kefu::kb
