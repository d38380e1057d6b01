#include "auth/api/render.hpp"

#include "core/app/vocabulary_json.hpp"

namespace kefu::api {

nlohmann::json render(const people::Actor& a) {
  return {{"id", a.staff_id},   {"username", a.username},   {"display_name", a.display_name},
          {"role", a.role},     {"store_ids", a.store_ids}, {"department_ids", a.department_ids},
          {"scopes", a.scopes}, {"via_token", a.via_token}};
}

}  // namespace kefu::api
