#pragma once
// How fast a conversation was answered (the chat SLA): replayed from its messages, pure.
//
// The contract, in prose:
// - The desk owes the customer an answer from the moment a customer message (text or
//   photo) is unanswered while an agent serves the conversation: from the message itself,
//   or from the assignment when the customer wrote while waiting in the queue.
// - The debt is paid by the next agent message to the customer (text or photo; a whisper
//   pays nothing). The time it took is one reply gap; the first one after an assignment
//   that had nothing to answer yet does not exist (a greeting is no gap).
// - A transfer back to a queue, or the end, stops the clock; an unanswered message at the
//   end counts as a gap up to the end (the customer left without an answer). An open
//   conversation's unanswered message is `pending_since` (what the live view watches).
// - The first reply is measured separately: from the (first) assignment to the first
//   agent message to the customer, whether or not the customer had written.
// Events are read from their JSON body's "event" (queued, assigned, transferred with
// agent_id or queue, ended, reopened).
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "chat/domain/conversation.hpp"

namespace kefu::chat {

struct ReplyStats {
  std::optional<int64_t> first_assigned_at;
  std::optional<int64_t> first_reply_ms;  // from the first assignment
  std::vector<int64_t> gaps_ms;           // every reply gap, in order
  std::optional<int64_t> pending_since;   // an unanswered customer message of an open conversation
  int64_t longest_gap_ms() const;
  int gaps_over(int64_t target_ms) const;
};

ReplyStats reply_stats(std::span<const Message> messages);

}  // namespace kefu::chat
