#include "feedback/app/feedback_flow_ins.hpp"

#include "chat/storage/conversation_store.hpp"
#include "core/text/trim.hpp"
#include "feedback/app/feedback_items.hpp"
#include "feedback/domain/intake.hpp"

namespace kefu::app {
namespace {

// A ticket's or a comment's words within the inbox's limit.
std::string clipped(const std::string& text) { return feedback::transcript_text({text}, kFeedbackTextMax); }

}  // namespace

void feedback_from_ticket(Context& c, const ticket::Ticket& t) {
  const std::string type(t.type.code());
  if (!feedback::is_feedback_ticket_type(type)) return;
  // A live-chat ticket is made from an ended chat (its transcript), whose customer lines
  // are already the chat's item: a second item would count the same words twice.
  if (t.channel == "live_chat") return;
  NewFeedback in;
  in.text = clipped(text::trimmed(t.description).empty() ? t.subject : t.description);
  if (in.text.empty()) return;
  in.store_id = t.store_id;
  in.touchpoint = feedback::touchpoint_of_ticket(t.channel.code(), t.location);
  in.source = "ticket";
  in.source_ref = feedback::ticket_ref(t.id);
  in.said_at = t.created_at;
  in.member_id = t.member_id;
  in.ticket_id = t.id;
  record_item(c, in);
}

void feedback_from_csat(Context& c, const ticket::Ticket& t, int rating, const std::string& comment) {
  NewFeedback in;
  in.text = clipped(comment);
  if (in.text.empty()) return;
  in.store_id = t.store_id;
  in.touchpoint = feedback::touchpoint_of_ticket(t.channel.code(), t.location);
  in.source = "csat";
  in.source_ref = feedback::csat_ref(t.id);
  in.rating = rating;
  in.member_id = t.member_id;
  in.ticket_id = t.id;
  record_item(c, in);
}

void feedback_from_chat(Context& c, int64_t conversation_id) {
  auto& chats = c.store<storage::ConversationStore>();
  const auto conv = chats.conversation(conversation_id);
  if (!conv || conv->end_reason == "offline_message") return;
  std::vector<std::string> lines;
  for (int64_t after = 0;;) {
    const auto page = chats.messages_after(conversation_id, after, 500);
    for (const auto& m : page)
      if (m.sender == "customer" && m.kind == "text") lines.push_back(m.body);
    if (page.size() < 500) break;
    after = page.back().seq;
  }
  NewFeedback in;
  in.text = feedback::transcript_text(lines, kFeedbackTextMax);
  if (in.text.empty()) return;
  in.store_id = conv->store_id;
  in.touchpoint = "online";
  in.source = "chat";
  in.source_ref = feedback::conversation_ref(conv->id);
  in.said_at = conv->created_at;
  in.member_id = conv->member_id;
  in.conversation_id = conv->id;
  record_item(c, in);
}

}  // namespace kefu::app
