// Coaching assignments, their acknowledgement and the before/after of the item (coaching.hpp).
#include "quality/app/coaching.hpp"

#include <algorithm>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "notifications/app/notifications.hpp"
#include "quality/app/inspections.hpp"
#include "quality/app/scorecards.hpp"
#include "quality/domain/inspection_status.hpp"
#include "quality/storage/inspection_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

constexpr std::size_t kNoteMax = 500;

nlohmann::json snapshot(const storage::Coaching& c) {
  return {{"inspection_id", c.inspection_id},
          {"staff_id", c.staff_id},
          {"item", c.item},
          {"material_kind", c.material_kind.code()},
          {"material_id", c.material_id},
          {"note", c.note},
          {"due_at", c.due_at},
          {"acknowledged", c.acknowledged_at.has_value()}};
}

std::optional<int> share(Context& c, const storage::Inspection& i, const std::string& item) {
  auto card = scorecard_of(c, i.scorecard_store_id, i.channel, i.scorecard_version);
  return quality::item_share_x10(card, i.marks, item);
}

}  // namespace

std::vector<CoachingView> coaching_views(Context& c, const std::vector<storage::Coaching>& rows) {
  auto& inspections = c.store<storage::InspectionStore>();
  std::vector<CoachingView> out;
  for (const auto& row : rows) {
    CoachingView v{row};
    auto from = inspections.inspection(row.inspection_id);
    if (from) {
      v.before_x10 = share(c, *from, row.item);
      storage::InspectionFilter f;
      f.staff_id = row.staff_id;
      f.submitted_from = row.created_at;
      f.oldest_submitted_first = true;
      f.limit = 20;
      for (const auto& next : inspections.list_inspections(f)) {
        if (next.id == from->id || next.channel != from->channel || !quality::is_final(next.status)) continue;
        v.next_inspection_id = next.id;
        v.after_x10 = share(c, next, row.item);
        if (v.before_x10 && v.after_x10)
          v.improved = *v.after_x10 > *v.before_x10 || (*v.after_x10 == 1000 && *v.before_x10 == 1000);
        break;
      }
    }
    out.push_back(std::move(v));
  }
  return out;
}

CoachingView assign_coaching(Context& c, int64_t inspection_id, const CoachingInput& in) {
  require_scope(c.actor, "quality:write");
  require_role(c.actor, "supervisor");
  auto i = inspection_in_reach(c, inspection_id);
  if (i.status == "queued")
    throw make_error(errors::kInvalidField,
                     {{"field", "inspection"}, {"problem", Text("质检评分后才能安排辅导", "score it first")}});
  auto kind = parse_enum<quality::Material>("material_kind", in.material_kind);
  if (in.material_id <= 0)
    throw make_error(errors::kRequired, {{"what", Text("学习材料", "material_id")}}, "material_id");
  check_text("note", in.note, kNoteMax, false);
  if (in.due_at <= c.now_ms)
    throw make_error(errors::kInvalidField,
                     {{"field", "due_at"}, {"problem", Text("完成时间应晚于现在", "it must be in the future")}},
                     "due_at");
  auto card = scorecard_of(c, i.scorecard_store_id, i.channel, i.scorecard_version);
  if (std::none_of(card.items.begin(), card.items.end(), [&](const quality::Item& x) { return x.id == in.item; }))
    throw make_error(errors::kInvalidField,
                     {{"field", "item"}, {"problem", Text("评分表中没有这一项", "no such item")}}, "item");
  storage::Coaching row{0,       i.id,      i.store_id,       i.staff_id, in.item,     kind, in.material_id,
                        in.note, in.due_at, c.actor.staff_id, c.now_ms,   std::nullopt};
  c.store<storage::CoachingStore>().insert_coaching(row);
  audit(c, "qa_coaching.assign", "qa_coaching", row.id, nullptr, snapshot(row));
  Notice n{"qa_coaching", std::nullopt, "新的辅导任务", in.note, {{"coaching_id", row.id}, {"inspection_id", i.id}}};
  notify(c, {i.staff_id}, n);
  return coaching_views(c, {row}).front();
}

std::vector<CoachingView> list_coaching(Context& c, const CoachingQuery& q) {
  require_scope(c.actor, "quality:read");
  storage::CoachingFilter f;
  if (q.store_id) {
    require_qa_store(c, *q.store_id, false);
    f.store_ids = {*q.store_id};
  } else if (!c.actor.is_admin()) {
    f.store_ids = c.actor.store_ids;
    if (f.store_ids.empty()) return {};
  }
  f.staff_id = q.staff_id;
  if (q.mine || !c.actor.at_least("supervisor")) f.staff_id = c.actor.staff_id;
  return coaching_views(c, c.store<storage::CoachingStore>().list_coaching(f));
}

CoachingView acknowledge_coaching(Context& c, int64_t id) {
  require_scope(c.actor, "quality:write");
  auto row = c.store<storage::CoachingStore>().coaching(id);
  if (!row || !c.actor.in_store(row->store_id))
    throw make_error(errors::kNotFound, {{"what", Text("辅导任务", "coaching")}});
  if (row->staff_id != c.actor.staff_id && !c.actor.is_admin())
    throw make_error(errors::kForbidden, {{"reason", Text("只有被辅导的客服本人可以确认", "only the agent coached")}});
  if (!c.store<storage::CoachingStore>().acknowledge_coaching(id, c.now_ms))
    throw make_error(errors::kDuplicate, {{"what", Text("已确认过", "acknowledged already")}});
  row->acknowledged_at = c.now_ms;
  audit(c, "qa_coaching.acknowledge", "qa_coaching", id, nullptr, snapshot(*row));
  return coaching_views(c, {*row}).front();
}

}  // namespace kefu::app
