#pragma once
// What the FAQ matcher learns from use and from imported pairs (kb/domain/learning.hpp),
// kept visible and reversible (docs/kb.md, "What the bot learned"):
//  - a customer's click on one of the bot's guesses and a customer's 已解决 are recorded by
//    the bot through app::Knowledge::learn (no staff involved; one per question and
//    conversation);
//  - an agent who sends an assist suggestion or links a handed-over question to an entry
//    records a signal (staff with kb:read);
//  - an admin imports paraphrase pairs (CSV/JSON Lines) and revokes or restores any signal
//    or pair (kb:write); every revocation and restoration is audited.
// The bot's knowledge is rebuilt from the entries plus every signal and pair not revoked
// (kb/app/knowledge.hpp), so revoking undoes what was learned at the next build.
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "kb/domain/learning.hpp"
#include "kb/storage/kb_learning_store.hpp"

namespace kefu::app {

struct SignalInput {
  std::string query;
  int64_t faq_id = 0;
  std::string source;  // agent_pick | agent_link
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> ticket_id;
  std::optional<int64_t> store_id;
};

// An agent's signal: the query answered by a published customer entry (404 not_found for
// another entry; invalid_enum for a source other than agent_pick / agent_link).
kb::Signal record_staff_signal(Context&, const SignalInput&);
// The bot's: a customer's click or 已解决 (source clicked / confirmed). Quietly nothing when
// the entry is gone or the query is empty or too long: it is a side effect of a chat.
void record_customer_signal(Context&, const std::string& query, int64_t faq_id, std::string_view source,
                            std::optional<int64_t> store_id, std::optional<int64_t> conversation_id);

// Admins (kb:write).
std::vector<kb::Signal> list_signals(Context&, const storage::LearningFilter&);
kb::Signal set_signal_revoked(Context&, int64_t id, bool revoked);
std::vector<kb::Pair> list_pairs(Context&, const storage::LearningFilter&);
kb::Pair set_pair_revoked(Context&, int64_t id, bool revoked);

struct PairRejection {
  int line = 0;
  std::string code, message_zh, message_en;
};
struct PairImportReport {
  int rows = 0, added = 0, updated = 0, unchanged = 0;
  std::vector<PairRejection> rejected;
};
// format csv (header a,b,same; same 1/0/true/false) or jsonl ({"a","b","same"}); at most
// kb::kMaxPairRows rows per call. Idempotent: the same file twice changes nothing.
PairImportReport import_pairs(Context&, const std::string& format, const std::string& text);

// Admins (kb:write): how many signals and pairs are kept and revoked.
storage::LearningCounts learning_counts(Context&);

}  // namespace kefu::app
