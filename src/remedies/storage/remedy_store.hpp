#pragma once
// Remedies (办结方案: refund, exchange, repair, compensation, apology, explanation) of
// tickets with their approval state, and the authority limits (授权额度) that decide
// whether one needs approval. The API calls a remedy a "resolution" (/resolutions);
// in code that word is kept for the SLA metric (办结时限).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

// status: applied (within the requester's authority or approved), pending (waiting for
// approver_role), rejected.
struct Remedy {
  int64_t id = 0;
  int64_t ticket_id = 0;
  std::string kind;
  std::string compensation;
  int64_t amount_cents = 0;
  std::string description;
  std::string status;
  int64_t requested_by = 0;
  std::string approver_role;  // empty when within the requester's authority
  std::optional<int64_t> decided_by;
  std::string decision_reason;
  int64_t created_at = 0;
  std::optional<int64_t> decided_at;
  int64_t version = 1;
};

class RemedyStore : public Store {
 public:
  static std::unique_ptr<RemedyStore> open(Stores&);

  // Role → largest amount in fen that role grants alone.
  virtual std::vector<std::pair<std::string, int64_t>> authority_limits() = 0;
  virtual void put_authority_limit(const std::string& role, int64_t amount_cents) = 0;

  virtual int64_t insert_remedy(const Remedy&) = 0;
  // Writes only when the stored version equals expected_version.
  virtual bool update_remedy(const Remedy&, int64_t expected_version) = 0;
  virtual std::optional<Remedy> remedy(int64_t id) = 0;
  virtual std::vector<Remedy> remedies(int64_t ticket_id) = 0;
  // Pending approvals in these stores (empty = all) for these approver roles.
  virtual std::vector<Remedy> pending_remedies(const std::vector<int64_t>& store_ids,
                                               const std::vector<std::string>& approver_roles) = 0;
};

}  // namespace kefu::storage
