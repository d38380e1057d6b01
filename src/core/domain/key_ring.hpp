#pragma once
// The key ring of one link purpose (signed_link.hpp): which key signs new links, which keys
// still verify old ones, and when the signing key is replaced. Pure: time is passed in.
//
// Contract:
// - The signing key is the newest live key (largest created_at, then largest id: two nodes
//   that rotate at the same moment both produce valid keys and agree on which one signs).
// - A key is retired when a newer one takes over (rotation) and keeps verifying for
//   kMaxLinkLifetimeMs after that: no link it signed can outlive it, because no link lives
//   longer (survey links: 1 s to 30 days, checked by callbacks/app/csat.cpp; the customer's
//   access to a ticket: at most 30 days, public_tickets). A retired key older than that
//   verifies nothing any more and may be deleted.
// - Rotation is due when the signing key is kRotationPeriodMs old. A leaked key is revoked
//   instead: deleted at once, and every link it signed stops working.
// Why 90 days: long enough that a retired key rarely has company (at most two keys verify
// at any time), short enough that a copy of a key taken from an old backup stops
// verifying new links within a quarter.
#include <cstdint>
#include <optional>
#include <vector>

namespace kefu::links {

constexpr int64_t kMaxLinkLifetimeMs = 30LL * 24 * 3600 * 1000;
constexpr int64_t kRotationPeriodMs = 90LL * 24 * 3600 * 1000;

struct KeyRecord {
  int64_t id = 0;
  int64_t created_at = 0;
  std::optional<int64_t> retired_at;  // nullopt: live
  friend bool operator==(const KeyRecord&, const KeyRecord&) = default;
};

// The id of the key that signs new links, nullopt when there is no live key.
std::optional<int64_t> signing_key_id(const std::vector<KeyRecord>& ring);

// Whether a new key should take over now (no live key, or the signing key is due).
bool rotation_due(const std::vector<KeyRecord>& ring, int64_t now_ms);

// The ids of the keys that verify links at `now`: every live key and every key retired
// less than kMaxLinkLifetimeMs ago.
std::vector<int64_t> verifying_key_ids(const std::vector<KeyRecord>& ring, int64_t now_ms);

// The ids of retired keys that verify nothing any more (safe to delete).
std::vector<int64_t> spent_key_ids(const std::vector<KeyRecord>& ring, int64_t now_ms);

}  // namespace kefu::links
