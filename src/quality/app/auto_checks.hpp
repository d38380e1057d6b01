#pragma once
// The automatic quality checks (自动质检) on every staff reply and chat.
//
// When: the cheap rules (forbidden phrases, the greeting) run inside the write that stores
// the staff reply — the chat message (chat/app/conversations agent_say) or the ticket reply
// (tickets/app/tickets add_message) — so a hit commits with its message, and a red line in a
// live chat notifies the store's on-duty supervisors in that same commit (the notification
// hub pushes it to their streams). The rules that need time to pass run in a job
// (quality/jobs/auto_keeper): reply gaps, the end sentiment and chat promises once a chat has
// ended, ticket promises once their window has passed. Each hit is stored once per rule and
// message (qa_auto_hits' unique key), so a job that runs twice adds nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "chat/domain/conversation.hpp"
#include "core/app/context.hpp"
#include "quality/domain/auto_rules.hpp"
#include "quality/storage/auto_hit_store.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

// In the write of a staff chat message (text, not a duplicate, not a whisper). `before`: the
// conversation as it was before the message went in.
void auto_check_chat_message(Context&, const chat::Conversation& before, const chat::Message&);
// In the write of a ticket reply; `first`: the ticket's first reply.
void auto_check_ticket_reply(Context&, const ticket::Ticket&, const ticket::Event&, bool first);

// The job's rounds (a system context), each from where the last one stopped: how many chats
// or replies it looked at (fewer than `limit`: none left) and the hits it stored.
struct AutoRound {
  int seen = 0;
  int stored = 0;
};
AutoRound auto_check_ended_chats(Context&, int limit = 50);
AutoRound auto_check_ticket_promises(Context&, int limit = 500);

// The text matcher's traditional → simplified step (OpenCC), loaded once; null when the
// configuration is missing (matching then works on the text as written).
quality::Convert auto_t2s();

}  // namespace kefu::app
