#pragma once
// Callbacks (回访) due and satisfaction ratings (满意度), one per ticket.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::storage {

struct CsatRating {
  int64_t ticket_id = 0;
  int rating = 0;
  std::string comment;
  int64_t created_at = 0;
};

class CallbackStore : public Store {
 public:
  static std::unique_ptr<CallbackStore> open(Stores&);

  // Tickets in the given stores (empty = all) whose callback falls due before `before`
  // (callback_due_at < before), soonest due first (ties by id), at most `limit`.
  virtual std::vector<ticket::Ticket> callbacks_due(const std::vector<int64_t>& store_ids, int64_t before,
                                                    int limit) = 0;
  // insert_csat returns false when the ticket has a rating already.
  virtual bool insert_csat(const CsatRating&) = 0;
  virtual std::optional<CsatRating> csat(int64_t ticket_id) = 0;
};

}  // namespace kefu::storage
