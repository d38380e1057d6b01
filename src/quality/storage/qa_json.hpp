#pragma once
// Quality documents as JSON: how scorecards, marks and settings are stored (one TEXT
// column each) and what the API reads and answers, so that the SQL, the use cases and the
// routes share one shape:
//   scorecard items: [{"id", "name", "description", "weight", "red_line"}]
//   marks:           [{"item", "result": pass|partial|fail|na, "points"}]
//   settings:        {"appeal_days", "sampling": {"per_agent", "extra_low_csat",
//                     "extra_complaint", "extra_reopened", "max_flagged"}}
#include <nlohmann/json.hpp>

#include "quality/domain/scorecard.hpp"
#include "quality/domain/settings.hpp"

namespace kefu::storage {

nlohmann::json items_json(const std::vector<quality::Item>&);
nlohmann::json marks_json(const std::vector<quality::Mark>&);
nlohmann::json settings_json(const quality::Settings&);

// Throw invalid_input (invalid_type / required / invalid_enum) naming the field
// ("items[2].weight") for a value of the wrong type; the rules are checked by validate().
std::vector<quality::Item> items_from_json(const nlohmann::json&, const std::string& field = "items");
std::vector<quality::Mark> marks_from_json(const nlohmann::json&, const std::string& field = "marks");
// Missing members keep their defaults.
quality::Settings settings_from_json(const nlohmann::json&);

}  // namespace kefu::storage
