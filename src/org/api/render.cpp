#include "org/api/render.hpp"

#include "core/app/vocabulary_json.hpp"

namespace kefu::api {

nlohmann::json render(const people::Store& s) {
  auto hours = nlohmann::json::array();
  for (const auto& p : s.hours) hours.push_back({{"weekday", p.weekday}, {"open", p.open}, {"close", p.close}});
  return {{"id", s.id},           {"code", s.code}, {"name", s.name}, {"timezone", s.timezone},
          {"address", s.address}, {"hours", hours}};
}

nlohmann::json render(const people::Department& d) {
  return {{"id", d.id}, {"store_id", d.store_id}, {"code", d.code}, {"name", d.name}, {"kind", d.kind}};
}

nlohmann::json render(const people::Staff& s) {
  return {{"id", s.id},         {"username", s.username},   {"display_name", s.display_name},    {"role", s.role},
          {"active", s.active}, {"store_ids", s.store_ids}, {"department_ids", s.department_ids}};
}

}  // namespace kefu::api
