#pragma once
// Feedback that kefu itself produces (docs/feedback.md "Intake"): each use case that causes
// it calls one of these in its own write, so the item commits with what caused it (or not
// at all). Every flow-in has its source's key (feedback/domain/intake.hpp), so running it
// again stores nothing twice; none of them checks a role (the calling use case did).
#include <cstdint>
#include <string>

#include "core/app/context.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

// A complaint, suggestion or praise ticket when it is created (tickets/app/tickets.cpp):
// its description (its subject when that is empty), source "ticket", the touchpoint from
// its location or channel, its member. Other ticket types give nothing, nor does a ticket
// on the live_chat channel (made from an ended chat, which has its own item).
void feedback_from_ticket(Context&, const ticket::Ticket&);

// A CSAT rating with a comment (callbacks/app/csat.cpp): the comment with its 1–5 stars,
// source "csat", the ticket's store, member and touchpoint. A rating without words gives
// nothing (a star count is a CSAT figure, not feedback to read).
void feedback_from_csat(Context&, const ticket::Ticket&, int rating, const std::string& comment);

// A chat when it ends (chat/app: the customer, the agent, or idleness ends it): the
// customer's text lines, source "chat", touchpoint online, the conversation's store and
// member. Nothing when the customer wrote nothing, or when the chat became a left message
// (that ticket is the record).
void feedback_from_chat(Context&, int64_t conversation_id);

}  // namespace kefu::app
