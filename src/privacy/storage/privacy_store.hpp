#pragma once
// Personal-data rights' own records: erasure requests (two-person rule,
// privacy/domain/request.hpp), the retention rules an admin saved (defaults in
// privacy/domain/retention.hpp) and the one-time export links. What was done is in the
// audit log (actions "privacy.*"), read here for the admins' list.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/platform_stores.hpp"
#include "core/storage/stores.hpp"
#include "privacy/domain/request.hpp"
#include "privacy/domain/retention.hpp"

namespace kefu::storage {

struct ErasureRequest {
  int64_t id = 0;
  std::optional<int64_t> member_id;
  std::string phone;  // normalised; cleared ("") once the request is done or refused
  std::string label;  // how lists name the person: member number and masked phone
  std::string reason;
  privacy::RequestState state;
  int64_t requested_by = 0;
  int64_t requested_at = 0;
  std::optional<int64_t> decided_by;
  std::optional<int64_t> decided_at;
  std::string decision_note;
  std::optional<int64_t> done_at;
  std::string counts_json;  // what the erasure changed, per kind ("{}" before)
};

struct ExportLink {
  std::string digest;  // of the link's random token (the token itself is never stored)
  std::optional<int64_t> member_id;
  std::string phone;  // cleared once the link is used
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> used_at;
};

class PrivacyStore : public Store {
 public:
  static std::unique_ptr<PrivacyStore> open(Stores&);

  virtual int64_t insert_request(const ErasureRequest&) = 0;
  virtual std::optional<ErasureRequest> request(int64_t id) = 0;
  // Newest first; `state` empty = every state.
  virtual std::vector<ErasureRequest> requests(const std::string& state, int limit) = 0;
  // Writes the row when its state is still `expected`; false when it moved meanwhile.
  virtual bool update_request(const ErasureRequest&, privacy::RequestState expected) = 0;

  // Only the rules an admin saved (privacy::with_defaults fills in the rest).
  virtual std::vector<privacy::RetentionRule> saved_rules() = 0;
  virtual void put_rule(const privacy::RetentionRule&) = 0;

  virtual void insert_export(const ExportLink&) = 0;
  // Marks the unused, unexpired link used at `now` and returns it as it was; nullopt when
  // there is no such link, or it was used or has expired (a link works once).
  virtual std::optional<ExportLink> take_export(const std::string& digest, int64_t now) = 0;
  // Deletes links that expired before `before`; returns how many.
  virtual int64_t delete_exports(int64_t before) = 0;

  // The audit entries of personal-data actions ("privacy.*"), newest first, ids below
  // `before_id` (0: from the newest).
  virtual std::vector<AuditEntry> privacy_audit(int64_t before_id, int limit) = 0;
};

}  // namespace kefu::storage
