#pragma once
// How the segmenter sees a code point. Internal to domain/text.
//
// The classes follow SQLite FTS5's unicode61 tokenizer, which indexes our
// space-separated tokens: it keeps letters (L*), numbers (N*) and private-use
// characters (Co) inside a token and splits on everything else. A token made
// only of kHan/kLetter/kNumber characters is therefore never split again by
// FTS5, so a query term and the indexed term stay the same string.
namespace kefu::text {

enum class CharClass : unsigned char {
  kOther,   // separator: punctuation, symbols, spaces, marks, U+FFFD
  kHan,     // Chinese character (Script=Han): segmented with the dictionary
  kLetter,  // any other letter (Latin, kana, Hangul, ...) or private use
  kNumber,  // digits and other numbers
};

CharClass classify(char32_t cp);

}  // namespace kefu::text
