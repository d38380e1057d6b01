// A desk return's last step (return_complete.hpp) and its following of the approval
// (return_follow.hpp).
#include "returns/app/return_complete.hpp"

#include <fmt/format.h>

#include "members/app/points.hpp"
#include "purchases/storage/purchase_store.hpp"
#include "returns/app/return_follow.hpp"
#include "returns/storage/return_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

// The negative line of the return order: the same goods, -quantity units, -refund paid.
int64_t write_return_order(Context& c, const returns::ReturnRecord& r) {
  auto& p = c.store<storage::PurchaseStore>();
  auto original = *p.line(r.line_id);
  purchase::Order o;
  o.store_id = r.store_id;
  o.receipt_no = returns::return_receipt_no(r.id);
  o.member_id = r.member_id;
  o.sold_at = c.now_ms;
  o.payment = "refund";
  o.source = "kefu";
  o.created_at = c.now_ms;
  bool created = false;
  const int64_t id = p.upsert_order(o, created);
  purchase::Line l = original;
  l.id = 0;
  l.order_id = id;
  l.line_no = 1;
  l.quantity = -static_cast<int>(r.quantity);
  l.line_discount_fen = 0;
  l.paid_fen = -r.refund_fen;
  l.discount_share_fen = purchase::gross_of(l) - l.paid_fen;  // gross - paid, so the line adds up
  l.original_line_id = original.id;
  p.insert_lines(id, {l});
  return id;
}

void move_points(Context& c, const returns::ReturnRecord& r) {
  if (!r.member_id) return;
  auto entry = [&](people::PointsKind kind, int64_t points, const char* why, const char* tag) {
    if (points == 0) return;
    record_points(c, {.member_id = *r.member_id,
                      .kind = kind,
                      .points = points,
                      .reason = fmt::format("{} 退换货 #{}", why, r.id),
                      .ref = fmt::format("return:{}:{}", r.id, tag),
                      .staff_id = c.actor.staff_id});
  };
  entry(people::PointsKindCode::clawback, -r.points_clawed_back, "退货扣回消费积分", "clawback");
  entry(people::PointsKindCode::restore, r.points_restored, "退还抵现积分", "restore");
}

}  // namespace

void complete_return(Context& c, returns::ReturnRecord& r) {
  if (r.remedy == "refund") {
    r.return_order_id = write_return_order(c, r);
    move_points(c, r);
  } else {
    r.points_clawed_back = r.points_restored = 0;  // an exchange or a repair moves no points
  }
  r.state = "done";
  r.decided_at = c.now_ms;
  c.store<storage::ReturnStore>().update_return(r);
}

void follow_resolution(Context& c, const storage::Remedy& remedy) {
  auto r = c.store<storage::ReturnStore>().return_by_remedy(remedy.id);
  if (!r || r->state != "pending_approval") return;
  if (remedy.status == "applied") {
    complete_return(c, *r);
  } else if (remedy.status == "rejected") {
    r->state = "refused";
    r->decided_at = c.now_ms;
    c.store<storage::ReturnStore>().update_return(*r);
  } else {
    return;
  }
  audit(c, "return." + r->state, "ticket", r->ticket_id, nullptr,
        {{"return_id", r->id}, {"state", r->state}, {"remedy_id", remedy.id}});
}

}  // namespace kefu::app
