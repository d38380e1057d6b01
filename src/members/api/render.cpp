#include "members/api/render.hpp"

#include "members/domain/phone.hpp"

namespace kefu::api {

nlohmann::json render(const people::Member& m, const people::Actor& viewer) {
  return {{"id", m.id},
          {"member_no", m.member_no},
          {"name", m.name},
          {"phone", viewer.sees_full_phone() ? m.phone : people::mask_phone(m.phone)},
          {"phone_masked", !viewer.sees_full_phone()},
          {"tier", m.tier},
          {"birthday", viewer.sees_sensitive_data() ? m.birthday : ""},
          {"care_flags", viewer.sees_sensitive_data() ? m.care_flags : std::vector<std::string>{}},
          {"needs_care", !m.care_flags.empty()},
          {"sensitive_hidden", !viewer.sees_sensitive_data()},
          {"home_store_id", m.home_store_id ? nlohmann::json(m.home_store_id) : nlohmann::json(nullptr)},
          {"created_at", m.created_at},
          {"merged_into", m.merged_into ? nlohmann::json(m.merged_into) : nlohmann::json(nullptr)}};
}

}  // namespace kefu::api
