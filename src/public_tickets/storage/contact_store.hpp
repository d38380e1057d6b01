#pragma once
// What the customer's own page keeps: the contact a customer gave when submitting a
// ticket (how they track it later), and failed tracking attempts (the throttle).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/storage/stores.hpp"

namespace kefu::storage {

// The customer's contact on a ticket submitted from the mobile page (name optional,
// phone normalised). Not a member profile.
struct TicketContact {
  int64_t ticket_id = 0;
  std::string name;
  std::string phone;
  int64_t created_at = 0;
};

class ContactStore : public Store {
 public:
  static std::unique_ptr<ContactStore> open(Stores&);

  // One per ticket.
  virtual void insert_ticket_contact(const TicketContact&) = 0;
  virtual std::optional<TicketContact> ticket_contact(int64_t ticket_id) = 0;

  // Failed attempts to track a ticket, per throttle key (e.g. the ticket number).
  virtual void record_tracking_failure(const std::string& key, int64_t at) = 0;
  virtual int tracking_failures_since(const std::string& key, int64_t since) = 0;
};

}  // namespace kefu::storage
