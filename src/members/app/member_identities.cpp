#include "members/app/member_identities.hpp"

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "members/app/member_support.hpp"
#include "members/app/members.hpp"
#include "members/domain/errors.hpp"
#include "members/domain/identity.hpp"
#include "members/storage/member_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

std::string normalized_or_throw(people::IdentityKind kind, const std::string& raw) {
  auto v = people::normalize_identity(kind, raw);
  if (!v) {
    if (kind == "phone") throw make_error(errors::kInvalidPhone, {}, "value");
    throw make_error(
        errors::kInvalidField,
        {{"field", "value"}, {"problem", Text("应为 1–64 个字母、数字或符号", "1-64 letters, digits or signs")}},
        "value");
  }
  return *v;
}

}  // namespace

std::vector<storage::MemberIdentity> member_identities(Context& c, int64_t member_id) {
  const auto m = get_member(c, member_id);
  std::vector<storage::MemberIdentity> out;
  if (!m.phone.empty()) out.push_back({0, m.id, "phone", m.phone, m.created_at, std::nullopt});
  for (auto& i : c.store<storage::IdentityStore>().identities(m.id)) out.push_back(std::move(i));
  return out;
}

storage::MemberIdentity add_member_identity(Context& c, int64_t member_id, const std::string& kind_code,
                                            const std::string& raw) {
  require_scope(c.actor, "members:write");
  const auto kind = parse_enum<people::IdentityKind>("kind", kind_code);
  check_text("value", raw, 64, true);
  const auto m = member_for_change(c, member_id);
  const std::string value = normalized_or_throw(kind, raw);
  auto taken_by = [&](int64_t owner) {
    auto o = c.store<storage::MemberStore>().member(owner);
    return make_error(
        errors::kIdentityTaken,
        {{"kind", Text(std::string(kind.zh()), std::string(kind.en()))}, {"member_no", o ? o->member_no : ""}},
        "value");
  };
  if (kind == "phone")
    if (auto other = c.store<storage::MemberStore>().member_by_phone(value)) throw taken_by(other->id);
  storage::MemberIdentity i{0, m.id, std::string(kind.code()), value, c.now_ms, std::nullopt};
  if (c.actor.staff_id > 0) i.added_by = c.actor.staff_id;
  auto id = c.store<storage::IdentityStore>().add_identity(i);
  if (!id) throw taken_by(c.store<storage::IdentityStore>().identity(i.kind, value)->member_id);
  i.id = *id;
  const nlohmann::json shown{{"kind", i.kind}, {"value", people::mask_identity(kind, value)}};
  audit(c, "member.identity_add", "member", m.id, nullptr, shown);
  note_member_event(c, m.id, "identity_added", shown);
  return i;
}

bool remove_member_identity(Context& c, int64_t member_id, const std::string& kind_code, const std::string& raw) {
  require_scope(c.actor, "members:write");
  const auto kind = parse_enum<people::IdentityKind>("kind", kind_code);
  check_text("value", raw, 64, true);
  const auto m = member_for_change(c, member_id);
  const auto value = people::normalize_identity(kind, raw);
  if (!value || !c.store<storage::IdentityStore>().remove_identity(m.id, std::string(kind.code()), *value))
    return false;
  const nlohmann::json shown{{"kind", kind.code()}, {"value", people::mask_identity(kind, *value)}};
  audit(c, "member.identity_remove", "member", m.id, shown, nullptr);
  note_member_event(c, m.id, "identity_removed", shown);
  return true;
}

}  // namespace kefu::app
