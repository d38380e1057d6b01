#include "privacy/domain/retention.hpp"

namespace kefu::privacy {

RetentionRule default_rule(RetentionKind kind) {
  switch (kind.value()) {
    case RetentionKindCode::inactive_people:
      return {kind, false, 3 * 365};  // 3 years without a contact
    case RetentionKindCode::chat_photos:
      return {kind, false, 180};
    case RetentionKindCode::feedback_photos:
      return {kind, false, 365};
    case RetentionKindCode::bot_questions:
      return {kind, false, 365};
    case RetentionKindCode::export_links:
      return {kind, true, 1};  // plainly safe: the link died within minutes
  }
  return {kind, false, 365};
}

std::vector<RetentionRule> with_defaults(const std::vector<RetentionRule>& saved) {
  std::vector<RetentionRule> out;
  for (const auto& t : kRetentionKinds) {
    RetentionRule r = default_rule(t.value);
    for (const auto& s : saved)
      if (s.kind.value() == t.value) r = s;
    out.push_back(r);
  }
  return out;
}

int64_t cutoff(const RetentionRule& r, int64_t now_ms) { return now_ms - int64_t{r.days} * 24 * 3600 * 1000; }

}  // namespace kefu::privacy
