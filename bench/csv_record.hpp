#pragma once
// The benches' reader of the shared data sets (../shared/data/*.csv): one RFC 4180 record at a
// time (quoted fields may hold commas, quotes as "" and newlines). Bench code only: the
// product reads CSV through kb/app/kb_formats and its importers.
#include <istream>
#include <string>
#include <vector>

namespace kefu::bench {

inline bool read_record(std::istream& in, std::vector<std::string>& fields) {
  fields.assign(1, "");
  bool quoted = false, any = false;
  char ch;
  while (in.get(ch)) {
    any = true;
    if (quoted) {
      if (ch != '"') {
        fields.back() += ch;
      } else if (in.peek() == '"') {
        fields.back() += '"';
        in.get();
      } else {
        quoted = false;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      fields.emplace_back();
    } else if (ch == '\n') {
      return true;
    } else if (ch != '\r') {
      fields.back() += ch;
    }
  }
  return any;
}

}  // namespace kefu::bench
