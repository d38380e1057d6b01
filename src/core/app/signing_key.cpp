#include "core/app/signing_key.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/app/scope.hpp"
#include "core/domain/key_ring.hpp"
#include "core/domain/signed_link.hpp"
#include "core/storage/platform_stores.hpp"

namespace kefu::app {
namespace {

std::string to_hex(const std::vector<unsigned char>& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (auto b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

LinkKey from_hex(const storage::SigningKey& k) {
  auto digit = [](char ch) -> int {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
  };
  const auto& hex = k.secret_hex;
  auto corrupt = [&] { return std::runtime_error("signing key " + std::to_string(k.id) + " is corrupt"); };
  if (hex.size() != links::key_size() * 2) throw corrupt();
  LinkKey out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int hi = digit(hex[i]), lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0) throw corrupt();
    out.push_back(static_cast<unsigned char>(hi * 16 + lo));
  }
  return out;
}

std::vector<links::KeyRecord> records(const std::vector<storage::SigningKey>& keys) {
  std::vector<links::KeyRecord> out;
  for (const auto& k : keys) out.push_back({k.id, k.created_at, k.retired_at});
  return out;
}

const storage::SigningKey& by_id(const std::vector<storage::SigningKey>& keys, int64_t id) {
  auto it = std::find_if(keys.begin(), keys.end(), [&](const auto& k) { return k.id == id; });
  if (it == keys.end()) throw std::logic_error("no signing key " + std::to_string(id));
  return *it;
}

void check_purpose(const std::string& purpose) {
  if (std::none_of(std::begin(kLinkPurposes), std::end(kLinkPurposes), [&](const char* p) { return purpose == p; }))
    throw std::invalid_argument("unknown link purpose " + purpose);
}

// Makes a new key the signing one; older live keys retire, spent ones go.
KeyRotation rotate(Context& c, const std::string& purpose, bool revoke) {
  auto& store = c.store<storage::SigningKeyStore>();
  KeyRotation r{purpose};
  r.new_key_id = store.insert_signing_key(purpose, to_hex(links::new_key()), c.now_ms);
  r.retired = store.retire_signing_keys(purpose, r.new_key_id, c.now_ms);
  std::vector<int64_t> gone;
  if (revoke) {
    for (const auto& k : store.signing_keys(purpose))
      if (k.id != r.new_key_id) gone.push_back(k.id);
    r.retired = 0;
  } else {
    gone = links::spent_key_ids(records(store.signing_keys(purpose)), c.now_ms);
  }
  r.deleted = store.delete_signing_keys(gone);
  return r;
}

}  // namespace

LinkKey signing_key(Context& c, const std::string& purpose) {
  check_purpose(purpose);
  auto keys = c.store<storage::SigningKeyStore>().signing_keys(purpose);
  if (links::rotation_due(records(keys), c.now_ms)) {
    rotate(c, purpose, false);
    keys = c.store<storage::SigningKeyStore>().signing_keys(purpose);
  }
  return from_hex(by_id(keys, *links::signing_key_id(records(keys))));
}

std::vector<LinkKey> verifying_keys(Context& c, const std::string& purpose) {
  check_purpose(purpose);
  const auto keys = c.store<storage::SigningKeyStore>().signing_keys(purpose);
  std::vector<LinkKey> out;
  for (auto id : links::verifying_key_ids(records(keys), c.now_ms)) out.push_back(from_hex(by_id(keys, id)));
  return out;
}

KeyRotation rotate_signing_key(Context& c, const std::string& purpose, bool revoke) {
  require_role(c.actor, "admin");
  check_purpose(purpose);
  auto r = rotate(c, purpose, revoke);
  c.store<storage::AuditStore>().append_audit(
      {0, c.actor.staff_id, revoke ? "signing_key.revoke" : "signing_key.rotate", "signing_key", r.new_key_id, "",
       nlohmann::json{{"purpose", purpose}, {"retired", r.retired}, {"deleted", r.deleted}}.dump(), c.now_ms});
  return r;
}

std::vector<KeyState> signing_key_states(Context& c) {
  require_role(c.actor, "admin");
  std::vector<KeyState> out;
  for (const char* purpose : kLinkPurposes) {
    const auto keys = c.store<storage::SigningKeyStore>().signing_keys(purpose);
    const auto ring = records(keys);
    const auto signer = links::signing_key_id(ring);
    const auto verifying = links::verifying_key_ids(ring, c.now_ms);
    for (const auto& k : keys) {
      const bool verifies = std::find(verifying.begin(), verifying.end(), k.id) != verifying.end();
      out.push_back({purpose, k.id, k.created_at, k.retired_at,
                     signer == k.id ? "signing"
                     : verifies     ? "verifying"
                                    : "spent"});
    }
  }
  return out;
}

}  // namespace kefu::app
