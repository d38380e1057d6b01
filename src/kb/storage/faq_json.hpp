#pragma once
// An entry's content as JSON: how drafts and versions are stored, and what the audit log,
// the API and the export show. Kept beside the store interface so that the SQL, the use
// cases and the routes read and write one shape.
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "kb/domain/faq.hpp"

namespace kefu::storage {

// {question, similar, answer, keywords, audience, valid_from, valid_to} (times in ms or null).
nlohmann::json content_json(const kb::FaqContent&);
// The reverse; missing fields take their defaults (a stored row is trusted: no checks).
kb::FaqContent content_from(const nlohmann::json&);

// A JSON array of strings stored as text (similar questions, keywords, a synonym group's
// words); anything else in it is skipped, and text that is not an array reads as empty.
std::vector<std::string> strings_from_text(const std::string&);

// {"<store_id>": answer, …}
nlohmann::json variants_json(const std::map<int64_t, std::string>&);
std::map<int64_t, std::string> variants_from(const nlohmann::json&);

}  // namespace kefu::storage
