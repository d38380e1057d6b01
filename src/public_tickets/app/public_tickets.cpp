#include "public_tickets/app/public_tickets.hpp"

#include <algorithm>

#include "callbacks/storage/callback_store.hpp"
#include "core/app/signing_key.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/domain/signed_link.hpp"
#include "members/domain/phone.hpp"
#include "members/storage/member_store.hpp"
#include "notifications/app/notifications.hpp"
#include "org/storage/org_store.hpp"
#include "public_tickets/domain/errors.hpp"
#include "public_tickets/storage/contact_store.hpp"
#include "sla/app/sla.hpp"
#include "tickets/app/record.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/domain/status.hpp"
#include "tickets/domain/vocabulary.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app {
namespace {

constexpr const char* kKeyPurpose = "ticket_access";
constexpr std::size_t kSubjectMax = 200, kNameMax = 50;

Error invalid_access() {
  return make_error(
      errors::kInvalidLink,
      {{"what", Text("查询链接", "link")},
       {"advice", Text("请用工单号和手机号重新查询", "look the ticket up again by its number and your phone")}});
}

Error access_expired() {
  return make_error(
      errors::kLinkExpired,
      {{"what", Text("查询链接", "link")},
       {"advice", Text("请用工单号和手机号重新查询", "look the ticket up again by its number and your phone")}});
}

Error ticket_closed() { return make_error(errors::kTicketClosed); }

bool is_public_type(const std::string& type) { return type == "complaint" || type == "suggestion" || type == "praise"; }

// Equal in time that depends only on the longer length, not on where they differ.
bool same_digits(const std::string& a, const std::string& b) {
  const std::size_t n = std::max(a.size(), b.size());
  unsigned diff = a.size() != b.size();
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned>(x ^ y);
  }
  return diff == 0;
}

PublicAccess access_for(Context& c, const ticket::Ticket& t) {
  PublicAccess a;
  a.number = t.number;
  a.expires_at = c.now_ms + kAccessTokenTtlMs;
  a.token = links::sign(t.id, a.expires_at, signing_key(c, kKeyPurpose));
  a.path = "/m/t/" + a.token;
  return a;
}

std::string status_zh(ticket::Status s) { return std::string(s.zh()); }

// The staff a customer's message is for: the owner, else the store's supervisors, else
// its managers.
std::vector<int64_t> reply_recipients(Context& c, const ticket::Ticket& t) {
  if (t.owner_id) return {*t.owner_id};
  std::vector<int64_t> ids;
  for (const auto& s : c.store<storage::OrgStore>().staff_in_store(t.store_id, "supervisor")) ids.push_back(s.id);
  if (ids.empty())
    for (const auto& s : c.store<storage::OrgStore>().staff_in_store(t.store_id, "manager")) ids.push_back(s.id);
  return ids;
}

std::string track_key(const std::string& number) { return "track:" + number; }

}  // namespace

PublicSubmitted submit_public_ticket(Context& c, const PublicSubmission& in) {
  check_enum("type", in.type, is_public_type(in.type));
  check_text("subject", in.subject, kSubjectMax, true);
  check_text("description", in.description, kCustomerReplyMax, true);
  check_text("name", in.name, kNameMax, false);
  check_text("phone", in.phone, 40, true);
  auto phone = people::normalize_phone(in.phone);
  if (!phone) throw make_error(errors::kInvalidPhone, {}, "phone");

  std::optional<int64_t> store_id;
  if (in.store_id) {
    if (*in.store_id > 0 && c.store<storage::OrgStore>().store_exists(*in.store_id)) store_id = in.store_id;
  } else if (!in.store_code.empty()) {
    check_text("store", in.store_code, 40, true);
    for (const auto& s : c.store<storage::OrgStore>().stores())
      if (s.code == in.store_code) store_id = s.id;
  } else {
    throw make_error(errors::kRequired, {{"what", Text("门店", "the store")}}, "store");
  }
  if (!store_id) throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "store");

  NewTicket nt;
  nt.store_id = *store_id;
  nt.type = in.type;
  nt.channel = "app";  // APP/网页: an online contact, claimed by the first agent who takes it
  nt.subject = in.subject;
  nt.description = in.description;
  if (auto m = c.store<storage::MemberStore>().member_by_phone(*phone)) nt.member_id = m->id;
  auto t = create_ticket(c, nt);

  c.store<storage::ContactStore>().insert_ticket_contact({t.id, in.name, *phone, c.now_ms});
  // Staff learn who wrote in, with the phone masked as for every agent.
  record_event(c, t.id, "customer_contact", in.name,
               {{"phone", people::mask_phone(*phone)},
                {"member_id", nt.member_id ? nlohmann::json(*nt.member_id) : nlohmann::json(nullptr)}},
               false);
  return {t, access_for(c, t)};
}

std::optional<PublicAccess> track_ticket(Context& c, const std::string& number_in, const std::string& phone_in) {
  check_text("number", number_in, 40, true);
  check_text("phone", phone_in, 40, true);
  std::string number;
  for (char ch : number_in)
    if (ch != ' ') number += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
  if (c.store<storage::ContactStore>().tracking_failures_since(track_key(number), c.now_ms - kTrackWindowMs) >=
      kTrackFailuresMax)
    throw make_error(errors::kTooManyAttempts, {{"minutes", 15}});
  const auto phone = people::normalize_phone(phone_in).value_or("");

  auto t = c.store<storage::TicketStore>().ticket_by_number(number);
  std::string expected = "\x01";  // matches no normalised phone
  if (t) {
    if (auto contact = c.store<storage::ContactStore>().ticket_contact(t->id))
      expected = contact->phone;
    else if (t->member_id)
      if (auto m = c.store<storage::MemberStore>().member(*t->member_id)) expected = m->phone;
  }
  const bool match = same_digits(phone, expected) && !phone.empty();
  if (!t || !match) {
    c.store<storage::ContactStore>().record_tracking_failure(track_key(number), c.now_ms);
    return std::nullopt;
  }
  return access_for(c, *t);
}

ticket::Ticket ticket_for_access(Context& c, const std::string& token) {
  links::Claim claim;
  try {
    claim = links::verify(token, verifying_keys(c, kKeyPurpose), c.now_ms);
  } catch (const Error& e) {
    if (e.kind() == Error::Kind::gone) throw access_expired();
    throw invalid_access();
  }
  auto t = c.store<storage::TicketStore>().ticket(claim.ticket_id);
  if (!t) throw invalid_access();
  return *t;
}

PublicTicketView public_ticket_view(Context& c, const std::string& token) {
  auto t = ticket_for_access(c, token);
  PublicTicketView v;
  v.expires_at = links::verify(token, verifying_keys(c, kKeyPurpose), c.now_ms).expires_at_ms;
  v.number = t.number;
  v.type = std::string(t.type.code());
  v.subject = t.subject;
  if (c.store<storage::ContactStore>().ticket_contact(t.id)) v.description = t.description;  // the customer's own words
  v.status = std::string(t.status.code());
  v.status_zh = status_zh(t.status);
  if (auto s = c.store<storage::OrgStore>().store(t.store_id)) v.store_name = s->name;
  v.created_at = t.created_at;
  v.updated_at = t.updated_at;
  v.can_reply = t.status != "closed";
  for (const auto& e : c.store<storage::TimelineStore>().events(t.id)) {
    if (!e.customer_visible) continue;
    PublicEvent pe{e.id, e.kind, "service", e.body, std::nullopt, e.created_at};
    if (e.kind == "customer_reply" || e.kind == "csat") pe.from = "customer";
    if (e.kind == "csat") {
      auto data = nlohmann::json::parse(e.data, nullptr, false);
      if (data.is_object() && data.contains("rating") && data["rating"].is_number_integer())
        pe.rating = data["rating"].get<int>();
    }
    v.events.push_back(std::move(pe));
  }
  for (const auto& a : c.store<storage::TimelineStore>().attachments(t.id))
    if (a.uploaded_by == 0) v.photos.push_back({a.id, a.content_type, a.filename, a.size, a.created_at});
  v.rating = c.store<storage::CallbackStore>().csat(t.id);
  return v;
}

ticket::Event customer_reply(Context& c, const std::string& token, const std::string& body) {
  auto t = ticket_for_access(c, token);
  check_text("body", body, kCustomerReplyMax, true);
  if (t.status == "closed") throw ticket_closed();
  auto e = record_event(c, t.id, "customer_reply", body, nullptr, true);
  if (t.status == "waiting_customer" && ticket::can_transition(t.status, "in_progress")) {
    const int64_t expected = t.version;
    t.status = "in_progress";
    sla_on_transition(c, t, "waiting_customer", "in_progress");
    t.version = expected + 1;
    t.updated_at = c.now_ms;
    if (!c.store<storage::TicketStore>().update_ticket(t, expected))
      throw make_error(errors::kVersionConflict, {{"what", Text("工单", "ticket")}});
    record_event(c, t.id, "status", "", {{"from", "waiting_customer"}, {"to", "in_progress"}, {"by", "customer_reply"}},
                 false);
  }
  audit(c, "ticket.customer_reply", "ticket", t.id, nullptr, {{"event_id", e.id}, {"body", body}});
  reindex(c, t);
  notify(c, reply_recipients(c, t),
         {.kind = "customer_reply",
          .ticket_id = t.id,
          .title = "顾客回复：工单 " + t.number,
          .body = body + "\n工单：" + t.number + " " + t.subject,
          .data = {{"event_id", e.id}}});
  return e;
}

namespace {

ticket::Ticket photo_ticket(Context& c, const std::string& token) {
  auto t = ticket_for_access(c, token);
  if (t.status == "closed") throw ticket_closed();
  auto existing = c.store<storage::TimelineStore>().attachments(t.id);
  auto own = std::count_if(existing.begin(), existing.end(), [](const auto& a) { return a.uploaded_by == 0; });
  if (static_cast<std::size_t>(own) >= kCustomerPhotosMax)
    throw make_error(errors::kTooManyPhotos, {{"max", kCustomerPhotosMax}});
  return t;
}

}  // namespace

void check_customer_photo_allowed(Context& c, const std::string& token) { photo_ticket(c, token); }

ticket::Attachment add_customer_photo(Context& c, const std::string& token, const ticket::Attachment& in) {
  return add_attachment(c, photo_ticket(c, token).id, in);
}

ticket::Attachment customer_photo(Context& c, const std::string& token, int64_t attachment_id) {
  auto t = ticket_for_access(c, token);
  auto a = c.store<storage::TimelineStore>().attachment(attachment_id);
  if (!a || a->ticket_id != t.id || a->uploaded_by != 0)
    throw make_error(errors::kNotFound, {{"what", Text("照片", "photo")}});
  return *a;
}

std::vector<PublicStore> public_stores(Context& c) {
  std::vector<PublicStore> out;
  for (const auto& s : c.store<storage::OrgStore>().stores()) out.push_back({s.id, s.code, s.name});
  return out;
}

}  // namespace kefu::app
