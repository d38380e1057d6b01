#include "chat/app/canned.hpp"

#include "chat/domain/errors.hpp"
#include "chat/storage/canned_store.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

using storage::CannedStore;

CannedStore& canned(Context& c) { return c.store<CannedStore>(); }

Error not_found() { return make_error(errors::kNotFound, {{"what", Text("快捷回复", "canned reply")}}); }

// Space of any kind: ASCII whitespace or the ideographic space U+3000 (UTF-8 E3 80 80).
bool has_space(const std::string& s) {
  return s.find_first_of(" \t\r\n\v\f") != std::string::npos || s.find("\xE3\x80\x80") != std::string::npos;
}

void check_fields(const CannedInput& in) {
  check_text("shortcut", in.shortcut, chat::kMaxShortcut, true);
  if (has_space(in.shortcut))
    throw make_error(errors::kInvalidField,
                     {{"field", "shortcut"}, {"problem", Text("不能包含空格", "it must not contain spaces")}},
                     "shortcut");
  check_text("title", in.title, chat::kMaxCannedTitle, true);
  check_text("body", in.body, chat::kMaxCannedBody, true);
}

// The caller may see the entry: their store's, or their own (404 otherwise).
chat::CannedReply visible(Context& c, int64_t id) {
  auto r = canned(c).canned(id);
  if (!r) throw not_found();
  if (r->owner_id ? *r->owner_id != c.actor.staff_id : !c.actor.in_store(r->store_id.value_or(0))) throw not_found();
  return *r;
}

// The caller may change it: their own, or their store's as a supervisor or above.
chat::CannedReply kept(Context& c, int64_t id) {
  require_scope(c.actor, "chat:write");
  auto r = visible(c, id);
  if (r.store_id) require_role(c.actor, "supervisor");
  return r;
}

void check_shortcut_free(Context& c, const chat::CannedReply& r) {
  if (canned(c).shortcut_taken(r, r.id)) throw make_error(errors::kCannedShortcutTaken, {{"shortcut", r.shortcut}});
}

nlohmann::json snapshot(const chat::CannedReply& r) {
  return {{"store_id", r.store_id ? nlohmann::json(*r.store_id) : nullptr},
          {"owner_id", r.owner_id ? nlohmann::json(*r.owner_id) : nullptr},
          {"shortcut", r.shortcut},
          {"title", r.title},
          {"body", r.body}};
}

}  // namespace

std::vector<chat::CannedReply> list_canned(Context& c, std::optional<int64_t> store_id, const std::string& q) {
  require_scope(c.actor, "chat:read");
  check_text("q", q, 100, false);
  storage::CannedFilter f{.owner_id = c.actor.staff_id, .text = q};
  if (store_id) {
    if (!c.actor.in_store(*store_id)) throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    f.store_ids = std::vector<int64_t>{*store_id};
  } else if (!c.actor.is_admin()) {
    f.store_ids = c.actor.store_ids;
  }
  return canned(c).canned_for(f);
}

chat::CannedReply create_canned(Context& c, const CannedInput& in) {
  require_scope(c.actor, "chat:write");
  check_fields(in);
  chat::CannedReply r{.shortcut = in.shortcut,
                      .title = in.title,
                      .body = in.body,
                      .created_at = c.now_ms,
                      .updated_at = c.now_ms,
                      .created_by = c.actor.staff_id};
  if (in.store_id) {
    if (!c.actor.in_store(*in.store_id) || !c.store<storage::OrgStore>().store_exists(*in.store_id))
      throw make_error(
          errors::kUnknownReference,
          {{"what", Text("门店", "store")}, {"where", Text("或不在您的服务范围内", "or outside your stores")}},
          "store_id");
    require_role(c.actor, "supervisor");
    r.store_id = in.store_id;
  } else {
    r.owner_id = c.actor.staff_id;
  }
  check_shortcut_free(c, r);
  r.id = canned(c).insert_canned(r);
  audit(c, "canned_reply.create", "canned_reply", r.id, nullptr, snapshot(r));
  return r;
}

chat::CannedReply update_canned(Context& c, int64_t id, const CannedInput& in) {
  auto r = kept(c, id);
  check_fields(in);
  const auto before = snapshot(r);
  r.shortcut = in.shortcut;
  r.title = in.title;
  r.body = in.body;
  r.updated_at = c.now_ms;
  check_shortcut_free(c, r);
  canned(c).update_canned(r);
  audit(c, "canned_reply.update", "canned_reply", id, before, snapshot(r));
  return r;
}

void delete_canned(Context& c, int64_t id) {
  auto r = kept(c, id);
  canned(c).delete_canned(id);
  audit(c, "canned_reply.delete", "canned_reply", id, snapshot(r), nullptr);
}

}  // namespace kefu::app
