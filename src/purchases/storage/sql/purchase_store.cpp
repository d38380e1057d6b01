// PurchaseStore over SQL, the same on SQLite and PostgreSQL.
#include "purchases/storage/purchase_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kOrderCols =
    "SELECT id, store_id, receipt_no, member_id, sold_at, payment, order_discount_fen, coupon_fen, points_used, "
    "points_earned, promotion, source, created_at FROM purchase_orders";
const std::string kLineCols =
    "SELECT id, order_id, line_no, counter, brand, sku, name, category, quantity, unit_price_fen, line_discount_fen, "
    "discount_share_fen, paid_fen, promotion, gift, original_line_id FROM purchase_lines";

template <class Stmt>
purchase::Order read_order(const Stmt& s) {
  purchase::Order o;
  o.id = s.i64(0);
  o.store_id = s.i64(1);
  o.receipt_no = s.text(2);
  o.member_id = s.opt_i64(3);
  o.sold_at = s.i64(4);
  o.payment = s.text(5);
  o.order_discount_fen = s.i64(6);
  o.coupon_fen = s.i64(7);
  o.points_used = s.i64(8);
  o.points_earned = s.i64(9);
  o.promotion = s.text(10);
  o.source = s.text(11);
  o.created_at = s.i64(12);
  return o;
}

template <class Stmt>
purchase::Line read_line(const Stmt& s) {
  purchase::Line l;
  l.id = s.i64(0);
  l.order_id = s.i64(1);
  l.line_no = static_cast<int>(s.i64(2));
  l.counter = s.text(3);
  l.brand = s.text(4);
  l.sku = s.text(5);
  l.name = s.text(6);
  l.category = s.text(7);
  l.quantity = static_cast<int>(s.i64(8));
  l.unit_price_fen = s.i64(9);
  l.line_discount_fen = s.i64(10);
  l.discount_share_fen = s.i64(11);
  l.paid_fen = s.i64(12);
  l.promotion = s.text(13);
  l.gift = s.i64(14) != 0;
  l.original_line_id = s.opt_i64(15);
  return l;
}

template <class D>
class SqlPurchaseStore final : public PurchaseStore {
 public:
  SqlPurchaseStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t upsert_order(const purchase::Order& o, bool& created) override {
    auto s = db_.prepare("SELECT id FROM purchase_orders WHERE store_id = ? AND receipt_no = ?");
    s->bind(1, o.store_id);
    s->bind(2, o.receipt_no);
    created = !s->step();
    if (!created) return s->i64(0);
    return D::insert(db_,
                     "INSERT INTO purchase_orders(store_id, receipt_no, member_id, sold_at, payment, "
                     "order_discount_fen, coupon_fen, points_used, points_earned, promotion, source, created_at) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     o.store_id, o.receipt_no, o.member_id, o.sold_at, o.payment, o.order_discount_fen, o.coupon_fen,
                     o.points_used, o.points_earned, o.promotion, o.source, o.created_at);
  }

  int insert_lines(int64_t order_id, const std::vector<purchase::Line>& lines) override {
    // One prepared statement for every line; a line already on file is left as it is.
    auto s = db_.prepare(
        "INSERT INTO purchase_lines(order_id, line_no, counter, brand, sku, name, category, quantity, "
        "unit_price_fen, line_discount_fen, discount_share_fen, paid_fen, promotion, gift, original_line_id) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (order_id, line_no) DO NOTHING");
    int inserted = 0;
    for (const auto& l : lines) {
      s->reset();
      s->bind_all(order_id, static_cast<int64_t>(l.line_no), l.counter, l.brand, l.sku, l.name, l.category,
                  static_cast<int64_t>(l.quantity), l.unit_price_fen, l.line_discount_fen, l.discount_share_fen,
                  l.paid_fen, l.promotion, static_cast<int64_t>(l.gift ? 1 : 0), l.original_line_id);
      s->run();
      inserted += db_.changes();
    }
    return inserted;
  }

  void update_shares(const std::vector<purchase::Line>& lines) override {
    auto s = db_.prepare("UPDATE purchase_lines SET discount_share_fen = ?, paid_fen = ? WHERE id = ?");
    for (const auto& l : lines) {
      s->reset();
      s->bind_all(l.discount_share_fen, l.paid_fen, l.id);
      s->run();
    }
  }

  std::optional<purchase::Order> order(int64_t id) override {
    auto s = db_.prepare(kOrderCols + " WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    auto o = read_order(*s);
    o.lines = lines_of(o.id);
    return o;
  }

  std::optional<purchase::Order> order_by_receipt(int64_t store_id, const std::string& receipt_no) override {
    auto s = db_.prepare(kOrderCols + " WHERE store_id = ? AND receipt_no = ?");
    s->bind(1, store_id);
    s->bind(2, receipt_no);
    if (!s->step()) return std::nullopt;
    auto o = read_order(*s);
    o.lines = lines_of(o.id);
    return o;
  }

  std::vector<purchase::Order> orders(const OrderFilter& f) override {
    std::string where = " WHERE 1=1";
    std::vector<Value> args;
    add_in(where, args, "store_id", f.store_ids);
    add_eq(where, args, "member_id", f.member_id);
    if (!f.receipt_no.empty()) {
      where += " AND receipt_no = ?";
      args.emplace_back(f.receipt_no);
    }
    if (f.since) {
      where += " AND sold_at >= ?";
      args.emplace_back(*f.since);
    }
    if (f.until) {
      where += " AND sold_at < ?";
      args.emplace_back(*f.until);
    }
    if (f.before) {
      where += " AND (sold_at < ? OR (sold_at = ? AND id < ?))";
      args.emplace_back(f.before->sold_at);
      args.emplace_back(f.before->sold_at);
      args.emplace_back(f.before->id);
    }
    auto s = db_.prepare(kOrderCols + where + " ORDER BY sold_at DESC, id DESC LIMIT ?");
    s->bind(bind_values(*s, args), static_cast<int64_t>(f.limit));
    std::vector<purchase::Order> out;
    while (s->step()) out.push_back(read_order(*s));
    for (auto& o : out) o.lines = lines_of(o.id);
    return out;
  }

  std::optional<purchase::Line> line(int64_t id) override {
    auto s = db_.prepare(kLineCols + " WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_line(*s);
  }

  int returned_units(int64_t line_id) override {
    auto s = db_.prepare("SELECT COALESCE(SUM(-quantity), 0) FROM purchase_lines WHERE original_line_id = ?");
    s->bind(1, line_id);
    s->step();
    return static_cast<int>(s->i64(0));
  }

 private:
  std::vector<purchase::Line> lines_of(int64_t order_id) {
    auto s = db_.prepare(kLineCols + " WHERE order_id = ? ORDER BY line_no");
    s->bind(1, order_id);
    std::vector<purchase::Line> out;
    while (s->step()) out.push_back(read_line(*s));
    return out;
  }

  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<PurchaseStore> PurchaseStore::open(Stores& s) { return make_store<PurchaseStore, SqlPurchaseStore>(s); }

}  // namespace kefu::storage
