#pragma once
// The customer's own tickets (顾客自助): submitting a complaint, suggestion or praise from
// the mobile page, tracking it by ticket number + phone + tracking code, reading what the
// service desk answered, replying and adding photos. No login: the caller is
// people::customer_actor() (no role, no reach), and what a customer may touch is one
// ticket, named by an access token: a random token whose digest is kept with its expiry
// (storage::CustomerAccess), revoked by staff or ending when the ticket has been closed for
// kClosedAccessMs. A CSAT survey link is not an access token and an access token is not a
// survey link. Signed access links of before issue 11 ("<id>.<expiry>.<mac>" under the
// "ticket_access" key ring, core/app/signing_key.hpp) are still honoured until their expiry (30 days at
// most), unless staff revoked the ticket's access after they were issued.
//
// Abuse limits (core/app/rate_limit.hpp; docs/security/limits.md): tracking failures are
// counted per ticket number, per phone and per client address; submitting per address and
// per phone; replies per address and per ticket.
//
// What a customer sees: the number, subject, status, store name, their own words, the
// service desk's replies (as 客服, never a staff name), their photos and the CSAT state.
// Never internal notes, tasks, owners, other customers or members.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "callbacks/storage/callback_store.hpp"
#include "core/app/context.hpp"
#include "core/storage/database.hpp"
#include "public_tickets/storage/contact_store.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

inline constexpr int64_t kAccessTokenTtlMs = 7LL * 24 * 3600 * 1000;
// A closed ticket's page stays open this long after closing (to read the answer, rate it).
inline constexpr int64_t kClosedAccessMs = 7LL * 24 * 3600 * 1000;
inline constexpr std::size_t kCustomerReplyMax = 2000;
inline constexpr std::size_t kCustomerPhotosMax = 9;  // per ticket, uploaded by the customer
// Failed tracking attempts per ticket number, per phone, per address before tracking is
// refused for a while (15 minutes, doubling up to a day).
inline constexpr int kTrackFailuresMax = 10;
inline constexpr int kTrackFailuresPerAddressMax = 20;
inline constexpr int64_t kTrackWindowMs = 15LL * 60 * 1000;
// Submissions per client address and per phone in an hour; replies per address and per
// ticket in an hour.
inline constexpr int kSubmitsPerAddress = 20, kSubmitsPerPhone = 5;
inline constexpr int kRepliesPerAddress = 60, kRepliesPerTicket = 30;

struct PublicSubmission {
  std::optional<int64_t> store_id;  // either the id
  std::string store_code;           // or the code (e.g. from a QR code at the desk)
  std::string type;                 // complaint | suggestion | praise
  std::string subject;              // 1..200 characters
  std::string description;          // 1..2000 characters
  std::string name;                 // optional, up to 50
  std::string phone;                // required, any common spelling (members/domain/phone.hpp)
  std::string remote;               // the client's address (the rate limits)
  // A live chat's message left when nobody could answer (chat/app/desk.hpp): channel
  // live_chat, type inquiry allowed, and the chat so far appended to the description.
  std::string channel = "app";
  std::string context;  // up to kChatContextMax characters
};
inline constexpr std::size_t kChatContextMax = 3000;

struct PublicAccess {
  std::string number;
  std::string token;
  std::string path;  // "/m/t/<token>", the customer's page
  int64_t expires_at = 0;
};

struct PublicSubmitted {
  ticket::Ticket ticket;
  PublicAccess access;
  std::string tracking_code;  // shown on the confirmation: with the number and phone, it tracks
};

// Creates the ticket like app::create_ticket on channel "app" (an online contact: no
// owner until an agent claims it; the SLA policy applies), links the member whose phone
// it is (members are never created here), keeps the customer's name and phone on the
// ticket (storage::TicketContact), and returns the number, the tracking code and an access
// token. 400 invalid_enum (type), required/too_long/invalid_utf8 (texts), invalid_phone,
// unknown_reference (field "store"); 429 rate_limited past kSubmitsPerAddress or
// kSubmitsPerPhone in an hour.
PublicSubmitted submit_public_ticket(Context&, const PublicSubmission&);

struct TrackRequest {
  std::string number;
  std::string phone;
  std::string code;    // the tracking code (public_tickets/domain/tracking_code.hpp)
  std::string remote;  // the client's address
};
// A new access token for a ticket number + the phone given on it (or its member's phone,
// for a ticket the desk opened) + its tracking code. Any mismatch is the same 404
// not_found; 429 too_many_attempts (with Retry-After) once the number, the phone or the
// address has failed too often (kTrackFailuresMax, kTrackFailuresPerAddressMax per
// kTrackWindowMs). Returns nullopt for a failure after counting it (so the caller can
// commit the count and answer 404).
std::optional<PublicAccess> track_ticket(Context&, const TrackRequest&);

// The ticket a live access token is for: 403 invalid_link (unknown, forged, revoked),
// 410 link_expired (expired, or the ticket closed more than kClosedAccessMs ago).
ticket::Ticket ticket_for_access(Context&, const std::string& token);

// For the desk (staff with the ticket in reach): what to give the customer so that they can
// track the ticket — the number, the tracking code and a text to print or send by SMS.
struct TrackingSlip {
  std::string number;
  std::string code;
  std::string text_zh;
  std::string text_en;
};
TrackingSlip tracking_slip(Context&, int64_t ticket_id);

// Staff end every access the customer holds to the ticket (links already given, the
// customer's open page): the customer tracks it again (number, phone, code) if needed.
// Returns how many access records were revoked. Audit "ticket.customer_access_revoke".
int revoke_customer_access(Context&, int64_t ticket_id);

struct PublicEvent {
  int64_t id = 0;
  std::string kind;  // reply (客服), customer_reply, csat
  std::string from;  // "service" or "customer"
  std::string body;
  std::optional<int> rating;  // csat
  int64_t created_at = 0;
};

struct PublicPhoto {
  int64_t id = 0;
  std::string content_type;
  std::string filename;
  int64_t size = 0;
  int64_t created_at = 0;
};

struct PublicTicketView {
  std::string number;
  std::string type;
  std::string subject;
  std::string description;  // only when the customer wrote it (submitted on the mobile page)
  std::string status;
  std::string status_zh;
  std::string store_name;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t expires_at = 0;     // of the token
  std::string tracking_code;  // to track the ticket again once the token has expired
  bool can_reply = false;     // not closed
  std::vector<PublicEvent> events;
  std::vector<PublicPhoto> photos;  // the customer's own
  std::optional<storage::CsatRating> rating;
};
PublicTicketView public_ticket_view(Context&, const std::string& token);

// The customer's message (1..kCustomerReplyMax characters; 429 rate_limited past
// kRepliesPerAddress or kRepliesPerTicket in an hour): timeline event
// "customer_reply", customer visible; a ticket waiting on the customer goes back in work
// (its clock resumes); the owner is notified (unclaimed: the store's supervisors, else
// managers), kind "customer_reply". 409 ticket_closed for a closed ticket.
ticket::Event customer_reply(Context&, const std::string& token, const std::string& body,
                             const std::string& remote = "");

// A photo for the ticket (blob already stored), through app::add_attachment as an actor
// narrowed to the ticket's store (tickets:write only; uploaded_by 0 = the customer). 409 ticket_closed, 409
// too_many_photos past kCustomerPhotosMax.
ticket::Attachment add_customer_photo(Context&, const std::string& token, const ticket::Attachment&);
// What add_customer_photo checks before it writes (the token, 409 ticket_closed, 409
// too_many_photos): an upload runs it before any byte reaches the blob folder.
void check_customer_photo_allowed(Context&, const std::string& token);

// One of the customer's own photos of the ticket (404 otherwise).
ticket::Attachment customer_photo(Context&, const std::string& token, int64_t attachment_id);

struct PublicStore {
  int64_t id = 0;
  std::string code;
  std::string name;
};
std::vector<PublicStore> public_stores(Context&);

}  // namespace kefu::app
