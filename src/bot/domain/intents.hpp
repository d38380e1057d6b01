#pragma once
// What a customer's message asks of the bot besides the knowledge base: the store's hours,
// or a ticket's status. Pure text rules, written for the product (our own everyday words),
// not fitted to any data set.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::bot {

// Whether the message asks when the store opens or closes (营业时间, 几点开门, 几点关门 …).
// `canonical`: the text normalised like the knowledge base (Knowledge::canonical: NFKC
// casefold, traditional → simplified, synonyms, no spaces or punctuation), so 幾點關門 and
// 几点 关门！ are the same. The phrases are listed in intents.cpp (docs/chat.md).
bool asks_for_hours(std::string_view canonical);
// Plain questions about the store's hours, for the matcher to weigh a message against
// (Heard::hours_likeness).
const std::vector<std::string>& hours_prototypes();

// A ticket the customer names in a message: the public number (KF + yymmdd + id, e.g.
// KF261122000123), and the phone and tracking code (查询码) when the message has them too.
struct TicketQuery {
  std::string number;  // upper case
  std::string phone;   // normalised (members/domain/phone.hpp); empty: not in the message
  std::string code;    // normalised (public_tickets/domain/tracking_code.hpp); empty: none
  bool complete() const { return !phone.empty() && !code.empty(); }
};

// The ticket the text names, as typed (full width and case do not matter); nullopt when it
// names no ticket number. The phone is an 11-digit mobile or another number of 7–15
// digits (spaces and dashes inside allowed); the code is a separate run of six letters or
// digits of the code alphabet.
std::optional<TicketQuery> ticket_query(std::string_view text);
inline bool names_ticket(std::string_view text) { return ticket_query(text).has_value(); }

}  // namespace kefu::bot
