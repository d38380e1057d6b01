// ImportMappingStore over SQL, the same on SQLite and PostgreSQL.
#include "feedback/storage/import_mapping_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

const std::string kCols =
    "source_name, text_column, time_column, author_column, rating_column, post_id_column, store_column, store_id, "
    "updated_by, updated_at";

template <class S>
ImportMapping read_mapping(const S& s) {
  return {s.text(0), s.text(1), s.text(2),    s.text(3),    s.text(4),
          s.text(5), s.text(6), s.opt_i64(7), s.opt_i64(8), s.i64(9)};
}

template <class D>
class SqlImportMappingStore final : public ImportMappingStore {
 public:
  SqlImportMappingStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<ImportMapping> mappings() override {
    auto s = db_.prepare("SELECT " + kCols + " FROM feedback_import_mappings ORDER BY source_name");
    std::vector<ImportMapping> out;
    while (s->step()) out.push_back(read_mapping(*s));
    return out;
  }

  std::optional<ImportMapping> mapping(const std::string& source_name) override {
    auto s = db_.prepare("SELECT " + kCols + " FROM feedback_import_mappings WHERE source_name = ?");
    s->bind(1, source_name);
    if (!s->step()) return std::nullopt;
    return read_mapping(*s);
  }

  void put_mapping(const ImportMapping& m) override {
    auto s = db_.prepare(
        "UPDATE feedback_import_mappings SET text_column = ?, time_column = ?, author_column = ?, rating_column = ?, "
        "post_id_column = ?, store_column = ?, store_id = ?, updated_by = ?, updated_at = ? WHERE source_name = ?");
    s->bind_all(m.text_column, m.time_column, m.author_column, m.rating_column, m.post_id_column, m.store_column,
                m.store_id, m.updated_by, m.updated_at, m.source_name)
        .run();
    if (db_.changes() == 1) return;
    db_.prepare("INSERT INTO feedback_import_mappings(" + kCols + ") VALUES (?,?,?,?,?,?,?,?,?,?)")
        ->bind_all(m.source_name, m.text_column, m.time_column, m.author_column, m.rating_column, m.post_id_column,
                   m.store_column, m.store_id, m.updated_by, m.updated_at)
        .run();
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<ImportMappingStore> ImportMappingStore::open(Stores& s) {
  return sql::make_store<ImportMappingStore, SqlImportMappingStore>(s);
}

}  // namespace kefu::storage
