#include "members/api/core_render.hpp"

#include "core/api/json_io.hpp"
#include "members/domain/identity.hpp"

namespace kefu::api::member_render {

using nlohmann::json;

json identity(const storage::MemberIdentity& i, const people::Actor& viewer) {
  const auto kind = people::IdentityKind::of(i.kind);
  return {{"id", i.id},
          {"kind", i.kind},
          {"value", viewer.sees_full_phone() ? i.value : people::mask_identity(kind, i.value)},
          {"masked", !viewer.sees_full_phone()},
          {"primary", i.id == 0},
          {"added_at", i.added_at},
          {"added_by", or_null(i.added_by)}};
}

json merge(const storage::MergeRecord& r) {
  json moved = json::object(), counts = json::object();
  for (const auto& [table, ids] : r.moved) {
    moved[table] = ids;
    counts[table] = ids.size();
  }
  return {{"id", r.id},
          {"kept_id", r.kept_id},
          {"merged_id", r.merged_id},
          {"moved", moved},
          {"counts", counts},
          {"merged_at", r.merged_at},
          {"merged_by", or_null(r.merged_by)},
          {"undone_at", or_null(r.undone_at)},
          {"undone_by", or_null(r.undone_by)}};
}

json event(const storage::MemberEvent& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"kind", e.kind},
          {"detail", json::parse(e.detail, nullptr, false)},
          {"staff_id", or_null(e.staff_id)}};
}

json tier_rule(const people::TierRule& r) {
  return {{"tier", r.tier}, {"min_spend_fen", r.min_spend_fen}, {"grace_months", r.grace_months}};
}

json consent(const app::MemberConsent& c) {
  json current = json::array(), history = json::array();
  for (const auto& s : c.current)
    current.push_back({{"channel", s.channel}, {"granted", s.granted}, {"since", or_null(s.since)}});
  for (const auto& r : c.history)
    history.push_back({{"id", r.id},
                       {"channel", r.channel},
                       {"granted", r.granted},
                       {"at", r.at},
                       {"staff_id", or_null(r.staff_id)},
                       {"source", r.source}});
  return {{"current", current}, {"history", history}};
}

}  // namespace kefu::api::member_render
