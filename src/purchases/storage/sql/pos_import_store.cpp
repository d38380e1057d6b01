// PosImportStore over SQL, the same on SQLite and PostgreSQL.
//
// The batch path's reason (measured, docs/benchmarks.md "POS import"): record_order spends
// four to six statements on each order (look up the receipt, insert the header, each line,
// read the order back), which is ~8k lines/s on SQLite and far less on PostgreSQL, where
// every statement is a round trip. Here a part of the file is one transaction in which
// receipts on file are looked up with one statement per 500, headers go in 100 to a
// statement and lines 200 to a statement, each a multi-row INSERT … ON CONFLICT DO NOTHING.
// Every statement has a fixed number of rows, so it is prepared once and reused (the cache
// of either engine keys on the SQL text): a short last chunk is padded by repeating its
// last row, which the unique keys (and IN's set semantics) turn into nothing.
#include "purchases/storage/pos_import_store.hpp"

#include <nlohmann/json.hpp>

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

constexpr std::size_t kLookupChunk = 500;
constexpr std::size_t kOrderChunk = 100;  // 12 values a row
constexpr std::size_t kLineChunk = 200;   // 15 values a row

std::string rows_of(std::size_t n, std::size_t width) {
  const auto one = "(" + placeholders(width) + ")";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? "," : "") + one;
  return out;
}

// Calls f(first, count) over [0, n) in chunks of `size` (the callee pads a short one).
template <class F>
void in_chunks(std::size_t n, std::size_t size, F f) {
  for (std::size_t first = 0; first < n; first += size) f(first, std::min(size, n - first));
}

template <class D>
class SqlPosImportStore final : public PosImportStore {
 public:
  SqlPosImportStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<PosImportMapping> mappings() override {
    auto s =
        db_.prepare("SELECT source_name FROM purchase_import_mappings ORDER BY source_name" + std::string(D::kBytes));
    std::vector<std::string> names;
    while (s->step()) names.push_back(s->text(0));
    std::vector<PosImportMapping> out;
    for (const auto& n : names) out.push_back(*mapping(n));
    return out;
  }

  std::optional<PosImportMapping> mapping(const std::string& source_name) override {
    auto s = db_.prepare(
        "SELECT columns, store_id, updated_by, updated_at FROM purchase_import_mappings WHERE source_name = ?");
    s->bind(1, source_name);
    if (!s->step()) return std::nullopt;
    PosImportMapping m;
    m.source_name = source_name;
    m.columns = nlohmann::json::parse(s->text(0)).template get<std::map<std::string, std::string>>();
    m.store_id = s->opt_i64(1);
    m.updated_by = s->opt_i64(2);
    m.updated_at = s->i64(3);
    auto c = db_.prepare("SELECT pos_name, category FROM purchase_category_names WHERE source_name = ?");
    c->bind(1, source_name);
    while (c->step()) m.categories.emplace(c->text(0), c->text(1));
    return m;
  }

  void put_mapping(const PosImportMapping& m) override {
    const auto columns = nlohmann::json(m.columns).dump();
    db_.prepare(
           "UPDATE purchase_import_mappings SET columns = ?, store_id = ?, updated_by = ?, updated_at = ? "
           "WHERE source_name = ?")
        ->bind_all(columns, m.store_id, m.updated_by, m.updated_at, m.source_name)
        .run();
    if (db_.changes() == 0)
      db_.prepare(
             "INSERT INTO purchase_import_mappings(source_name, columns, store_id, updated_by, updated_at) "
             "VALUES (?,?,?,?,?)")
          ->bind_all(m.source_name, columns, m.store_id, m.updated_by, m.updated_at)
          .run();
    db_.prepare("DELETE FROM purchase_category_names WHERE source_name = ?")->bind_all(m.source_name).run();
    auto s = db_.prepare("INSERT INTO purchase_category_names(source_name, pos_name, category) VALUES (?,?,?)");
    for (const auto& [pos, ours] : m.categories) {
      s->reset();
      s->bind_all(m.source_name, pos, ours);
      s->run();
    }
  }

  std::map<ReceiptKey, int64_t> orders_on_file(const std::vector<ReceiptKey>& keys) override {
    std::map<ReceiptKey, int64_t> out;
    auto s = db_.prepare("SELECT id, store_id, receipt_no FROM purchase_orders WHERE receipt_no IN (" +
                         placeholders(kLookupChunk) + ")");
    in_chunks(keys.size(), kLookupChunk, [&](std::size_t first, std::size_t count) {
      s->reset();
      for (std::size_t i = 0; i < kLookupChunk; ++i)
        s->bind(static_cast<int>(i + 1), keys[first + std::min(i, count - 1)].second);
      while (s->step()) out.emplace(ReceiptKey{s->i64(1), s->text(2)}, s->i64(0));
    });
    // The receipt numbers matched in any store: keep the keys asked for.
    std::map<ReceiptKey, int64_t> asked;
    for (const auto& k : keys)
      if (auto it = out.find(k); it != out.end()) asked.emplace(*it);
    return asked;
  }

  std::map<int64_t, std::vector<int>> line_numbers(const std::vector<int64_t>& ids) override {
    std::map<int64_t, std::vector<int>> out;
    auto s = db_.prepare("SELECT order_id, line_no FROM purchase_lines WHERE order_id IN (" +
                         placeholders(kLookupChunk) + ") ORDER BY order_id, line_no");
    in_chunks(ids.size(), kLookupChunk, [&](std::size_t first, std::size_t count) {
      s->reset();
      for (std::size_t i = 0; i < kLookupChunk; ++i)
        s->bind(static_cast<int>(i + 1), ids[first + std::min(i, count - 1)]);
      while (s->step()) out[s->i64(0)].push_back(static_cast<int>(s->i64(1)));
    });
    return out;
  }

  int insert_orders(std::vector<purchase::Order>& orders) override {
    auto s = db_.prepare(
        "INSERT INTO purchase_orders(store_id, receipt_no, member_id, sold_at, payment, order_discount_fen, "
        "coupon_fen, "
        "points_used, points_earned, promotion, source, created_at) VALUES " +
        rows_of(kOrderChunk, 12) + " ON CONFLICT (store_id, receipt_no) DO NOTHING RETURNING id, store_id, receipt_no");
    std::map<ReceiptKey, int64_t> ids;
    in_chunks(orders.size(), kOrderChunk, [&](std::size_t first, std::size_t count) {
      s->reset();
      int p = 1;
      for (std::size_t i = 0; i < kOrderChunk; ++i) {
        const auto& o = orders[first + std::min(i, count - 1)];
        for (auto v : {Value(o.store_id), Value(o.receipt_no)}) std::visit([&](const auto& x) { s->bind(p++, x); }, v);
        s->bind(p++, o.member_id);
        p = bind_values(*s,
                        {o.sold_at, o.payment, o.order_discount_fen, o.coupon_fen, o.points_used, o.points_earned,
                         o.promotion, o.source, o.created_at},
                        p);
      }
      while (s->step()) ids.emplace(ReceiptKey{s->i64(1), s->text(2)}, s->i64(0));
    });
    for (auto& o : orders)
      if (auto it = ids.find({o.store_id, o.receipt_no}); it != ids.end()) o.id = it->second;
    return static_cast<int>(ids.size());
  }

  int insert_lines(const std::vector<purchase::Line>& lines) override {
    auto s = db_.prepare(
        "INSERT INTO purchase_lines(order_id, line_no, counter, brand, sku, name, category, quantity, unit_price_fen, "
        "line_discount_fen, discount_share_fen, paid_fen, promotion, gift, original_line_id) VALUES " +
        rows_of(kLineChunk, 15) + " ON CONFLICT (order_id, line_no) DO NOTHING");
    int inserted = 0;
    in_chunks(lines.size(), kLineChunk, [&](std::size_t first, std::size_t count) {
      s->reset();
      int p = 1;
      for (std::size_t i = 0; i < kLineChunk; ++i) {
        const auto& l = lines[first + std::min(i, count - 1)];
        p = bind_values(*s,
                        {l.order_id, int64_t{l.line_no}, l.counter, l.brand, l.sku, l.name, l.category,
                         int64_t{l.quantity}, l.unit_price_fen, l.line_discount_fen, l.discount_share_fen, l.paid_fen,
                         l.promotion, int64_t{l.gift ? 1 : 0}},
                        p);
        s->bind(p++, l.original_line_id);
      }
      s->run();
      inserted += db_.changes();
    });
    return inserted;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<PosImportStore> PosImportStore::open(Stores& s) {
  return make_store<PosImportStore, SqlPosImportStore>(s);
}

}  // namespace kefu::storage
