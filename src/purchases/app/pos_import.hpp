#pragma once
// The POS import (收银数据导入): a POS's export of receipt lines (CSV in UTF-8/UTF-16/GBK, or
// XLSX; core/app/import_file.hpp) through a column mapping remembered per source name, the
// rows of a receipt grouped into one order (purchases/domain/pos_rows.hpp). docs/purchases.md.
//
// Idempotent: a receipt on file (same store and number) with all its lines is counted as
// already on file and nothing is written; one that lacks lines gains them through
// record_order. A part of the file is one write: new receipts go through the store's batch
// path (pos_import_store.hpp), returns and receipts on file with new lines through
// record_order (which resolves the original line). A receipt that cannot be read or
// stored is rejected alone: each of its rows is reported with the reason (zh/en).
//
// Who: supervisors and above with purchases:write (the mappings too).
#include <cstdint>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "core/app/import_file.hpp"
#include "purchases/storage/pos_import_store.hpp"

namespace kefu::app {

inline constexpr std::size_t kPosPreviewRows = 5;
inline constexpr int64_t kPosImportMaxRows = 20'000;  // per request (the console sends 2,000)

std::vector<storage::PosImportMapping> list_pos_mappings(Context&);
// Saves the mapping of `m.source_name`: receipt_no, sold_at, name and unit_price need a
// column; the store comes from a column, or store_id, or both (the column first); the
// categories map to our codes.
storage::PosImportMapping put_pos_mapping(Context&, storage::PosImportMapping m);

using PosImportPreview = ImportPreviewOf<storage::PosImportMapping>;  // rows: at most kPosPreviewRows
PosImportPreview preview_pos_import(Context&, const std::string& source_name, const ImportTable& file);

struct RejectedRow {
  int line = 0;  // of the file (the header is line 1)
  std::string receipt_no, code, field, message_zh, message_en;
};

struct PosImportReport {
  std::string source_name, format, encoding;
  int64_t rows = 0, receipts = 0;
  int64_t orders_added = 0, orders_on_file = 0;  // receipts new / already stored whole
  int64_t lines_added = 0, lines_on_file = 0;
  std::vector<RejectedRow> rejected;             // every row of each rejected receipt
  std::vector<std::string> unmapped_categories;  // POS category names filed as `other`
};

// Imports the data rows [offset, offset + limit) of the file, moved so that no receipt is
// split: a part starts after the rows of a receipt begun before it and ends with the rows
// of the receipt it ends in (when they are next to each other, as POS exports write them).
PosImportReport import_purchases(Context&, const std::string& source_name, const ImportTable& file, int64_t offset = 0,
                                 std::optional<int64_t> limit = std::nullopt);

}  // namespace kefu::app
