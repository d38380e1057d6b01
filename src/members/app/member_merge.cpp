#include "members/app/member_merge.hpp"

#include "core/app/scope.hpp"
#include "members/app/member_support.hpp"
#include "members/app/members.hpp"
#include "members/domain/errors.hpp"
#include "members/storage/member_store.hpp"
#include "tickets/app/record.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

Error invalid(const char* zh, const char* en) { return make_error(errors::kMergeInvalid, {{"reason", Text(zh, en)}}); }

void require_merger(Context& c) {
  require_scope(c.actor, "members:write");
  require_role(c.actor, "supervisor");
}

// Tickets move through their store, so that its cache hears of the change; the version
// stays (the ticket's own fields did not change).
int64_t move_tickets(Context& c, const std::vector<int64_t>& ids, int64_t from, int64_t to) {
  int64_t moved = 0;
  auto& tickets = c.store<storage::TicketStore>();
  for (auto id : ids) {
    auto t = tickets.ticket(id);
    if (!t || t->member_id != from) continue;
    t->member_id = to;
    moved += tickets.update_ticket(*t, t->version);
  }
  return moved;
}

void move(Context& c, const std::string& table, const std::vector<int64_t>& ids, int64_t from, int64_t to) {
  if (ids.empty()) return;
  if (table == "tickets")
    move_tickets(c, ids, from, to);
  else
    c.store<storage::MergeStore>().move_rows(table, ids, from, to);
}

nlohmann::json counts(const storage::MergeRecord& r) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [table, ids] : r.moved) j[table] = ids.size();
  return j;
}

}  // namespace

std::map<std::string, int64_t> merge_preview(Context& c, int64_t kept_id, int64_t other_id) {
  require_merger(c);
  const auto kept = member_for_change(c, kept_id), other = member_for_change(c, other_id);
  if (kept.id == other.id) throw invalid("不能与自己合并", "a member cannot be merged with itself");
  std::map<std::string, int64_t> out;
  for (const char* table : storage::kMemberRowTables)
    out[table] = static_cast<int64_t>(c.store<storage::MergeStore>().member_rows(table, other.id).size());
  return out;
}

storage::MergeRecord merge_members(Context& c, int64_t kept_id, int64_t other_id) {
  require_merger(c);
  const auto kept = member_for_change(c, kept_id), other = member_for_change(c, other_id);
  if (kept.id == other.id) throw invalid("不能与自己合并", "a member cannot be merged with itself");
  auto& merges = c.store<storage::MergeStore>();
  storage::MergeRecord r{.kept_id = kept.id, .merged_id = other.id, .merged_at = c.now_ms};
  if (c.actor.staff_id > 0) r.merged_by = c.actor.staff_id;
  for (const char* table : storage::kMemberRowTables) {
    auto ids = merges.member_rows(table, other.id);
    move(c, table, ids, other.id, kept.id);
    r.moved[table] = std::move(ids);
  }
  merges.set_merged_into(other.id, kept.id);
  r.id = merges.insert_merge(r);
  audit(c, "member.merge", "member", kept.id, nullptr,
        {{"merge_id", r.id}, {"merged_id", other.id}, {"merged_no", other.member_no}, {"moved", counts(r)}});
  note_member_event(c, kept.id, "merged",
                    {{"merge_id", r.id}, {"other_id", other.id}, {"other_no", other.member_no}, {"moved", counts(r)}});
  note_member_event(c, other.id, "merged_into",
                    {{"merge_id", r.id}, {"other_id", kept.id}, {"other_no", kept.member_no}});
  return r;
}

storage::MergeRecord unmerge_members(Context& c, int64_t member_id, int64_t merge_id) {
  require_merger(c);
  get_member(c, member_id);  // the page's member in reach (else not_found) before the merge is read
  auto& merges = c.store<storage::MergeStore>();
  auto r = merges.merge(merge_id);
  if (!r || (r->kept_id != member_id && r->merged_id != member_id))
    throw make_error(errors::kUnknownReference, {{"what", Text("合并记录", "merge")}}, "merge_id");
  const auto kept = member_for_change(c, r->kept_id);  // in reach, and not merged on since
  if (r->undone_at) throw invalid("该合并已撤销", "the merge was undone already");
  auto other = c.store<storage::MemberStore>().member(r->merged_id);
  if (!other || other->merged_into != kept.id) throw invalid("记录已变化", "the records changed since");
  for (const auto& [table, ids] : r->moved) move(c, table, ids, kept.id, other->id);
  merges.set_merged_into(other->id, std::nullopt);
  merges.mark_undone(r->id, c.now_ms, c.actor.staff_id > 0 ? std::optional<int64_t>(c.actor.staff_id) : std::nullopt);
  audit(c, "member.unmerge", "member", kept.id, {{"merge_id", r->id}, {"merged_id", other->id}}, nullptr);
  note_member_event(c, kept.id, "unmerged",
                    {{"merge_id", r->id}, {"other_id", other->id}, {"other_no", other->member_no}});
  note_member_event(c, other->id, "unmerged",
                    {{"merge_id", r->id}, {"other_id", kept.id}, {"other_no", kept.member_no}});
  return *merges.merge(r->id);
}

std::vector<storage::MergeRecord> member_merges(Context& c, int64_t member_id) {
  const auto m = get_member(c, member_id);
  auto out = c.store<storage::MergeStore>().merges_of(m.id);
  if (m.id != member_id) {  // asked by a merged id: its own merges too
    auto own = c.store<storage::MergeStore>().merges_of(member_id);
    for (auto& r : own)
      if (r.kept_id != m.id) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace kefu::app
