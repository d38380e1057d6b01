#pragma once
// Automatic quality rules (自动质检规则): what an admin or a store's supervisor writes, and
// the pure checks of a staff reply or a finished conversation against them. No clock, no
// storage: the use cases (quality/app/auto_checks) hand in the facts and `now`.
//
// A rule has a code (the same code in a store overrides the chain's, and a chain rule
// overrides the default of that code), a kind, its parameters (phrases, seconds, a
// threshold), a severity (normal or red line) and an enabled flag. The defaults below apply
// while no rule of their code is saved.
//
// Kinds and when they are checked:
//   forbidden_phrase  a staff reply contains one of the phrases          in the reply's write
//   missing_greeting  the first staff message of a chat (first reply of  in the reply's write
//                     a ticket) has none of the phrases, or (chats) came
//                     more than `seconds` after the chat was assigned
//   reply_gap         a customer waited more than `seconds` for staff    when the chat ended
//   end_sentiment     the customer's last messages are angry (the bot's  when the chat ended
//                     anger signal >= threshold percent)
//   unkept_promise    a staff reply promises to come back (phrases) and  once the window passed
//                     no task or callback followed within `seconds`
//                     (a chat: no ticket was made from it)
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/vocabulary.hpp"

namespace kefu::quality {

enum class RuleKind { forbidden_phrase, missing_greeting, reply_gap, end_sentiment, unkept_promise };
inline constexpr std::array<Term<RuleKind>, 5> kRuleKinds{{
    {RuleKind::forbidden_phrase, "forbidden_phrase", "禁用语", "forbidden phrase"},
    {RuleKind::missing_greeting, "missing_greeting", "未问候", "missing greeting"},
    {RuleKind::reply_gap, "reply_gap", "回复间隔过长", "reply gap"},
    {RuleKind::end_sentiment, "end_sentiment", "结束时顾客情绪负面", "negative sentiment at the end"},
    {RuleKind::unkept_promise, "unkept_promise", "承诺未跟进", "promise without follow-up"},
}};
using Kind = Closed<RuleKind, kRuleKinds>;

struct AutoRule {
  int64_t id = 0;  // 0: a default in code, never saved
  std::string code;
  int64_t store_id = 0;  // 0: chain-wide
  std::string name;
  Kind kind;
  std::vector<std::string> phrases;  // forbidden, greeting or promise phrases, as written
  int64_t seconds = 0;               // greeting lateness (0: none) / gap / promise window
  int threshold = 0;                 // end_sentiment: anger in percent, 1–100
  bool red_line = false;             // severity: a red line alerts supervisors at once
  bool enabled = true;
  int version = 0;
  int64_t updated_at = 0;
  int64_t updated_by = 0;
  // The phrases in the form text is compared in (fold_phrases()); empty: folded when used.
  std::vector<std::string> folded;
};

// Limits an editor is held to (checked by validate()).
inline constexpr std::size_t kMaxPhrases = 200;
inline constexpr std::size_t kMaxPhraseChars = 40;
inline constexpr int64_t kMaxSeconds = 30 * 86'400;

std::vector<AutoRule> default_rules();

// The rules in force in a store: the defaults, overridden by code by the saved chain rules,
// overridden by that store's saved rules; disabled ones left out. Sorted by code.
std::vector<AutoRule> rules_in_force(const std::vector<AutoRule>& saved, int64_t store_id);

// What is wrong with a rule as an editor wrote it: {field, problem (zh), problem (en)};
// nullopt when it is fine.
struct Problem {
  std::string field, zh, en;
};
std::optional<Problem> validate(const AutoRule&);

// The form text is compared in: NFKC casefold, traditional → simplified when `t2s` is
// given, without white space and punctuation (您 好！ reads as 您好).
using Convert = std::string (*)(std::string_view);
std::string fold(std::string_view text, Convert t2s = nullptr);

// The first of the phrases (as written) whose folded form is in `folded`; nullopt if none.
std::optional<std::string> first_phrase(const std::vector<std::string>& phrases, std::string_view folded,
                                        Convert t2s = nullptr);
// The same for a rule, with its phrases folded once (fold_phrases) when they are.
std::optional<std::string> first_phrase(const AutoRule&, std::string_view folded, Convert t2s = nullptr);
// Folds each rule's phrases once, so that checking a message folds only the message.
void fold_phrases(std::vector<AutoRule>&, Convert t2s = nullptr);

// At most `max_chars` code points of the text, with … when cut.
std::string excerpt(std::string_view text, std::size_t max_chars = 80);

// A finding: which rule, and why in a few words (the matched phrase, the seconds).
struct Finding {
  const AutoRule* rule = nullptr;
  std::string detail;
};

// A staff reply in its write. `first`: the first staff message of the chat, or the first
// reply of the ticket; `delay_ms`: (chats) since the chat was assigned to staff.
struct Reply {
  std::string_view text;
  bool first = false;
  std::optional<int64_t> delay_ms;
};
std::vector<Finding> check_reply(const std::vector<AutoRule>& rules, const Reply&, Convert t2s = nullptr);

// A finished conversation, oldest message first.
struct Said {
  int64_t seq = 0;
  std::string sender;  // customer | agent | bot | system
  std::optional<int64_t> staff_id;
  std::string kind;  // text | photo | event | whisper
  std::string text;
  int64_t at = 0;
};
struct Chat {
  std::vector<Said> messages;
  std::optional<int64_t> agent_id;  // the last agent
  std::optional<int64_t> assigned_at;
  std::optional<int64_t> ended_at;
  bool has_ticket = false;  // a ticket was made from it (a promise is then followed up there)
};
// How many of the customer's last text messages end_sentiment reads.
inline constexpr int kLastCustomerMessages = 3;

struct ChatFinding {
  const AutoRule* rule = nullptr;
  int64_t seq = 0;  // the message it is linked to
  std::optional<int64_t> staff_id;
  std::string excerpt;  // the staff member's words; empty when the message is the customer's
  std::string detail;
  int64_t at = 0;
};
// The rules that need the chat to be over: reply_gap, end_sentiment, unkept_promise.
// `anger` scores a customer message in [0, 1].
using Anger = double (*)(std::string_view);
std::vector<ChatFinding> check_ended_chat(const std::vector<AutoRule>& rules, const Chat&, Anger anger,
                                          Convert t2s = nullptr);

// A ticket reply's promise is kept when a follow-up (a task, a callback) came within the
// window after it; it is broken once the window has passed without one. nullopt: not yet known.
std::optional<bool> promise_kept(int64_t said_at, int64_t window_ms, const std::vector<int64_t>& follow_ups,
                                 int64_t now);

}  // namespace kefu::quality
