#pragma once
// Follows a table's growing ids for a live stream when rows may commit out of id order:
// with several nodes on one PostgreSQL, id 101 (node A) can commit after id 102 (node
// B). A poller that only asks for ids above the largest it has seen would skip 101 for
// ever. IdTracker remembers the holes below the largest id for a grace period, asks
// again from below the oldest open hole, and accepts each id once. A hole that stays
// open past the grace period is given up (its transaction rolled back, or took longer
// than any request may).
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>

namespace kefu::api {

class IdTracker {
 public:
  explicit IdTracker(int64_t start = 0, int64_t grace_ms = 5000) : floor_(start), top_(start), grace_ms_(grace_ms) {}

  // Ask the database for ids above this.
  int64_t floor() const { return floor_; }
  // The largest id accepted so far.
  int64_t top() const { return top_; }
  // Whether `id` is new (deliver it); false when it was accepted before.
  bool accept(int64_t id, int64_t now_ms);
  // After a poll: forget holes older than the grace period and move the floor up.
  void settle(int64_t now_ms);

  // One poll: reads every row above the floor page by page (fetch(after_id) returns at
  // most `page` rows in id order; each page goes on from the last row read, since the
  // floor only moves in settle()), hands each new one to deliver, then settles.
  template <class Fetch, class IdOf, class Deliver>
  void follow(int64_t now_ms, std::size_t page, Fetch fetch, IdOf id_of, Deliver deliver) {
    for (int64_t from = floor_;;) {
      const auto rows = fetch(from);
      for (const auto& row : rows) {
        from = id_of(row);
        if (accept(from, now_ms)) deliver(row);
      }
      if (rows.size() < page) break;
    }
    settle(now_ms);
  }

 private:
  int64_t floor_, top_, grace_ms_;
  std::map<int64_t, int64_t> holes_;  // missing id -> when first seen missing
  std::set<int64_t> seen_;            // accepted ids above floor_
};

}  // namespace kefu::api
