#pragma once
// What the weekly sample draws from (read only): the store's tickets resolved and chats
// ended in a period, with the facts the sampling rules look at.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/storage/stores.hpp"
#include "quality/domain/sampler.hpp"

namespace kefu::storage {

class QaSourceStore : public Store {
 public:
  static std::unique_ptr<QaSourceStore> open(Stores&);

  // Tickets of the store resolved in [from, to) that have an owner: the owner is the agent;
  // hotline tickets are channel kind hotline, the rest desk; low CSAT is a rating ≤ 2;
  // complaint is type complaint; reopened is reopen_count > 0. Oldest first.
  virtual std::vector<quality::Candidate> ticket_candidates(int64_t store_id, int64_t from, int64_t to) = 0;
  // Conversations of the store ended in [from, to) that had an agent; low CSAT is the
  // customer's rating ≤ 2. Oldest first.
  virtual std::vector<quality::Candidate> conversation_candidates(int64_t store_id, int64_t from, int64_t to) = 0;
};

}  // namespace kefu::storage
