#pragma once
// How feedback that kefu itself produces becomes feedback items (issue 14, "Intake"): a
// CSAT comment, the description of a complaint / suggestion / praise ticket, a chat's
// customer lines. Pure rules: where on the customer journey it happened (the touchpoint)
// from the channel and the ticket's location, the dedupe reference of each source, and the
// text a transcript gives.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::feedback {

// The touchpoint (feedback/domain/vocabulary.hpp) of a contact on this ticket channel: the
// desk and the hotline are the service desk, floor desks and brand counters a floor, the
// cashier the cashier, online channels online; the comment box (and anything unknown)
// "other".
std::string_view touchpoint_of_channel(std::string_view channel);

// A ticket's location says more than its channel when it names a place: 停车场 → parking,
// 收银 → cashier, 服务台 → service_desk, 售后/维修 → after_sales, 入口/东门… → entrance,
// 1F / B1 / 三楼 … → floor. "" when it names none of them.
std::string_view touchpoint_of_location(std::string_view location);

// The touchpoint of a ticket: its location's, else its channel's.
std::string_view touchpoint_of_ticket(std::string_view channel, std::string_view location);

// The ticket types whose description is feedback.
bool is_feedback_ticket_type(std::string_view type);

// source_ref of each flow-in: one item per ticket, per CSAT rating, per conversation.
std::string ticket_ref(int64_t ticket_id);
std::string csat_ref(int64_t ticket_id);
std::string conversation_ref(int64_t conversation_id);

// A transcript's customer lines joined into one text (one line each, blank lines and
// surrounding spaces dropped), cut to at most `max_chars` characters (UTF-8, at a character
// boundary, with "…" when cut). "" when the customer said nothing.
std::string transcript_text(const std::vector<std::string>& customer_lines, std::size_t max_chars);

}  // namespace kefu::feedback
