#pragma once
// The social-media import (微博, 大众点评, 小红书 exports → the feedback inbox). docs/feedback.md.
//
// Staff map a platform's columns once (the mapping is remembered per source name); each
// import reads a CSV file (import_file.hpp: UTF-8, UTF-16 or GBK) through the mapping and
// records every row as an item of source `social` through record_item(), whose key is
// `<source name>:<post id>` (or a hash of author, time and text when the export has no id),
// so importing the same file again adds nothing. Large files come in parts (the console
// cuts a CSV into parts of whole records, each with the header line); the report of a part
// counts its rows and names the line of every row it skipped and why.
//
// Who: reading mappings, agents and above with feedback:read; saving a mapping and
// importing, supervisors and above with feedback:write. Rows name stores by code or name;
// a store the caller does not serve is skipped as unknown_store.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "core/app/import_file.hpp"
#include "feedback/storage/import_mapping_store.hpp"

namespace kefu::app {

inline constexpr std::size_t kImportSourceNameMax = 40;  // characters
inline constexpr std::size_t kImportPreviewRows = 5;

std::vector<storage::ImportMapping> list_import_mappings(Context&);
// Saves the mapping of `m.source_name` (the text column is required; the store comes from
// a column, or store_id, or both: the column first, store_id for an empty cell).
storage::ImportMapping put_import_mapping(Context&, storage::ImportMapping m);

// What a file holds before it is mapped: its columns, the first rows, how many rows, and
// the source's remembered mapping if there is one.
using ImportPreview = ImportPreviewOf<storage::ImportMapping>;  // rows: at most kImportPreviewRows
ImportPreview preview_import(Context&, const std::string& source_name, const ImportTable& file);

// Why a row was skipped.
struct SkippedRow {
  int line = 0;        // of the file (the header is line 1)
  std::string reason;  // empty_text | too_long | unknown_store | bad_time | invalid
};

struct ImportReport {
  std::string source_name, format, encoding;
  int64_t rows = 0;        // data rows read
  int64_t added = 0;       // new items
  int64_t duplicates = 0;  // rows whose post the inbox already had (this file or an earlier one)
  std::vector<SkippedRow> skipped;
  std::vector<int64_t> item_ids;  // the items added
};

// Imports the file (read by read_import_table() before the write, off the writer thread)
// through the source's remembered mapping (none: 422 invalid_field).
ImportReport import_social(Context&, const std::string& source_name, const ImportTable& file);

}  // namespace kefu::app
