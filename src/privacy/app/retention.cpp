#include "privacy/app/retention.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "privacy/app/erasure.hpp"
#include "privacy/app/person.hpp"
#include "privacy/storage/privacy_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

void require_admin(const people::Actor& a) {
  require_role(a, "admin");
  require_scope(a, "admin");
}

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& shas, storage::PersonDataStore& s) {
  for (const auto& sha : shas)
    if (!s.blob_named(sha) && std::find(to.begin(), to.end(), sha) == to.end()) to.push_back(sha);
}

}  // namespace

std::vector<privacy::RetentionRule> retention_rules(Context& c) {
  require_admin(c.actor);
  return privacy::with_defaults(c.store<storage::PrivacyStore>().saved_rules());
}

privacy::RetentionRule put_retention_rule(Context& c, const std::string& kind, bool enabled, int days) {
  require_admin(c.actor);
  auto k = privacy::RetentionKind::parse(kind);
  check_enum("kind", kind, k.has_value());
  if (days < privacy::kMinDays || days > privacy::kMaxDays)
    throw make_error(errors::kInvalidField,
                     {{"field", "days"}, {"problem", Text("保存天数应在 1 到 36500 之间", "it must be 1 .. 36500")}},
                     "days");
  auto& store = c.store<storage::PrivacyStore>();
  privacy::RetentionRule before = privacy::default_rule(*k);
  for (const auto& r : store.saved_rules())
    if (r.kind == *k) before = r;
  privacy::RetentionRule r{*k, enabled, days, c.actor.staff_id, c.now_ms};
  store.put_rule(r);
  audit(c, "privacy.retention_rule", "privacy_retention", 0,
        {{"kind", kind}, {"enabled", before.enabled}, {"days", before.days}},
        {{"kind", kind}, {"enabled", enabled}, {"days", days}});
  return r;
}

RetentionRun apply_retention(Context& c) {
  require_admin(c.actor);  // an admin, or the keeper as the system actor
  auto& people = c.store<storage::PersonDataStore>();
  RetentionRun run;
  nlohmann::json report = nlohmann::json::object();
  for (const auto& rule : privacy::with_defaults(c.store<storage::PrivacyStore>().saved_rules())) {
    if (!rule.enabled) continue;
    const int64_t before = privacy::cutoff(rule, c.now_ms);
    int64_t n = 0;
    switch (rule.kind.value()) {
      case privacy::RetentionKindCode::inactive_people:
        for (const auto& key : people.inactive_people(before, kRetentionBatch)) {
          auto p = person_of(c, key);
          if (p.footprint.empty() || p.footprint.last_contact_at >= before) continue;
          erase_footprint(c, p.footprint, run.freed_blobs);
          ++n;
        }
        break;
      case privacy::RetentionKindCode::chat_photos:
      case privacy::RetentionKindCode::feedback_photos: {
        auto shas = people.delete_old_photos(std::string(rule.kind.code()), before);
        n = static_cast<int64_t>(shas.size());
        add_unique(run.freed_blobs, shas, people);
        break;
      }
      case privacy::RetentionKindCode::bot_questions:
        n = people.clear_bot_questions(before, kErasedText);
        break;
      case privacy::RetentionKindCode::export_links:
        n = c.store<storage::PrivacyStore>().delete_exports(before);
        break;
    }
    run.counts.emplace_back(std::string(rule.kind.code()), n);
    report[std::string(rule.kind.code())] = n;
  }
  audit(c, "privacy.retention_run", "privacy_retention", 0, nullptr,
        {{"counts", report}, {"photos", run.freed_blobs.size()}});
  return run;
}

}  // namespace kefu::app
