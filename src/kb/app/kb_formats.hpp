#pragma once
// The knowledge base's file formats (docs/kb.md), CSV (RFC 4180, UTF-8, an optional BOM)
// and JSON Lines, read into and written from one row shape:
//   {external_id, question, similar: [..], answer, category: "A/B", keywords: [..],
//    audience, status, valid_from, valid_to (ms or null), variants: {store_code: answer}}
// In CSV, similar questions and keywords are "|"-separated, times RFC 3339 or ms, and
// each store's answer is a column "variant:<store code>". Pure functions.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kefu::app::kb_formats {

struct Row {
  int line = 0;         // where the row starts in the file (1-based; CSV header is line 1)
  nlohmann::json data;  // the row shape above, as far as it could be read
  std::string problem;  // why the row could not be read ("" when it could)
};

// A CSV file's records with the line each starts on (RFC 4180: quotes may hold commas, ""
// and line breaks; a UTF-8 BOM is skipped); `bad` is set on a quote left open at the end.
std::vector<std::pair<int, std::vector<std::string>>> csv_records(const std::string& text, bool& bad);

// Rows of a CSV file with a header line; a file without one is a single problem row.
std::vector<Row> read_csv(const std::string& text);
std::vector<Row> read_jsonl(const std::string& text);

// Rows in the row shape; `store_codes` are the variant columns of the CSV.
std::string write_csv(const std::vector<nlohmann::json>& rows, const std::vector<std::string>& store_codes);
std::string write_jsonl(const std::vector<nlohmann::json>& rows);

// Milliseconds from "1767225600000" or RFC 3339 ("2026-12-01T00:00:00+08:00"); nullopt
// for "" and for text that is neither (`ok` false then).
std::optional<int64_t> parse_time(const std::string& text, bool& ok);
// RFC 3339 in UTC ("2026-11-30T16:00:00Z").
std::string format_time(int64_t ms);

}  // namespace kefu::app::kb_formats
