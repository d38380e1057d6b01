#pragma once
// How fast a conversation was answered (the chat SLA): replayed from its turns, pure.
//
// The contract, in prose:
// - The desk owes the customer an answer from the moment a customer turn (a text or a
//   photo) is unanswered while an agent serves the conversation: from the turn itself, or
//   from the assignment when the customer wrote while waiting in the queue.
// - The debt is paid by the next agent turn to the customer (text or photo; a whisper is
//   no turn). The time it took is one reply gap; the first assignment with nothing to
//   answer yet owes nothing (a greeting is no gap).
// - Going back to a queue (queued, transferred to a queue, reopened) or the end stops the
//   clock; an unanswered turn at the end counts as a gap up to the end (the customer left
//   without an answer). An open conversation's unanswered turn is `pending_since` (what the
//   live view watches).
// - The first reply is measured separately: from the (first) assignment to the first agent
//   turn, whether or not the customer had written.
// The app turns stored messages into turns (chat/app/desk.cpp: the events' JSON is read there).
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace kefu::chat {

struct Turn {
  enum class What {
    customer,  // the customer wrote (text or photo)
    agent,     // an agent wrote to the customer (text or photo)
    served,    // assigned, or transferred to an agent
    unserved,  // queued, transferred to a queue, reopened
    ended,
  };
  What what;
  int64_t at = 0;
};

struct ReplyStats {
  std::optional<int64_t> first_assigned_at;
  std::optional<int64_t> first_reply_ms;  // from the first assignment
  std::vector<int64_t> gaps_ms;           // every reply gap, in order
  std::optional<int64_t> pending_since;   // an unanswered customer turn of an open conversation
  int64_t longest_gap_ms() const;
  int gaps_over(int64_t target_ms) const;
};

ReplyStats reply_stats(std::span<const Turn> turns);

}  // namespace kefu::chat
