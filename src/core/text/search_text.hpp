#pragma once
// What the storage layer puts into and asks of the FTS5 index.
//
// The FTS5 table uses the unicode61 tokenizer over our space-separated
// tokens. Tokens contain only letters and numbers (see char_class.hpp), so
// unicode61 never splits them further: an indexed token and a query term are
// compared as the same string (unicode61 also case-folds and strips Latin
// diacritics, identically on both sides).
#include <string>
#include <string_view>
#include <vector>

#include "core/text/segmenter.hpp"

namespace kefu::text {

// The text to store in the FTS5 column for raw (subject, description or a
// note): Segmenter::cut_for_index tokens joined by single spaces. Empty when
// raw has no letters, digits or Chinese characters.
std::string index_document(const Segmenter& segmenter, std::string_view raw);

// The terms of a user's search, for the storage layer to AND as FTS5
// phrases: Segmenter::cut_for_query tokens, duplicates dropped, first
// occurrence order kept. Quote each term as an FTS5 string ("退货"); terms
// hold only letters and digits, so nothing inside needs escaping. Empty when
// raw has nothing searchable.
std::vector<std::string> query_terms(const Segmenter& segmenter, std::string_view raw);

}  // namespace kefu::text
