#pragma once
// The knowledge base's JSON (docs/kb.md; src/kb/api/openapi.yaml).
#include <nlohmann/json.hpp>

#include "kb/app/kb_transfer.hpp"
#include "kb/domain/faq.hpp"

namespace kefu::api::kb_render {

// An entry with its answer as sanitised HTML beside the Markdown, its variants and draft.
nlohmann::json faq(const kb::Faq&);
nlohmann::json version(const kb::FaqVersion&);
nlohmann::json category(const kb::Category&);
nlohmann::json synonyms(const kb::SynonymGroup&);
nlohmann::json small_talk(const kb::SmallTalk&);
nlohmann::json report(const app::ImportReport&);

}  // namespace kefu::api::kb_render
