#include "purchases/app/purchases.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/app/scope.hpp"
#include "core/domain/errors.hpp"
#include "members/app/points.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "purchases/domain/allocation.hpp"
#include "purchases/domain/validate.hpp"

namespace kefu::app {
namespace {

Error not_found() { return make_error(errors::kNotFound, {{"what", Text("购买记录", "purchase")}}); }

void require_store(Context& c, int64_t store_id) {
  if (!c.store<storage::OrgStore>().store(store_id) || !c.actor.in_store(store_id))
    throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
}

void resolve_member(Context& c, OrderInput& in) {
  auto& members = c.store<storage::MemberStore>();
  if (in.order.member_id) {
    if (!members.member(*in.order.member_id))
      throw make_error(errors::kUnknownReference, {{"what", Text("会员", "member")}}, "member_id");
  } else if (!in.member_no.empty()) {
    auto m = members.member_by_no(in.member_no);
    if (!m) throw make_error(errors::kUnknownReference, {{"what", Text("会员", "member")}}, "member_no");
    in.order.member_id = m->id;
  }
}

// Sets original_line_id on each return line from its receipt and line number.
void resolve_originals(Context& c, OrderInput& in) {
  auto& p = c.store<storage::PurchaseStore>();
  for (size_t i = 0; i < in.order.lines.size() && i < in.originals.size(); ++i) {
    if (!in.originals[i]) continue;
    const auto& ref = *in.originals[i];
    const auto field = fmt::format("lines[{}].original_receipt_no", i);
    auto original = p.order_by_receipt(in.order.store_id, ref.receipt_no);
    const purchase::Line* line = nullptr;
    if (original)
      for (const auto& l : original->lines)
        if (l.line_no == ref.line_no && l.quantity > 0) line = &l;
    if (!line) throw make_error(errors::kUnknownReference, {{"what", Text("原购买行", "original line")}}, field);
    auto& mine = in.order.lines[i];
    mine.original_line_id = line->id;
    if (mine.quantity < 0 && line->quantity - p.returned_units(line->id) < -mine.quantity)
      throw make_error(errors::kInvalidField,
                       {{"field", Text(fmt::format("lines[{}].quantity", i))},
                        {"problem", Text("退货数量超过原购买行尚未退回的数量", "more units than remain to return")}},
                       fmt::format("lines[{}].quantity", i));
  }
}

}  // namespace

std::vector<people::PointsEntry> order_points(const purchase::Order& o) {
  std::vector<people::PointsEntry> out;
  if (!o.member_id) return out;
  auto entry = [&](people::PointsKind kind, int64_t points, const char* why, const char* tag) {
    if (points == 0) return;
    out.push_back({.member_id = *o.member_id,
                   .kind = kind,
                   .points = points,
                   .reason = fmt::format("{} 小票 {}", why, o.receipt_no),
                   .ref = fmt::format("order:{}:{}", o.id, tag),
                   .created_at = o.sold_at});
  };
  entry(people::PointsKindCode::earn, o.points_earned, "消费", "earn");
  entry(people::PointsKindCode::redeem, -o.points_used, "积分抵现", "use");
  return out;
}

void record_order_points(Context& c, const purchase::Order& o) { record_points(c, order_points(o)); }

RecordedOrder record_order(Context& c, OrderInput in) {
  require_scope(c.actor, "purchases:write");
  auto& o = in.order;
  require_store(c, o.store_id);
  for (auto& l : o.lines) l.original_line_id.reset();
  resolve_member(c, in);
  resolve_originals(c, in);
  purchase::validate(o);
  o.created_at = c.now_ms;
  auto& p = c.store<storage::PurchaseStore>();
  RecordedOrder out;
  const int64_t id = p.upsert_order(o, out.created);
  if (out.created) {
    purchase::allocate(o);
    out.lines_added = p.insert_lines(id, o.lines);
    out.order = *p.order(id);
    record_order_points(c, out.order);
    return out;
  }
  // A receipt on file: add the lines it lacks, then share its discount again over all.
  auto stored = *p.order(id);
  std::vector<purchase::Line> fresh;
  for (const auto& l : o.lines)
    if (std::none_of(stored.lines.begin(), stored.lines.end(), [&](const auto& s) { return s.line_no == l.line_no; }))
      fresh.push_back(l);
  if (!fresh.empty()) {
    out.lines_added = p.insert_lines(id, fresh);
    auto all = *p.order(id);
    purchase::allocate(all);
    p.update_shares(all.lines);
  }
  out.order = *p.order(id);
  return out;
}

purchase::Order get_order(Context& c, int64_t id) {
  require_scope(c.actor, "purchases:read");
  auto o = c.store<storage::PurchaseStore>().order(id);
  if (!o || !c.actor.in_store(o->store_id)) throw not_found();
  return *o;
}

std::vector<purchase::Order> find_orders(Context& c, storage::OrderFilter f) {
  require_scope(c.actor, "purchases:read");
  if (!c.actor.is_admin()) {
    if (f.store_ids.empty()) {
      f.store_ids = c.actor.store_ids;
    } else {
      std::erase_if(f.store_ids, [&](int64_t s) { return !c.actor.in_store(s); });
    }
    if (f.store_ids.empty()) return {};
  }
  f.limit = std::clamp(f.limit, 1, 200);
  return c.store<storage::PurchaseStore>().orders(f);
}

std::vector<std::pair<int64_t, int>> returned_units(Context& c, const purchase::Order& o) {
  std::vector<std::pair<int64_t, int>> out;
  for (const auto& l : o.lines)
    if (l.quantity > 0) out.emplace_back(l.id, c.store<storage::PurchaseStore>().returned_units(l.id));
  return out;
}

}  // namespace kefu::app
