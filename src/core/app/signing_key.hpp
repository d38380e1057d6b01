#pragma once
// Server keys for signed links (core/domain/signed_link.hpp), one key ring per purpose:
// "csat_link" for survey links, "ticket_access" for the customer's access to their own
// ticket. Separate rings, so a token made for one purpose never verifies for another.
// Rotation follows core/domain/key_ring.hpp: a new key takes over every 90 days (when the
// next link is signed), the retired one verifies for 30 more days, and `kefu keys rotate
// --revoke` replaces a leaked key at once. Keys are kept out of `kefu export` by default.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"

namespace kefu::app {

inline constexpr const char* kLinkPurposes[] = {"csat_link", "ticket_access"};

using LinkKey = std::vector<unsigned char>;

// The key that signs new links of `purpose`, created on first use and replaced when due
// (call inside a write).
LinkKey signing_key(Context&, const std::string& purpose);

// Every key that verifies links of `purpose` now (reads only); empty = no link was ever signed.
std::vector<LinkKey> verifying_keys(Context&, const std::string& purpose);

struct KeyRotation {
  std::string purpose;
  int64_t new_key_id = 0;
  int retired = 0;  // keys that now only verify
  int deleted = 0;  // keys removed: spent ones, and with revoke every older key
};

// A new key signs links of `purpose` from now on. revoke=false: older keys keep verifying
// the links they signed until those expire; revoke=true: older keys are deleted, and every
// link they signed stops working (for a key that may have leaked). Audited. Admin only.
KeyRotation rotate_signing_key(Context&, const std::string& purpose, bool revoke);

struct KeyState {
  std::string purpose;
  int64_t id = 0;
  int64_t created_at = 0;
  std::optional<int64_t> retired_at;
  std::string state;  // "signing" | "verifying" | "spent"
};

// Every key with its state, never the key itself.
std::vector<KeyState> signing_key_states(Context&);

}  // namespace kefu::app
