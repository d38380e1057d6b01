#pragma once
// The customer's own tickets (顾客自助): submitting a complaint, suggestion or praise from
// the mobile page, tracking it by ticket number + phone, reading what the service desk
// answered, replying and adding photos. No login: the caller is app::system_actor(), and
// what a customer may touch is one ticket, named by a signed, expiring access token
// (core/domain/signed_link.hpp format) under its own key ring, purpose "ticket_access"
// (core/app/signing_key.hpp) — a CSAT survey link is not an access token and an access token is not a survey link.
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

inline constexpr int64_t kAccessTokenTtlMs = 30LL * 24 * 3600 * 1000;
inline constexpr std::size_t kCustomerReplyMax = 2000;
inline constexpr std::size_t kCustomerPhotosMax = 9;  // per ticket, uploaded by the customer
// Failed tracking attempts per ticket number before tracking it is refused for a while.
inline constexpr int kTrackFailuresMax = 10;
inline constexpr int64_t kTrackWindowMs = 15LL * 60 * 1000;

struct PublicSubmission {
  std::optional<int64_t> store_id;  // either the id
  std::string store_code;           // or the code (e.g. from a QR code at the desk)
  std::string type;                 // complaint | suggestion | praise
  std::string subject;              // 1..200 characters
  std::string description;          // 1..2000 characters
  std::string name;                 // optional, up to 50
  std::string phone;                // required, any common spelling (members/domain/phone.hpp)
};

struct PublicAccess {
  std::string number;
  std::string token;
  std::string path;  // "/m/t/<token>", the customer's page
  int64_t expires_at = 0;
};

struct PublicSubmitted {
  ticket::Ticket ticket;
  PublicAccess access;
};

// Creates the ticket like app::create_ticket on channel "app" (an online contact: no
// owner until an agent claims it; the SLA policy applies), links the member whose phone
// it is (members are never created here), keeps the customer's name and phone on the
// ticket (storage::TicketContact), and returns the number and an access token.
// 400 invalid_enum (type), required/too_long/invalid_utf8 (texts), invalid_phone,
// unknown_reference (field "store").
PublicSubmitted submit_public_ticket(Context&, const PublicSubmission&);

// The access token for a ticket number + the phone given on it (or its member's phone).
// A wrong number and a wrong phone are the same 404 not_found; after kTrackFailuresMax
// failures for one number within kTrackWindowMs, 429 too_many_attempts. Returns nullopt
// for a failure after recording it (so the caller can commit the record and answer 404).
std::optional<PublicAccess> track_ticket(Context&, const std::string& number, const std::string& phone);

// The ticket a genuine, unexpired access token is for: 403 invalid_link, 410 link_expired.
ticket::Ticket ticket_for_access(Context&, const std::string& token);

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
  int64_t expires_at = 0;  // of the token
  bool can_reply = false;  // not closed
  std::vector<PublicEvent> events;
  std::vector<PublicPhoto> photos;  // the customer's own
  std::optional<storage::CsatRating> rating;
};
PublicTicketView public_ticket_view(Context&, const std::string& token);

// The customer's message (1..kCustomerReplyMax characters): timeline event
// "customer_reply", customer visible; a ticket waiting on the customer goes back in work
// (its clock resumes); the owner is notified (unclaimed: the store's supervisors, else
// managers), kind "customer_reply". 409 ticket_closed for a closed ticket.
ticket::Event customer_reply(Context&, const std::string& token, const std::string& body);

// A photo for the ticket (blob already stored), through app::add_attachment as the
// system actor. 409 ticket_closed, 409 too_many_photos past kCustomerPhotosMax.
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
