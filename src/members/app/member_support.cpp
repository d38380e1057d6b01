#include "members/app/member_support.hpp"

#include "core/domain/errors.hpp"
#include "members/app/members.hpp"
#include "members/domain/errors.hpp"
#include "members/storage/member_profile_store.hpp"
#include "members/storage/member_store.hpp"

namespace kefu::app {

people::Member member_for_change(Context& c, int64_t id) {
  auto m = c.store<storage::MemberStore>().member(id);
  if (!m || !member_in_reach(c, m->merged_into ? get_member(c, id) : *m))
    throw make_error(errors::kNotFound, {{"what", Text("会员", "member")}});
  if (m->merged_into) throw make_error(errors::kMemberMerged, {{"member_no", m->member_no}});
  return *m;
}

void note_member_event(Context& c, int64_t member_id, const std::string& kind, const nlohmann::json& detail) {
  std::optional<int64_t> by;
  if (c.actor.staff_id > 0) by = c.actor.staff_id;
  c.store<storage::MemberProfileStore>().add_event({0, member_id, c.now_ms, kind, detail.dump(), by});
}

}  // namespace kefu::app
