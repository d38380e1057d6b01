#include "public_tickets/app/public_tickets.hpp"

#include <algorithm>

#include "auth/domain/password.hpp"
#include "callbacks/storage/callback_store.hpp"
#include "core/app/rate_limit.hpp"
#include "core/app/scope.hpp"
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
#include "public_tickets/domain/tracking_code.hpp"
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

// The key ring of the signed access links of before issue 11 (verified, never signed
// again; core/app/signing_key.hpp).
constexpr const char* kLegacyKeyPurpose = "ticket_access";
constexpr int64_t kLegacyTtlMs = 30LL * 24 * 3600 * 1000;
// The key tracking codes derive from. Never rotated: a new key would change every code.
constexpr const char* kCodeKeySetting = "ticket_tracking_code_key";
constexpr std::size_t kSubjectMax = 200, kNameMax = 50;
constexpr int64_t kMinute = 60'000, kHour = 60 * kMinute;

const limits::Policy kTrackPolicy{
    .limit = kTrackFailuresMax, .window_ms = kTrackWindowMs, .block_ms = 15 * kMinute, .max_block_ms = 24 * kHour};
const limits::Policy kTrackAddressPolicy{.limit = kTrackFailuresPerAddressMax,
                                         .window_ms = kTrackWindowMs,
                                         .block_ms = 15 * kMinute,
                                         .max_block_ms = 24 * kHour};
limits::Policy per_hour(int n) { return {.limit = n, .window_ms = kHour, .block_ms = 0, .max_block_ms = 0}; }

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

// A new access record (and forgets the expired ones).
PublicAccess access_for(Context& c, const ticket::Ticket& t) {
  auto& store = c.store<storage::ContactStore>();
  store.forget_customer_access(c.now_ms);
  PublicAccess a;
  a.number = t.number;
  a.expires_at = c.now_ms + kAccessTokenTtlMs;
  a.token = people::new_token();
  store.insert_customer_access({people::token_digest(a.token), t.id, c.now_ms, a.expires_at, std::nullopt});
  a.path = "/m/t/" + a.token;
  return a;
}

// Inside a write (the key is created on first use).
std::string code_of(Context& c, int64_t ticket_id) {
  return ticket::tracking_code(ticket_id, fixed_key(c, kCodeKeySetting));
}

// The customer acting through the desk's own use cases (create_ticket, add_attachment): an
// agent of exactly this store with tickets:write only, staff id 0 (= the customer).
people::Actor intake_actor(int64_t store_id) {
  people::Actor a;
  a.username = "customer";
  a.display_name = "顾客";
  a.role = "agent";
  a.store_ids = {store_id};
  a.via_token = true;
  a.scopes = {"tickets:write"};
  return a;
}

struct Access {
  ticket::Ticket ticket;
  int64_t expires_at = 0;
};

Access resolve_access(Context& c, const std::string& token) {
  int64_t ticket_id = 0, expires_at = 0;
  if (token.find('.') != std::string::npos) {  // a signed link of before issue 11
    links::Claim claim;
    try {
      claim = links::verify(token, verifying_keys(c, kLegacyKeyPurpose), c.now_ms);
    } catch (const Error& e) {
      if (e.kind() == Error::Kind::gone) throw access_expired();
      throw invalid_access();
    }
    auto revoked = c.store<storage::ContactStore>().customer_access_revoked_at(claim.ticket_id);
    if (revoked && *revoked >= claim.expires_at_ms - kLegacyTtlMs) throw access_expired();
    ticket_id = claim.ticket_id;
    expires_at = claim.expires_at_ms;
  } else {
    if (token.empty() || token.size() > 100) throw invalid_access();
    auto a = c.store<storage::ContactStore>().customer_access(people::token_digest(token));
    if (!a) throw invalid_access();
    if (a->revoked_at || a->expires_at <= c.now_ms) throw access_expired();
    ticket_id = a->ticket_id;
    expires_at = a->expires_at;
  }
  auto t = c.store<storage::TicketStore>().ticket(ticket_id);
  if (!t) throw invalid_access();
  if (t->status == "closed" && t->closed_at && *t->closed_at + kClosedAccessMs <= c.now_ms) throw access_expired();
  return {*t, expires_at};
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

}  // namespace

PublicSubmitted submit_public_ticket(Context& c, const PublicSubmission& in) {
  const bool chat = in.channel == "live_chat";
  check_enum("type", in.type, is_public_type(in.type) || (chat && in.type == "inquiry"));
  check_text("context", in.context, kChatContextMax, false);
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
  const std::vector<Limit> limits{{"submit:addr:" + in.remote, per_hour(kSubmitsPerAddress)},
                                  {"submit:phone:" + *phone, per_hour(kSubmitsPerPhone)}};
  check_limits(c.stores, limits, c.now_ms, errors::kRateLimited);
  hit_limits(c.stores, limits, c.now_ms);

  NewTicket nt;
  nt.store_id = *store_id;
  nt.type = in.type;
  // An online contact (APP/网页 or 在线客服), claimed by the first agent who takes it.
  nt.channel = chat ? "live_chat" : "app";
  nt.subject = in.subject;
  nt.description = in.context.empty() ? in.description : in.description + "\n\n" + in.context;
  if (auto m = c.store<storage::MemberStore>().member_by_phone(*phone)) nt.member_id = m->id;
  const auto intake = intake_actor(*store_id);
  Context as_intake{c.stores, intake, c.now_ms, c.segmenter};
  auto t = create_ticket(as_intake, nt);

  c.store<storage::ContactStore>().insert_ticket_contact({t.id, in.name, *phone, c.now_ms});
  // Staff learn who wrote in, with the phone masked as for every agent.
  record_event(c, t.id, "customer_contact", in.name,
               {{"phone", people::mask_phone(*phone)},
                {"member_id", nt.member_id ? nlohmann::json(*nt.member_id) : nlohmann::json(nullptr)}},
               false);
  return {t, access_for(c, t), code_of(c, t.id)};
}

std::optional<PublicAccess> track_ticket(Context& c, const TrackRequest& in) {
  check_text("number", in.number, 40, true);
  check_text("phone", in.phone, 40, true);
  check_text("code", in.code, 20, true);
  std::string number;
  for (char ch : in.number)
    if (ch != ' ') number += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
  const auto phone = people::normalize_phone(in.phone).value_or("");
  std::vector<Limit> limits{{"track:number:" + number, kTrackPolicy}, {"track:addr:" + in.remote, kTrackAddressPolicy}};
  if (!phone.empty()) limits.push_back({"track:phone:" + phone, kTrackPolicy});
  check_limits(c.stores, limits, c.now_ms, errors::kTooManyAttempts);

  auto t = c.store<storage::TicketStore>().ticket_by_number(number);
  std::string expected = "\x01";  // matches no normalised phone
  if (t) {
    if (auto contact = c.store<storage::ContactStore>().ticket_contact(t->id))
      expected = contact->phone;
    else if (t->member_id)
      if (auto m = c.store<storage::MemberStore>().member(*t->member_id)) expected = m->phone;
  }
  // The code is computed for a number that does not exist too (as ticket 1's), so that the
  // time taken does not tell which numbers exist.
  const auto code = code_of(c, t ? t->id : 1);
  const auto typed_code = ticket::normalize_tracking_code(in.code);
  const bool phone_ok = same_digits(phone, expected) && !phone.empty();
  const bool code_ok = same_digits(typed_code, code) && !typed_code.empty();
  if (!t || !phone_ok || !code_ok) {
    hit_limits(c.stores, limits, c.now_ms);
    return std::nullopt;
  }
  return access_for(c, *t);
}

ticket::Ticket ticket_for_access(Context& c, const std::string& token) { return resolve_access(c, token).ticket; }

TrackingSlip tracking_slip(Context& c, int64_t ticket_id) {
  require_scope(c.actor, "tickets:read");
  auto t = get_ticket(c, ticket_id);
  TrackingSlip s{t.number, code_of(c, t.id), "", ""};
  s.text_zh = "您的工单号：" + s.number + "，查询码：" + s.code +
              "。打开客服页面的“查询进度”，输入工单号、手机号和查询码即可查看处理进度。";
  s.text_en = "Your ticket number: " + s.number + ", tracking code: " + s.code +
              ". Open \"Track\" on the service page and enter the number, your phone and the code to follow it.";
  audit(c, "ticket.tracking_slip", "ticket", t.id, nullptr, {{"number", t.number}});
  return s;
}

int revoke_customer_access(Context& c, int64_t ticket_id) {
  require_scope(c.actor, "tickets:write");
  auto t = get_ticket(c, ticket_id);
  require_owner_or(c.actor, t, "supervisor");
  const int n = c.store<storage::ContactStore>().revoke_customer_access(t.id, c.now_ms);
  audit(c, "ticket.customer_access_revoke", "ticket", t.id, nullptr, {{"revoked", n}});
  return n;
}

PublicTicketView public_ticket_view(Context& c, const std::string& token) {
  auto access = resolve_access(c, token);
  const auto& t = access.ticket;
  PublicTicketView v;
  v.expires_at = access.expires_at;
  if (auto key = existing_fixed_key(c, kCodeKeySetting)) v.tracking_code = ticket::tracking_code(t.id, *key);
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

ticket::Event customer_reply(Context& c, const std::string& token, const std::string& body, const std::string& remote) {
  auto t = ticket_for_access(c, token);
  check_text("body", body, kCustomerReplyMax, true);
  if (t.status == "closed") throw ticket_closed();
  const std::vector<Limit> limits{{"reply:addr:" + remote, per_hour(kRepliesPerAddress)},
                                  {"reply:ticket:" + std::to_string(t.id), per_hour(kRepliesPerTicket)}};
  check_limits(c.stores, limits, c.now_ms, errors::kRateLimited);
  hit_limits(c.stores, limits, c.now_ms);
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
  auto t = photo_ticket(c, token);
  const auto intake = intake_actor(t.store_id);
  Context as_intake{c.stores, intake, c.now_ms, c.segmenter};
  return add_attachment(as_intake, t.id, in);
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
