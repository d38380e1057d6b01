#pragma once
// The bot's figures (机器人运营报表), from counts of the bot turn log (turn_log.hpp) and of
// the conversations started. Pure arithmetic: the counts come in already added up by the
// database per store and quarter of an hour (every time zone's offset is a whole number of
// quarters), the day a quarter belongs to comes from the caller (the store's wall clock).
//
// What is counted (docs/bot.md says the same):
//  - conversations: live-chat conversations started that day in the store (bot or not);
//  - bot conversations: those of them that have at least one row in the turn log — the bot
//    took a customer message, or the customer pressed 转人工 while the bot had the chat;
//  - resolved: bot conversations in which no handoff happened (so far: a conversation still
//    with the bot counts as resolved until it is handed over);
//  - involvement = bot conversations ÷ conversations; resolution = resolved ÷ bot
//    conversations; containment = involvement × resolution (= resolved ÷ conversations);
//  - handoffs by reason (asked | angry | unresolved | …), on the day they happened.
// Per FAQ entry, over the answers the bot gave with it: hits = answers; solved_rate =
// solved ÷ answers with a verdict; no_handoff_rate = answers without a handoff after them
// ÷ answers; handoff_rate = answers followed by a handoff ÷ answers. A rate with nothing to
// divide by is absent (nullopt), not 0.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kefu::bot {

inline constexpr int64_t kQuarterMs = 15 * 60'000;

// Counts of one store in one quarter of an hour (bucket = its start, ms since the epoch).
struct QuarterCount {
  int64_t store_id = 0;
  int64_t bucket = 0;
  std::string key;  // a handoff's reason; "" otherwise
  int64_t count = 0;
  int64_t handed_over = 0;  // bot conversations among `count` that were handed over
};

struct FaqCount {
  int64_t faq_id = 0;
  int64_t answers = 0;
  int64_t solved = 0;
  int64_t unsolved = 0;
  int64_t handed_over = 0;  // answers followed by a handoff in their conversation
};

struct Rates {
  std::optional<double> involvement, resolution, containment;
};

struct DayRow {
  std::string day;  // YYYY-MM-DD on the store's wall clock
  int64_t store_id = 0;
  int64_t conversations = 0;
  int64_t bot_conversations = 0;
  int64_t resolved = 0;
  Rates rates;
  std::map<std::string, int64_t> handoffs;  // reason → count
};

struct FaqRow {
  FaqCount counts;
  std::optional<double> solved_rate, no_handoff_rate, handoff_rate;
};

struct Report {
  std::vector<DayRow> days;  // by day, then store
  DayRow total;              // every day and store together (day and store_id empty)
  std::vector<FaqRow> faqs;  // most answers first, then faq_id
};

// The day (YYYY-MM-DD) a moment falls on for a store.
using DayOf = std::function<std::string(int64_t store_id, int64_t ms)>;

// Involvement, resolution and containment of one set of counts.
Rates rates_of(int64_t conversations, int64_t bot_conversations, int64_t resolved);
FaqRow faq_row(const FaqCount&);

// `conversations`: every conversation started; `bot`: bot conversations (count, and
// handed_over among them), by the quarter they started; `handoffs`: by reason (key), by the
// quarter they happened.
Report build_report(const std::vector<QuarterCount>& conversations, const std::vector<QuarterCount>& bot,
                    const std::vector<QuarterCount>& handoffs, const std::vector<FaqCount>& faqs, const DayOf& day_of);

// The local date of `ms` in the IANA time zone `zone` (an unknown zone: UTC).
std::string local_date(int64_t ms, const std::string& zone);

}  // namespace kefu::bot
