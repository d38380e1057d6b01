#pragma once
// The stores every capability shares: the audit log, idempotency keys, installation
// settings and the keys that sign links.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

struct AuditEntry {
  int64_t id = 0;
  int64_t actor_id = 0;
  std::string action;  // e.g. ticket.update, staff.create, auth.login_failed
  std::string entity;  // e.g. ticket
  int64_t entity_id = 0;
  std::string before_json;  // "" when nothing existed
  std::string after_json;
  int64_t created_at = 0;
};

// The audit log is append-only: the schema refuses UPDATE and DELETE.
class AuditStore : public Store {
 public:
  static std::unique_ptr<AuditStore> open(Stores&);

  virtual void append_audit(const AuditEntry&) = 0;
  virtual std::vector<AuditEntry> audit(const std::string& entity, int64_t entity_id) = 0;
};

struct IdempotentResult {
  std::string request_hash;
  int status = 0;
  std::string body;
};

// Idempotency keys are per caller: (staff_id, key).
class IdempotencyStore : public Store {
 public:
  static std::unique_ptr<IdempotencyStore> open(Stores&);

  virtual std::optional<IdempotentResult> idempotent(int64_t staff_id, const std::string& key) = 0;
  virtual void put_idempotent(int64_t staff_id, const std::string& key, const IdempotentResult&, int64_t at) = 0;
};

// Installation settings (e.g. the signing keys of links).
class SettingStore : public Store {
 public:
  static std::unique_ptr<SettingStore> open(Stores&);

  virtual std::optional<std::string> setting(const std::string& key) = 0;
  // Returns the value in force afterwards (the stored one when the key existed).
  virtual std::string put_setting_if_absent(const std::string& key, const std::string& value) = 0;
};

// The keys that sign links, per purpose ("csat_link", "ticket_access"); the rules for
// rotation are core/domain/key_ring.hpp. Kept out of `kefu export` unless asked for.
struct SigningKey {
  int64_t id = 0;
  std::string purpose;
  std::string secret_hex;
  int64_t created_at = 0;
  std::optional<int64_t> retired_at;
};

class SigningKeyStore : public Store {
 public:
  static std::unique_ptr<SigningKeyStore> open(Stores&);

  // Every key of the purpose, by id.
  virtual std::vector<SigningKey> signing_keys(const std::string& purpose) = 0;
  virtual int64_t insert_signing_key(const std::string& purpose, const std::string& secret_hex, int64_t created_at) = 0;
  // Retires every live key of the purpose except `keep` (already retired keys keep their date).
  virtual int retire_signing_keys(const std::string& purpose, int64_t keep, int64_t at) = 0;
  virtual int delete_signing_keys(const std::vector<int64_t>& ids) = 0;
};

}  // namespace kefu::storage
