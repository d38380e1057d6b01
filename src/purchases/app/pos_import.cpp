#include "purchases/app/pos_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "core/text/trim.hpp"
#include "members/app/points.hpp"
#include "members/domain/phone.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "purchases/app/purchases.hpp"
#include "purchases/domain/allocation.hpp"
#include "purchases/domain/category.hpp"
#include "purchases/domain/pos_rows.hpp"
#include "purchases/domain/validate.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

using purchase::PosField;

void require_importer(Context& c) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "purchases:write");
}

Error field_error(const std::string& field, Text problem) {
  return make_error(errors::kInvalidField, {{"field", Text(field)}, {"problem", std::move(problem)}}, field);
}

// The file's column index of each mapped field (-1: none).
std::array<int, purchase::kPosFieldCount> column_indexes(const std::vector<std::string>& header,
                                                         const storage::PosImportMapping& m) {
  std::array<int, purchase::kPosFieldCount> out;
  out.fill(-1);
  for (const auto& [field, column] : m.columns) {
    const auto f = purchase::pos_field(field);
    if (!f || column.empty()) continue;
    const auto it = std::find(header.begin(), header.end(), column);
    if (it == header.end())
      throw field_error("columns." + field,
                        Text("文件中没有列「" + column + "」", "the file has no column \"" + column + "\""));
    out[static_cast<std::size_t>(*f)] = static_cast<int>(it - header.begin());
  }
  return out;
}

// The data rows [offset, offset + limit) of the file, moved so that no receipt written on
// adjacent rows is split, as PosRows (only those: a part of a large file reads its slice).
std::vector<purchase::PosRow> pos_rows(const ImportTable& t, const std::array<int, purchase::kPosFieldCount>& cols,
                                       int64_t offset, std::optional<int64_t> limit) {
  const auto cell = [&](std::size_t i, PosField f) -> std::string {
    const auto col = cols[static_cast<std::size_t>(f)];
    const auto& cells = t.rows[i].second;
    return col >= 0 && static_cast<std::size_t>(col) < cells.size() ? text::trimmed(cells[col]) : std::string();
  };
  const auto key = [&](std::size_t i) { return std::pair(cell(i, PosField::store), cell(i, PosField::receipt_no)); };
  const auto n = t.rows.size();
  auto first = static_cast<std::size_t>(std::clamp<int64_t>(offset, 0, static_cast<int64_t>(n)));
  auto last = limit && *limit > 0 ? std::min(n, first + static_cast<std::size_t>(*limit)) : n;
  const auto start = first;
  while (first > 0 && first < n && key(first) == key(first - 1)) ++first;
  while (last > start && last < n && key(last) == key(last - 1)) ++last;
  std::vector<purchase::PosRow> out;
  if (first >= last) return out;
  out.reserve(last - first);
  for (auto i = first; i < last; ++i) {
    purchase::PosRow r;
    r.line = t.rows[i].first;
    const auto& cells = t.rows[i].second;
    for (std::size_t f = 0; f < cols.size(); ++f)
      if (cols[f] >= 0 && static_cast<std::size_t>(cols[f]) < cells.size()) r.cells[f] = cells[cols[f]];
    out.push_back(std::move(r));
  }
  return out;
}

// Stores by id, code and name, of those the caller serves.
std::map<std::string, int64_t> store_keys(Context& c) {
  std::map<std::string, int64_t> out;
  for (const auto& s : c.store<storage::OrgStore>().stores()) {
    if (!c.actor.in_store(s.id)) continue;
    out.emplace(s.name, s.id);
    out[s.code] = s.id;
    out[std::to_string(s.id)] = s.id;
  }
  return out;
}

// The member of a cell (member number, else phone), looked up once per import.
class Members {
 public:
  explicit Members(Context& c) : c_(c) {}
  std::optional<int64_t> find(const std::string& key) {
    if (auto it = seen_.find(key); it != seen_.end()) return it->second;
    auto& members = c_.store<storage::MemberStore>();
    auto m = members.member_by_no(key);
    if (!m)
      if (auto phone = people::normalize_phone(key)) m = members.member_by_phone(*phone);
    return seen_[key] = m ? std::optional<int64_t>(m->id) : std::nullopt;
  }

 private:
  Context& c_;
  std::map<std::string, std::optional<int64_t>> seen_;
};

// The file line of the order's line a field such as "lines[2].quantity" names.
int line_of(const std::string& field, const purchase::PosOrder& p, int fallback) {
  if (field.rfind("lines[", 0) != 0) return fallback;
  std::size_t i = 0;
  auto r = std::from_chars(field.data() + 6, field.data() + field.size(), i);
  if (r.ec != std::errc{} || i >= p.file_lines.size()) return fallback;
  return p.file_lines[i];
}

struct Pending {
  purchase::PosOrder pos;
  storage::ReceiptKey key;
  const purchase::ReceiptRows* rows = nullptr;
};

class Import {
 public:
  Import(Context& c, PosImportReport& report) : c_(c), report_(report), members_(c) {}

  void reject(const purchase::ReceiptRows& r, const Error& e, int line) {
    for (const auto* row : r.rows)
      report_.rejected.push_back(
          {row->line, r.receipt_no, e.code(), e.field(),
           row->line == line ? e.message_zh() : fmt::format("同一小票第 {} 行：{}", line, e.message_zh()),
           row->line == line ? e.message_en() : fmt::format("line {} of the same receipt: {}", line, e.message_en())});
  }

  // Reads a receipt into an order with its store and member; false when rejected.
  bool read(const purchase::ReceiptRows& r, const storage::PosImportMapping& m, const purchase::CategoryMapping& cats,
            const std::map<std::string, int64_t>& stores, Pending& out) {
    int line = r.rows.front()->line;
    try {
      if (r.receipt_no.empty())
        throw make_error(errors::kRequired, {{"what", Text("小票号", "receipt_no")}}, "receipt_no");
      out.pos = purchase::read_receipt(r, cats, line);
      auto& o = out.pos.order;
      line = r.rows.front()->line;
      if (r.store.empty() && m.store_id && c_.actor.in_store(*m.store_id)) {
        o.store_id = *m.store_id;
      } else if (auto it = stores.find(r.store); !r.store.empty() && it != stores.end()) {
        o.store_id = it->second;
      } else {
        throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "store");
      }
      if (!out.pos.member.empty()) {
        o.member_id = members_.find(out.pos.member);
        if (!o.member_id) throw make_error(errors::kUnknownReference, {{"what", Text("会员", "member")}}, "member");
      }
      const bool has_return =
          std::any_of(out.pos.originals.begin(), out.pos.originals.end(), [](auto& x) { return x.has_value(); });
      if (!has_return) purchase::validate(o);
      out.key = {o.store_id, o.receipt_no};
      out.rows = &r;
      return true;
    } catch (const Error& e) {
      reject(r, e, line_of(e.field(), out.pos, line));
      return false;
    }
  }

  // Through record_order: returns, and receipts on file that lack lines.
  void one_by_one(Pending& p) {
    OrderInput in;
    in.order = p.pos.order;
    for (const auto& o : p.pos.originals)
      in.originals.push_back(o ? std::optional<OriginalRef>(OriginalRef{o->receipt_no, o->line_no}) : std::nullopt);
    try {
      auto r = record_order(c_, std::move(in));
      report_.orders_added += r.created ? 1 : 0;
      report_.lines_added += r.lines_added;
      report_.lines_on_file += static_cast<int64_t>(p.pos.order.lines.size()) - r.lines_added;
      if (!r.created && r.lines_added == 0) ++report_.orders_on_file;
    } catch (const Error& e) {
      reject(*p.rows, e, line_of(e.field(), p.pos, p.rows->rows.front()->line));
    }
  }

  void store(std::vector<Pending>& pending) {
    auto& batch = c_.store<storage::PosImportStore>();
    std::vector<storage::ReceiptKey> keys;
    for (const auto& p : pending) keys.push_back(p.key);
    const auto on_file = batch.orders_on_file(keys);
    std::vector<int64_t> ids;
    for (const auto& [k, id] : on_file) ids.push_back(id);
    const auto numbers = batch.line_numbers(ids);
    std::vector<purchase::Order> fresh;
    std::vector<Pending*> later;
    std::set<storage::ReceiptKey> taken;
    for (auto& p : pending) {
      const bool is_return =
          std::any_of(p.pos.originals.begin(), p.pos.originals.end(), [](auto& x) { return x.has_value(); });
      auto it = on_file.find(p.key);
      if (!taken.insert(p.key).second) {
        later.push_back(&p);  // the same receipt twice in the part (a store by code and by name)
      } else if (it != on_file.end() && has_all_lines(p.pos.order, numbers, it->second)) {
        ++report_.orders_on_file;
        report_.lines_on_file += static_cast<int64_t>(p.pos.order.lines.size());
      } else if (is_return || it != on_file.end()) {
        later.push_back(&p);
      } else {
        p.pos.order.created_at = c_.now_ms;
        purchase::allocate(p.pos.order);
        fresh.push_back(p.pos.order);
      }
    }
    report_.orders_added += batch.insert_orders(fresh);
    std::vector<purchase::Line> lines;
    for (const auto& o : fresh)
      for (auto l : o.lines) {
        l.order_id = o.id;
        lines.push_back(std::move(l));
      }
    report_.lines_added += batch.insert_lines(lines);
    // The part's points in a few statements (one per entry was most of PostgreSQL's time).
    std::vector<people::PointsEntry> points;
    for (const auto& o : fresh)
      for (auto& e : order_points(o)) points.push_back(std::move(e));
    record_points(c_, std::move(points));
    for (auto* p : later) one_by_one(*p);
  }

 private:
  static bool has_all_lines(const purchase::Order& o, const std::map<int64_t, std::vector<int>>& numbers, int64_t id) {
    const auto it = numbers.find(id);
    if (it == numbers.end()) return false;
    return std::all_of(o.lines.begin(), o.lines.end(), [&](const auto& l) {
      return std::binary_search(it->second.begin(), it->second.end(), l.line_no);
    });
  }

  Context& c_;
  PosImportReport& report_;
  Members members_;
};

storage::PosImportMapping mapping_of(Context& c, const std::string& name) {
  auto m = c.store<storage::PosImportStore>().mapping(name);
  if (!m)
    throw field_error("source_name",
                      Text("请先为「" + name + "」设置列对应", "map the columns of \"" + name + "\" first"));
  return *m;
}

}  // namespace

std::vector<storage::PosImportMapping> list_pos_mappings(Context& c) {
  require_importer(c);
  return c.store<storage::PosImportStore>().mappings();
}

storage::PosImportMapping put_pos_mapping(Context& c, storage::PosImportMapping m) {
  require_importer(c);
  m.source_name = text::trimmed(m.source_name);
  check_text("source_name", m.source_name, 40, true);
  for (const auto& [field, column] : m.columns) {
    if (!purchase::pos_field(field)) throw field_error("columns." + field, Text("不是导入字段", "not an import field"));
    check_text("columns." + field, column, 100, false);
  }
  std::erase_if(m.columns, [](const auto& kv) { return kv.second.empty(); });
  for (const char* f : {"receipt_no", "sold_at", "name", "unit_price"})
    if (!m.columns.count(f))
      throw make_error(errors::kRequired, {{"what", Text(std::string("columns.") + f)}}, std::string("columns.") + f);
  if (m.store_id && (!c.store<storage::OrgStore>().store_exists(*m.store_id) || !c.actor.in_store(*m.store_id)))
    throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "store_id");
  if (!m.store_id && !m.columns.count("store"))
    throw make_error(errors::kRequired, {{"what", Text("门店列或默认门店", "a store column or a default store")}},
                     "store_id");
  for (const auto& [pos, ours] : m.categories) {
    check_text("categories", pos, 100, true);
    if (!purchase::Category::parse(ours))
      throw make_error(errors::kInvalidEnum, {{"field", Text("categories." + pos)}, {"value", Text(ours)}},
                       "categories." + pos);
  }
  m.updated_by = c.actor.staff_id;
  m.updated_at = c.now_ms;
  const bool existed = c.store<storage::PosImportStore>().mapping(m.source_name).has_value();
  c.store<storage::PosImportStore>().put_mapping(m);
  audit(c, existed ? "purchases.import_mapping.update" : "purchases.import_mapping.create", "purchase_import_mapping",
        0, nullptr, {{"source_name", m.source_name}, {"columns", m.columns}, {"categories", m.categories.size()}});
  return m;
}

PosImportPreview preview_pos_import(Context& c, const std::string& source_name, const ImportTable& t) {
  require_importer(c);
  PosImportPreview out{t.format, t.encoding, t.header, {}, static_cast<int64_t>(t.rows.size()), {}};
  for (std::size_t i = 0; i < t.rows.size() && i < kPosPreviewRows; ++i) out.rows.push_back(t.rows[i].second);
  if (!source_name.empty()) out.mapping = c.store<storage::PosImportStore>().mapping(text::trimmed(source_name));
  return out;
}

PosImportReport import_purchases(Context& c, const std::string& source_name, const ImportTable& t, int64_t offset,
                                 std::optional<int64_t> limit) {
  require_importer(c);
  const auto name = text::trimmed(source_name);
  check_text("source_name", name, 40, true);
  const auto m = mapping_of(c, name);
  const auto rows = pos_rows(t, column_indexes(t.header, m), offset, limit);
  if (static_cast<int64_t>(rows.size()) > kPosImportMaxRows)
    throw field_error("limit", Text(fmt::format("每次最多导入 {} 行", kPosImportMaxRows),
                                    fmt::format("at most {} rows a request", kPosImportMaxRows)));
  PosImportReport report{name, t.format, t.encoding, static_cast<int64_t>(rows.size()), 0, 0, 0, 0, 0, {}, {}};
  const purchase::CategoryMapping cats{m.categories};
  const auto stores = store_keys(c);
  const auto receipts = purchase::group_receipts(rows);
  report.receipts = static_cast<int64_t>(receipts.size());
  Import run(c, report);
  std::vector<Pending> pending;
  pending.reserve(receipts.size());
  std::set<std::string> unmapped;
  for (const auto& r : receipts) {
    Pending p;
    if (!run.read(r, m, cats, stores, p)) continue;
    unmapped.insert(p.pos.unmapped_categories.begin(), p.pos.unmapped_categories.end());
    pending.push_back(std::move(p));
  }
  run.store(pending);
  report.unmapped_categories.assign(unmapped.begin(), unmapped.end());
  std::sort(report.rejected.begin(), report.rejected.end(),
            [](const auto& a, const auto& b) { return a.line < b.line; });
  audit(c, "purchases.import", "purchase_import_mapping", 0, nullptr,
        {{"source_name", name},
         {"rows", report.rows},
         {"orders_added", report.orders_added},
         {"orders_on_file", report.orders_on_file},
         {"lines_added", report.lines_added},
         {"rejected", report.rejected.size()}});
  return report;
}

}  // namespace kefu::app
