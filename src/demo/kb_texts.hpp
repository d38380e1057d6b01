#pragma once
// The demo knowledge base's texts (a department store's FAQs, staff articles, each
// store's own answers, synonyms and small talk), written for this project in our own
// words. Lists inside a text are ";"-separated.
#include <vector>

namespace kefu::demo {

struct KbEntryText {
  const char* external_id;
  const char* category;  // a path of names, "/"-separated
  const char* question;
  const char* similar;   // ";"-separated
  const char* answer;    // Markdown
  const char* keywords;  // ";"-separated
  bool internal;         // an article for staff only
};

struct KbVariantText {
  const char* external_id;
  const char* store_code;
  const char* answer;
};

struct KbSmallTalkText {
  const char* pattern;
  const char* reply;
};

const std::vector<KbEntryText>& kb_faq_texts_1();
const std::vector<KbEntryText>& kb_faq_texts_2();
const std::vector<KbEntryText>& kb_internal_texts();
const std::vector<KbVariantText>& kb_variant_texts();
const std::vector<const char*>& kb_synonym_texts();  // words ";"-separated
const std::vector<KbSmallTalkText>& kb_small_talk_texts();

}  // namespace kefu::demo
