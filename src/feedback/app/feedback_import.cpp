#include "feedback/app/feedback_import.hpp"

#include <map>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"
#include "core/text/trim.hpp"
#include "feedback/app/feedback_items.hpp"
#include "feedback/domain/social_import.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

storage::ImportMappingStore& mappings(Context& c) { return c.store<storage::ImportMappingStore>(); }

void require_importer(Context& c) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "feedback:write");
}

void check_source_name(const std::string& name) { check_text("source_name", name, kImportSourceNameMax, true); }

Error no_column(const std::string& field, const std::string& column) {
  return make_error(errors::kInvalidField,
                    {{"field", field},
                     {"problem", Text("文件中没有列「" + column + "」", "the file has no column \"" + column + "\"")}},
                    field);
}

// The index of each mapped column in the file's header (-1: not mapped).
struct Columns {
  int text = -1, time = -1, author = -1, rating = -1, post_id = -1, store = -1;
};

int column_of(const std::vector<std::string>& header, const std::string& field, const std::string& name) {
  if (name.empty()) return -1;
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  throw no_column(field, name);
}

Columns columns_of(const std::vector<std::string>& header, const storage::ImportMapping& m) {
  return {column_of(header, "text_column", m.text_column),       column_of(header, "time_column", m.time_column),
          column_of(header, "author_column", m.author_column),   column_of(header, "rating_column", m.rating_column),
          column_of(header, "post_id_column", m.post_id_column), column_of(header, "store_column", m.store_column)};
}

std::string cell(const std::vector<std::string>& row, int column) {
  if (column < 0 || column >= static_cast<int>(row.size())) return "";
  return text::trimmed(row[static_cast<std::size_t>(column)]);
}

// Stores by code and by name, of those the caller serves.
struct StoreNames {
  std::map<std::string, int64_t> ids;
  std::optional<int64_t> find(const std::string& key) const {
    const auto it = ids.find(key);
    return it == ids.end() ? std::nullopt : std::optional<int64_t>(it->second);
  }
};

StoreNames store_names(Context& c) {
  StoreNames out;
  for (const auto& s : c.store<storage::OrgStore>().stores()) {
    if (!c.actor.in_store(s.id)) continue;
    out.ids.emplace(s.name, s.id);
    out.ids[s.code] = s.id;  // a code wins over another store's equal name
  }
  return out;
}

std::string first_chars(const std::string& s, std::size_t n) {
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && count++ == n) break;
    out += s[i];
  }
  return out;
}

}  // namespace

std::vector<storage::ImportMapping> list_import_mappings(Context& c) {
  require_role(c.actor, "agent");
  require_scope(c.actor, "feedback:read");
  return mappings(c).mappings();
}

storage::ImportMapping put_import_mapping(Context& c, storage::ImportMapping m) {
  require_importer(c);
  m.source_name = text::trimmed(m.source_name);
  check_source_name(m.source_name);
  check_text("text_column", m.text_column, 100, true);
  for (const auto* col : {&m.time_column, &m.author_column, &m.rating_column, &m.post_id_column, &m.store_column})
    check_text("column", *col, 100, false);
  if (m.store_id && (!c.actor.in_store(*m.store_id) || !c.store<storage::OrgStore>().store_exists(*m.store_id)))
    throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "store_id");
  if (!m.store_id && m.store_column.empty())
    throw make_error(errors::kRequired, {{"what", Text("门店列或默认门店", "a store column or a default store")}},
                     "store_id");
  m.updated_by = c.actor.staff_id;
  m.updated_at = c.now_ms;
  const auto before = mappings(c).mapping(m.source_name);
  mappings(c).put_mapping(m);
  audit(c, before ? "feedback.import_mapping.update" : "feedback.import_mapping.create", "feedback_import_mapping", 0,
        before ? nlohmann::json{{"source_name", before->source_name}, {"text_column", before->text_column}}
               : nlohmann::json(nullptr),
        {{"source_name", m.source_name}, {"text_column", m.text_column}});
  return m;
}

ImportPreview preview_import(Context& c, const std::string& source_name, const ImportTable& table) {
  require_importer(c);
  ImportPreview out{table.format, table.encoding, table.header, {}, static_cast<int64_t>(table.rows.size()), {}};
  for (std::size_t i = 0; i < table.rows.size() && i < kImportPreviewRows; ++i)
    out.rows.push_back(table.rows[i].second);
  if (!source_name.empty()) out.mapping = mappings(c).mapping(text::trimmed(source_name));
  return out;
}

ImportReport import_social(Context& c, const std::string& source_name, const ImportTable& table) {
  require_importer(c);
  const auto name = text::trimmed(source_name);
  check_source_name(name);
  const auto mapping = mappings(c).mapping(name);
  if (!mapping)
    throw make_error(
        errors::kInvalidField,
        {{"field", "source_name"},
         {"problem", Text("请先为「" + name + "」设置列对应", "map the columns of \"" + name + "\" first")}},
        "source_name");
  const auto col = columns_of(table.header, *mapping);
  const auto stores = store_names(c);
  ImportReport report{name, table.format, table.encoding, 0, 0, 0, {}, {}};
  for (const auto& [line, row] : table.rows) {
    ++report.rows;
    const auto skip = [&, line = line](const char* reason) { report.skipped.push_back({line, reason}); };
    NewFeedback in;
    in.source = "social";
    in.text = cell(row, col.text);
    if (in.text.empty()) {
      skip("empty_text");
      continue;
    }
    if (text::utf8_length(in.text) > kFeedbackTextMax) {
      skip("too_long");
      continue;
    }
    const auto store_key = cell(row, col.store);
    const auto store = store_key.empty() ? mapping->store_id : stores.find(store_key);
    if (!store || !c.actor.in_store(*store)) {
      skip("unknown_store");
      continue;
    }
    in.store_id = *store;
    const auto time = cell(row, col.time);
    if (!time.empty()) {
      in.said_at = feedback::parse_post_time(time);
      if (!in.said_at) {
        skip("bad_time");
        continue;
      }
    }
    in.author = first_chars(cell(row, col.author), 60);
    in.rating = feedback::parse_stars(cell(row, col.rating));
    in.source_ref = feedback::social_ref(name, cell(row, col.post_id), in.author, time, in.text);
    Recorded r;
    try {
      r = record_item(c, in);
    } catch (const Error&) {
      skip("invalid");
      continue;
    }
    if (r.created) {
      ++report.added;
      report.item_ids.push_back(r.item.id);
    } else {
      ++report.duplicates;
    }
  }
  audit(c, "feedback.import", "feedback_import_mapping", 0, nullptr,
        {{"source_name", name},
         {"rows", report.rows},
         {"added", report.added},
         {"duplicates", report.duplicates},
         {"skipped", report.skipped.size()}});
  return report;
}

}  // namespace kefu::app
