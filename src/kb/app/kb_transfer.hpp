#pragma once
// Importing and exporting the knowledge base (CSV and JSON Lines: kb/app/kb_formats.hpp).
//
// Import: admins with kb:write. Rows are matched on `external_id` (required: a row without
// one is rejected), so importing the same file twice changes nothing the second time. A new
// external id creates an entry; a known one is brought to the row's content, category and
// variants (a published entry gets a draft that is published at once when the row's status
// is "published", the default; "draft" leaves it pending). A row identical to the entry is
// counted unchanged and writes nothing. Categories are paths of names ("商场服务/停车"),
// made when missing; variants name stores by code. Each rejected row is reported with its
// line, external id and reason; the others are applied. At most kMaxImportRows rows per
// call: the console sends a large file in parts and shows the progress between them.
//
// Export: every staff member with kb:read; every entry's current content (a pending draft
// is not exported), in id order.
#include <string>
#include <vector>

#include "core/app/context.hpp"

namespace kefu::app {

inline constexpr std::size_t kMaxImportRows = 2000;

struct ImportRejection {
  int line = 0;
  std::string external_id;
  std::string code;  // an error code of the catalogue (invalid_field, required, …)
  std::string message_zh, message_en;
  std::string field;
};

struct ImportReport {
  int rows = 0;
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  std::vector<ImportRejection> rejected;
};

// format: "csv" | "jsonl".
ImportReport import_faqs(Context&, const std::string& format, const std::string& text);
std::string export_faqs(Context&, const std::string& format);

}  // namespace kefu::app
