#include "privacy/app/erasure.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "privacy/domain/errors.hpp"
#include "privacy/domain/request.hpp"
#include "tickets/app/record.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

constexpr std::size_t kReasonMax = 500;

nlohmann::json counts_json(const storage::KindCounts& counts) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [kind, rows] : counts) j[kind] = rows;
  return j;
}

Error refused_move(const char* zh, const char* en, const privacy::Refusal& r) {
  return make_error(errors::kPrivacyRequestMove, {{"move", Text(zh, en)}, {"reason", Text(r.zh, r.en)}});
}

void check(const privacy::Refusal* r, const char* zh, const char* en) {
  if (r) throw refused_move(zh, en, *r);
}

storage::ErasureRequest load(Context& c, int64_t id) {
  auto r = c.store<storage::PrivacyStore>().request(id);
  if (!r) throw make_error(errors::kNotFound, {{"what", Text("删除请求", "erasure request")}});
  return *r;
}

void save(Context& c, const storage::ErasureRequest& r, privacy::RequestState expected) {
  if (!c.store<storage::PrivacyStore>().update_request(r, expected))
    throw make_error(errors::kVersionConflict, {{"what", Text("删除请求", "erasure request")}});
}

// Names of one character would blank every text they occur in; only longer ones are redacted.
std::vector<std::string> needles(const storage::Footprint& f) {
  std::vector<std::string> out = f.phones;
  for (const auto& n : f.names)
    if (n.size() >= 4 || (n.size() >= 2 && static_cast<unsigned char>(n[0]) < 0x80)) out.push_back(n);
  // Longer first, so that "王小明" is redacted whole before "小明" would cut it.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

}  // namespace

storage::KindCounts erase_footprint(Context& c, const storage::Footprint& f, std::vector<std::string>& freed) {
  auto& people = c.store<storage::PersonDataStore>();
  auto& tickets = c.store<storage::TicketStore>();
  const auto photos = people.photos(f);
  std::vector<ticket::Ticket> saved;
  for (auto id : f.tickets) {
    auto t = tickets.ticket(id);
    if (!t) continue;
    const int64_t expected = t->version;
    t->subject = kErasedText;
    t->description = kErasedText;
    t->member_id.reset();
    t->version = expected + 1;  // times stay as they were: they are the ticket's statistics
    if (!tickets.update_ticket(*t, expected))
      throw make_error(errors::kVersionConflict, {{"what", Text("工单", "ticket")}});
    saved.push_back(*t);
  }
  storage::KindCounts counts{{"tickets", static_cast<int64_t>(saved.size())}};
  auto rest = people.erase_person(f, {kErasedText, needles(f), kErasedMemberName, c.now_ms});
  counts.insert(counts.end(), rest.begin(), rest.end());
  for (const auto& t : saved) reindex(c, t);  // after the timeline lost the customer's words
  for (const auto& p : photos)
    if (!people.blob_named(p.sha256) && std::find(freed.begin(), freed.end(), p.sha256) == freed.end())
      freed.push_back(p.sha256);
  return counts;
}

storage::ErasureRequest request_erasure(Context& c, const PersonQuery& q, const std::string& reason) {
  require_scope(c.actor, "members:write");
  if (auto r = privacy::check_move(std::nullopt, privacy::Move::request, c.actor.role, false))
    throw make_error(errors::kForbidden, {{"reason", Text(r->zh, r->en)}});
  check_text("reason", reason, kReasonMax, true);
  auto p = find_person(c, q);
  if (p.footprint.empty()) throw make_error(errors::kPrivacyNothingHeld);
  storage::ErasureRequest r;
  r.member_id = p.key.member_id;
  r.phone = p.key.phone;
  r.label = p.label;
  r.reason = reason;
  r.state = "requested";
  r.requested_by = c.actor.staff_id;
  r.requested_at = c.now_ms;
  r.counts_json = counts_json(p.counts).dump();
  r.id = c.store<storage::PrivacyStore>().insert_request(r);
  audit(c, "privacy.erasure_requested", "privacy_request", r.id, nullptr,
        {{"person", r.label}, {"reason", reason}, {"counts", counts_json(p.counts)}});
  return r;
}

Erased confirm_erasure(Context& c, int64_t id, const std::string& note) {
  require_scope(c.actor, "members:write");
  check_text("note", note, kReasonMax, false);
  auto r = load(c, id);
  if (!c.actor.at_least("manager")) throw make_error(errors::kForbidden);
  auto refusal = privacy::check_move(r.state, privacy::Move::confirm, c.actor.role, r.requested_by == c.actor.staff_id);
  check(refusal ? &*refusal : nullptr, "确认", "confirmed");
  const auto was = r.state;
  r.state = privacy::after(privacy::Move::confirm);
  r.decided_by = c.actor.staff_id;
  r.decided_at = c.now_ms;
  r.decision_note = note;
  save(c, r, was);

  Erased out;
  auto p = person_of(c, {r.member_id, r.phone});
  const auto counts = erase_footprint(c, p.footprint, out.freed_blobs);
  r.state = privacy::after(privacy::Move::finish);
  r.done_at = c.now_ms;
  r.phone.clear();
  r.counts_json = counts_json(counts).dump();
  save(c, r, "confirmed");
  audit(c, "privacy.erasure_done", "privacy_request", r.id, nullptr,
        {{"person", r.label}, {"note", note}, {"counts", counts_json(counts)}, {"photos", out.freed_blobs.size()}});
  out.request = r;
  return out;
}

storage::ErasureRequest refuse_erasure(Context& c, int64_t id, const std::string& note) {
  require_scope(c.actor, "members:write");
  check_text("note", note, kReasonMax, true);
  auto r = load(c, id);
  if (!c.actor.at_least("manager")) throw make_error(errors::kForbidden);
  auto refusal = privacy::check_move(r.state, privacy::Move::refuse, c.actor.role, r.requested_by == c.actor.staff_id);
  check(refusal ? &*refusal : nullptr, "驳回", "refused");
  const auto was = r.state;
  r.state = privacy::after(privacy::Move::refuse);
  r.decided_by = c.actor.staff_id;
  r.decided_at = c.now_ms;
  r.decision_note = note;
  r.phone.clear();
  save(c, r, was);
  audit(c, "privacy.erasure_refused", "privacy_request", r.id, nullptr, {{"person", r.label}, {"note", note}});
  return r;
}

std::vector<storage::ErasureRequest> erasure_requests(Context& c, const std::string& state, int limit) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "members:read");
  if (!state.empty()) check_enum("state", state, privacy::RequestState::parse(state).has_value());
  return c.store<storage::PrivacyStore>().requests(state, std::clamp(limit, 1, 500));
}

storage::ErasureRequest erasure_request(Context& c, int64_t id) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "members:read");
  return load(c, id);
}

}  // namespace kefu::app
