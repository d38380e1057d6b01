#pragma once
// Satisfaction surveys (满意度评价): staff hand the customer a signed, expiring link
// (core/domain/signed_link.hpp) to a page that needs no login; the customer rates the ticket
// 1..5 with an optional comment, once. A rating of 2 or less opens a service-recovery
// (服务补救) task for the store's supervisor.
//
// Links are signed with the key ring of purpose "csat_link" (core/app/signing_key.hpp): the
// first key is made with the first link; rotation keeps links out valid until they expire,
// `kefu keys rotate --revoke` voids every link out.
#include <cstdint>
#include <optional>
#include <string>

#include "callbacks/storage/callback_store.hpp"
#include "core/app/context.hpp"
#include "core/storage/database.hpp"

namespace kefu::app {

inline constexpr int64_t kCsatLinkDefaultTtlMs = 14LL * 24 * 3600 * 1000;
inline constexpr int64_t kCsatLinkMinTtlMs = 1000;
inline constexpr int64_t kCsatLinkMaxTtlMs = 30LL * 24 * 3600 * 1000;

struct CsatLink {
  std::string token;
  std::string path;  // "/m/csat/<token>", the customer page
  int64_t expires_at = 0;
};

// Owner or supervisor+; the ticket must be resolved or closed (409 not_resolved) and not
// yet rated (409 already_rated); ttl 1 s .. 30 days (400 invalid_field, field
// "ttl_seconds"). Timeline event "csat_link" {expires_at} (never the token), audit
// "ticket.csat_link".
CsatLink create_csat_link(Context&, int64_t ticket_id, int64_t ttl_ms = kCsatLinkDefaultTtlMs);

// What the customer's page may show: nothing about the member, no phone, no staff names.
struct CsatView {
  std::string number;
  std::string subject;
  std::string store_name;
  std::string status;
  int64_t expires_at = 0;
  std::optional<storage::CsatRating> rating;  // when already rated
};

// Public (c.actor = people::customer_actor(): no role, no reach). 403 invalid_link for a malformed or forged token
// (or before any key exists), 410 link_expired for a genuine link past its expiry.
CsatView csat_view(Context&, const std::string& token);

struct RateResult {
  storage::CsatRating rating;
  std::optional<int64_t> recovery_task_id;  // the service-recovery task, for low ratings
};

// Public. Verifies the link (403/410), then the rating (400 invalid_rating, too_long,
// invalid_utf8), then stores it: a second rating of the ticket is 409 already_rated.
// Timeline event "csat" (customer visible) and audit "ticket.csat". A rating <= 2 adds a
// collaboration task "服务补救：…" for the store's desk department (else the ticket's
// department, else the store's first), assigned to the store's first supervisor, due in
// 24 h, and notifies the store's supervisors (managers when it has none), kind
// "service_recovery".
RateResult rate(Context&, const std::string& token, int rating, const std::string& comment);

}  // namespace kefu::app
