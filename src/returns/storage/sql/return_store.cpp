// ReturnStore over SQL, the same on SQLite and PostgreSQL. The report reads the purchases'
// tables for what was sold (the units and amounts a return rate is a share of).
#include "returns/storage/return_store.hpp"

#include <algorithm>

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols =
    "SELECT id, ticket_id, store_id, order_id, line_id, member_id, category, brand, quantity, reason, note, "
    "item_condition, receipt, decision, rule_id, rule_words, remedy, share_fen, refund_fen, points_clawed_back, "
    "points_restored, coupon_returned_fen, gifts_to_return, state, remedy_id, return_order_id, override_reason, "
    "staff_id, created_at, decided_at FROM returns";

template <class Stmt>
returns::ReturnRecord read_return(const Stmt& s) {
  returns::ReturnRecord r;
  r.id = s.i64(0);
  r.ticket_id = s.i64(1);
  r.store_id = s.i64(2);
  r.order_id = s.i64(3);
  r.line_id = s.i64(4);
  r.member_id = s.opt_i64(5);
  r.category = s.text(6);
  r.brand = s.text(7);
  r.quantity = s.i64(8);
  r.reason = s.text(9);
  r.note = s.text(10);
  r.condition = s.text(11);
  r.receipt = s.i64(12) != 0;
  r.decision = s.text(13);
  r.rule_id = s.text(14);
  r.rule_words = s.text(15);
  r.remedy = s.text(16);
  r.share_fen = s.i64(17);
  r.refund_fen = s.i64(18);
  r.points_clawed_back = s.i64(19);
  r.points_restored = s.i64(20);
  r.coupon_returned_fen = s.i64(21);
  r.gifts_to_return = s.text(22);
  r.state = s.text(23);
  r.remedy_id = s.opt_i64(24);
  r.return_order_id = s.opt_i64(25);
  r.override_reason = s.text(26);
  r.staff_id = s.i64(27);
  r.created_at = s.i64(28);
  r.decided_at = s.opt_i64(29);
  return r;
}

// The group column of the report over returns (alias r) or sold lines (l, o).
std::string group_of(const std::string& by, bool sold) {
  if (by == "brand") return sold ? "l.brand" : "r.brand";
  if (by == "store") return sold ? "CAST(o.store_id AS TEXT)" : "CAST(r.store_id AS TEXT)";
  return sold ? "l.category" : "r.category";
}

template <class D>
class SqlReturnStore final : public ReturnStore {
 public:
  SqlReturnStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_return(const returns::ReturnRecord& r) override {
    return D::insert(db_,
                     "INSERT INTO returns(ticket_id, store_id, order_id, line_id, member_id, category, brand, "
                     "quantity, reason, note, item_condition, receipt, decision, rule_id, rule_words, remedy, "
                     "share_fen, refund_fen, points_clawed_back, points_restored, coupon_returned_fen, "
                     "gifts_to_return, state, remedy_id, return_order_id, override_reason, staff_id, created_at, "
                     "decided_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     r.ticket_id, r.store_id, r.order_id, r.line_id, r.member_id, r.category, r.brand, r.quantity,
                     r.reason, r.note, r.condition, static_cast<int64_t>(r.receipt ? 1 : 0), r.decision, r.rule_id,
                     r.rule_words, r.remedy, r.share_fen, r.refund_fen, r.points_clawed_back, r.points_restored,
                     r.coupon_returned_fen, r.gifts_to_return, r.state, r.remedy_id, r.return_order_id,
                     r.override_reason, r.staff_id, r.created_at, r.decided_at);
  }

  void update_return(const returns::ReturnRecord& r) override {
    auto s = db_.prepare(
        "UPDATE returns SET state = ?, remedy_id = ?, return_order_id = ?, decided_at = ?, points_clawed_back = ?, "
        "points_restored = ? WHERE id = ?");
    s->bind_all(r.state, r.remedy_id, r.return_order_id, r.decided_at, r.points_clawed_back, r.points_restored, r.id);
    s->run();
  }

  std::optional<returns::ReturnRecord> get_return(int64_t id) override { return one(" WHERE id = ?", id); }

  std::optional<returns::ReturnRecord> return_by_remedy(int64_t remedy_id) override {
    return one(" WHERE remedy_id = ?", remedy_id);
  }

  std::vector<returns::ReturnRecord> returns(const ReturnFilter& f) override {
    std::string where = " WHERE 1=1";
    std::vector<Value> args;
    add_in(where, args, "store_id", f.store_ids);
    add_eq(where, args, "ticket_id", f.ticket_id);
    add_eq(where, args, "member_id", f.member_id);
    add_eq(where, args, "line_id", f.line_id);
    if (!f.state.empty()) {
      where += " AND state = ?";
      args.emplace_back(f.state);
    }
    if (f.before_id) {
      where += " AND id < ?";
      args.emplace_back(*f.before_id);
    }
    auto s = db_.prepare(kCols + where + " ORDER BY id DESC LIMIT ?");
    s->bind(bind_values(*s, args), static_cast<int64_t>(f.limit));
    std::vector<returns::ReturnRecord> out;
    while (s->step()) out.push_back(read_return(*s));
    return out;
  }

  int64_t pending_units(int64_t line_id) override {
    auto s = db_.prepare("SELECT COALESCE(SUM(quantity), 0) FROM returns WHERE line_id = ? AND state = ?");
    s->bind_all(line_id, std::string("pending_approval"));
    s->step();
    return s->i64(0);
  }

  std::vector<ReturnGroup> report_groups(const ReportQuery& q) override {
    std::vector<ReturnGroup> out;
    {
      std::string where = " WHERE l.quantity > 0 AND l.gift = 0 AND o.sold_at >= ? AND o.sold_at < ?";
      std::vector<Value> args{q.from, q.to};
      add_in(where, args, "o.store_id", q.store_ids);
      const auto g = group_of(q.by, true);
      auto s = db_.prepare("SELECT " + g +
                           ", SUM(l.quantity), SUM(l.paid_fen) FROM purchase_lines l "
                           "JOIN purchase_orders o ON o.id = l.order_id" +
                           where + " GROUP BY " + g);
      bind_values(*s, args);
      while (s->step()) out.push_back({s->text(0), s->i64(1), s->i64(2), 0, 0, 0});
    }
    std::string where = " WHERE r.state = ? AND r.created_at >= ? AND r.created_at < ?";
    std::vector<Value> args{std::string("done"), q.from, q.to};
    add_in(where, args, "r.store_id", q.store_ids);
    const auto g = group_of(q.by, false);
    auto s = db_.prepare("SELECT " + g + ", SUM(r.quantity), SUM(r.refund_fen), COUNT(*) FROM returns r" + where +
                         " GROUP BY " + g);
    bind_values(*s, args);
    while (s->step()) {
      auto key = s->text(0);
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& x) { return x.key == key; });
      if (it == out.end()) it = out.insert(out.end(), ReturnGroup{key});
      it->returned_units = s->i64(1);
      it->refunded_fen = s->i64(2);
      it->returns = s->i64(3);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
    return out;
  }

  std::vector<ReasonCount> report_reasons(const ReportQuery& q) override {
    std::string where = " WHERE r.state = ? AND r.created_at >= ? AND r.created_at < ?";
    std::vector<Value> args{std::string("done"), q.from, q.to};
    add_in(where, args, "r.store_id", q.store_ids);
    const auto g = group_of(q.by, false);
    auto s = db_.prepare("SELECT " + g + ", r.reason, COUNT(*), SUM(r.quantity) FROM returns r" + where + " GROUP BY " +
                         g + ", r.reason");
    bind_values(*s, args);
    std::vector<ReasonCount> out;
    while (s->step()) out.push_back({s->text(0), s->text(1), s->i64(2), s->i64(3)});
    // Byte order on both engines (PostgreSQL's ORDER BY follows its collation).
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.key != b.key ? a.key < b.key : a.reason < b.reason; });
    return out;
  }

 private:
  std::optional<returns::ReturnRecord> one(const std::string& where, int64_t id) {
    auto s = db_.prepare(kCols + where);
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_return(*s);
  }

  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<ReturnStore> ReturnStore::open(Stores& s) { return make_store<ReturnStore, SqlReturnStore>(s); }

}  // namespace kefu::storage
