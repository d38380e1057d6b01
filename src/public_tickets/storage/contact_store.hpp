#pragma once
// What the customer's own page keeps: the contact a customer gave when submitting a
// ticket (how they track it later), and the customer's access records (the tokens of the
// customer's page, as digests, each with its expiry and revocation).
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

struct CustomerAccess {
  std::string digest;  // people::token_digest of the token
  int64_t ticket_id = 0;
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> revoked_at;
};

class ContactStore : public Store {
 public:
  static std::unique_ptr<ContactStore> open(Stores&);

  // One per ticket.
  virtual void insert_ticket_contact(const TicketContact&) = 0;
  virtual std::optional<TicketContact> ticket_contact(int64_t ticket_id) = 0;

  // Access records: one per token given to a customer (only its digest is kept).
  virtual void insert_customer_access(const CustomerAccess&) = 0;
  virtual std::optional<CustomerAccess> customer_access(const std::string& digest) = 0;
  // Revokes every unrevoked access to the ticket and records the revocation (a record
  // with digest "revoked:<ticket_id>:<at>", so that it reaches links that have no record,
  // the signed links of before issue 11). Returns how many live records it revoked.
  virtual int revoke_customer_access(int64_t ticket_id, int64_t at) = 0;
  // When access to the ticket was last revoked (nullopt: never).
  virtual std::optional<int64_t> customer_access_revoked_at(int64_t ticket_id) = 0;
  // Deletes the records whose expires_at is at or before `now`; returns how many.
  virtual int forget_customer_access(int64_t now) = 0;
};

}  // namespace kefu::storage
