#include "kb/app/kb_formats.hpp"

#include <date/date.h>

#include <chrono>
#include <set>
#include <sstream>

namespace kefu::app::kb_formats {
namespace {

using nlohmann::json;

}  // namespace

std::vector<std::pair<int, std::vector<std::string>>> csv_records(const std::string& text, bool& bad) {
  std::vector<std::pair<int, std::vector<std::string>>> out;
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false, any = false;
  int line = 1, start = 1;
  std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  auto end_record = [&] {
    fields.push_back(std::move(field));
    field.clear();
    bool blank = fields.size() == 1 && fields[0].empty();
    if (!blank) out.emplace_back(start, std::move(fields));
    fields.clear();
    any = false;
  };
  for (; i < text.size(); ++i) {
    const char ch = text[i];
    if (!any) start = line, any = true;
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else if (ch == '"')
        quoted = false;
      else {
        if (ch == '\n') ++line;
        field += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_record();
    } else {
      field += ch;
    }
  }
  bad = quoted;
  if (any || !field.empty() || !fields.empty()) end_record();
  return out;
}

namespace {

std::vector<std::string> split_bar(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, '|');)
    if (!part.empty()) out.push_back(part);
  return out;
}

std::string join_bar(const json& list) {
  std::string out;
  if (!list.is_array()) return out;
  for (const auto& v : list) out += (out.empty() ? "" : "|") + v.get<std::string>();
  return out;
}

std::string quote(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

// A time cell as the row shape holds it (ms or null); a bad one is reported.
json time_cell(const std::string& text, const char* field, std::string& problem) {
  bool ok = true;
  auto t = parse_time(text, ok);
  if (!ok && problem.empty()) problem = std::string(field) + ": not a time (RFC 3339 or milliseconds)";
  return t ? json(*t) : json(nullptr);
}

const std::set<std::string> kColumns{"external_id", "question", "similar",    "answer",   "category", "keywords",
                                     "audience",    "status",   "valid_from", "valid_to", "id"};

}  // namespace

std::optional<int64_t> parse_time(const std::string& text, bool& ok) {
  ok = true;
  if (text.empty()) return std::nullopt;
  if (text.find_first_not_of("0123456789") == std::string::npos && text.size() <= 18) return std::stoll(text);
  for (const char* fmt : {"%FT%T%Ez", "%FT%TZ", "%F %T%Ez", "%FT%H:%M%Ez"}) {
    std::istringstream in(text);
    date::sys_time<std::chrono::milliseconds> tp;
    in >> date::parse(fmt, tp);
    if (!in.fail() && in.peek() == EOF) return tp.time_since_epoch().count();
  }
  ok = false;
  return std::nullopt;
}

std::string format_time(int64_t ms) {
  if (ms % 1000 == 0)
    return date::format("%FT%TZ", date::sys_time<std::chrono::seconds>(std::chrono::seconds(ms / 1000)));
  return date::format("%FT%TZ", date::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms)));
}

std::vector<Row> read_csv(const std::string& text) {
  bool bad = false;
  auto recs = csv_records(text, bad);
  if (recs.empty()) return {};
  const auto header = recs.front().second;
  bool known = false;
  for (const auto& h : header) known = known || h == "question";
  if (!known) return {{1, json::object(), "the first line must name the columns (question, answer, …)"}};
  std::vector<Row> out;
  for (std::size_t r = 1; r < recs.size(); ++r) {
    Row row{recs[r].first, json::object(), ""};
    const auto& cells = recs[r].second;
    if (cells.size() > header.size()) row.problem = "more cells than columns";
    json variants = json::object();
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) {
      const auto& h = header[i];
      const auto& v = cells[i];
      if (h.rfind("variant:", 0) == 0) {
        if (!v.empty()) variants[h.substr(8)] = v;
      } else if (h == "similar" || h == "keywords") {
        row.data[h] = split_bar(v);
      } else if (h == "valid_from" || h == "valid_to") {
        row.data[h] = time_cell(v, h.c_str(), row.problem);
      } else if (kColumns.count(h)) {
        row.data[h] = v;
      }
    }
    row.data["variants"] = variants;
    if (bad && r + 1 == recs.size()) row.problem = "a quote is not closed";
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<Row> read_jsonl(const std::string& text) {
  std::vector<Row> out;
  std::istringstream in(text);
  int line = 0;
  for (std::string s; std::getline(in, s);) {
    ++line;
    if (line == 1 && s.rfind("\xEF\xBB\xBF", 0) == 0) s = s.substr(3);
    if (s.find_first_not_of(" \t\r") == std::string::npos) continue;
    Row row{line, json::parse(s, nullptr, false), ""};
    if (!row.data.is_object()) {
      row.data = json::object();
      row.problem = "not a JSON object";
    }
    for (const char* f : {"valid_from", "valid_to"}) {
      auto it = row.data.find(f);
      if (it != row.data.end() && it->is_string()) *it = time_cell(it->get<std::string>(), f, row.problem);
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::string write_csv(const std::vector<json>& rows, const std::vector<std::string>& store_codes) {
  std::string out = "external_id,question,similar,answer,category,keywords,audience,status,valid_from,valid_to";
  for (const auto& code : store_codes) out += "," + quote("variant:" + code);
  out += "\r\n";
  auto time = [](const json& v) { return v.is_number_integer() ? format_time(v.get<int64_t>()) : std::string(); };
  for (const auto& r : rows) {
    std::vector<std::string> cells{r.value("external_id", ""),
                                   r.value("question", ""),
                                   join_bar(r.value("similar", json::array())),
                                   r.value("answer", ""),
                                   r.value("category", ""),
                                   join_bar(r.value("keywords", json::array())),
                                   r.value("audience", ""),
                                   r.value("status", ""),
                                   time(r.value("valid_from", json())),
                                   time(r.value("valid_to", json()))};
    const auto variants = r.value("variants", json::object());
    for (const auto& code : store_codes) cells.push_back(variants.value(code, ""));
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + quote(cells[i]);
    out += line + "\r\n";
  }
  return out;
}

std::string write_jsonl(const std::vector<json>& rows) {
  std::string out;
  for (const auto& r : rows) out += r.dump() + "\n";
  return out;
}

}  // namespace kefu::app::kb_formats
