#pragma once
// Full-text search on PostgreSQL with the results of SQLite's FTS5 table (unicode61
// tokenizer, remove_diacritics 0). The repository stores, next to the raw tokens, a
// tsvector of the simple configuration over fts_words(tokens); a query term becomes
// phraseto_tsquery('simple', fts_words(term)). Since fts_words leaves only words
// separated by single spaces, PostgreSQL's parser has nothing left to split
// differently (no hyphens, dots, e-mail addresses or URLs), and both sides see the
// same words in the same positions.
#include <string>
#include <string_view>

namespace kefu::storage::pg {

// The words FTS5's unicode61 tokenizer makes of text, joined by single spaces:
// - ASCII letters and digits are word characters (letters lowercased); every other
//   ASCII character separates words;
// - other code points are word characters, except CJK and full-width punctuation and
//   symbols (U+3000–U+303F, U+FF00–U+FF0F, U+FF1A–U+FF20, U+FF3B–U+FF40,
//   U+FF5B–U+FF65) and general punctuation (U+2000–U+206F), which separate;
// - ill-formed UTF-8 separates (it never reaches the output).
// Empty when text has no word at all (FTS5 then has an empty phrase, which matches
// nothing).
std::string fts_words(std::string_view text);

}  // namespace kefu::storage::pg
