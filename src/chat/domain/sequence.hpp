#pragma once
// Exactly-once, in-order delivery of one conversation's messages to one socket.
//
// Every message a conversation commits gets the next sequence number of that conversation
// (1, 2, 3, … with no holes: numbered inside the committing transaction). A socket tells
// the server the last number it has seen (0 = none) when it connects or reconnects; the
// server sends what came after from storage (the replay) while new commits are announced
// live. Replay and live announcements overlap and may arrive in any order; a Cursor turns
// them into the stream the socket must see: each number once, in order, none skipped.
//
// A Cursor holds back a message whose predecessors have not come yet; when it holds
// something back, gap() tells the caller to read from storage after last() (an
// announcement was lost, or a node's notification came before the replay read it).
// Duplicates (a retried send, a message in both the replay and a live announcement) are
// dropped by number. The client keeps the same rule, so a reconnect resumes with no loss
// and no duplicate.
#include <cstdint>
#include <map>
#include <vector>

namespace kefu::chat {

template <class Message>
class Cursor {
 public:
  explicit Cursor(int64_t last_seen = 0) : last_(last_seen) {}

  // The messages that may be delivered now, in order (`seq_of(m)` gives a message's number).
  template <class SeqOf>
  std::vector<Message> accept(std::vector<Message> batch, SeqOf seq_of) {
    for (auto& m : batch) {
      const int64_t seq = seq_of(m);
      if (seq > last_) held_.emplace(seq, std::move(m));  // a duplicate keeps the first copy
    }
    std::vector<Message> out;
    for (auto it = held_.begin(); it != held_.end() && it->first == last_ + 1; it = held_.erase(it)) {
      out.push_back(std::move(it->second));
      last_ = it->first;
    }
    return out;
  }

  int64_t last() const { return last_; }
  bool gap() const { return !held_.empty(); }

 private:
  int64_t last_;
  std::map<int64_t, Message> held_;
};

}  // namespace kefu::chat
