#include "core/text/search_text.hpp"

#include <unordered_set>

namespace kefu::text {

std::string index_document(const Segmenter& segmenter, std::string_view raw) {
  std::string out;
  for (const std::string& token : segmenter.cut_for_index(raw)) {
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

std::vector<std::string> query_terms(const Segmenter& segmenter, std::string_view raw) {
  std::vector<std::string> terms;
  std::unordered_set<std::string> seen;
  for (std::string& token : segmenter.cut_for_query(raw)) {
    if (seen.insert(token).second) terms.push_back(std::move(token));
  }
  return terms;
}

}  // namespace kefu::text
