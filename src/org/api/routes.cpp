// Stores, departments, staff (admin writes; staff read their own stores).
#include "core/api/routes.hpp"
#include "core/api/error_mapping.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/domain/errors.hpp"
#include "org/api/render.hpp"
#include "org/app/org.hpp"

namespace kefu::api {
namespace {

template <typename T>
nlohmann::json items(const std::vector<T>& v) {
  auto a = nlohmann::json::array();
  for (const auto& x : v) a.push_back(render(x));
  return {{"items", a}};
}

void list_stores(Services& s, http::Request& req, http::Reply reply) {
  read(s, req, reply, authenticate(s, req), [](app::Context& c) { return ok(200, items(app::visible_stores(c))); });
}

people::Store store_from(const nlohmann::json& b) {
  people::Store st{0,
                   req_string(b, "code"),
                   req_string(b, "name"),
                   opt_string(b, "timezone", "Asia/Shanghai"),
                   opt_string(b, "address"),
                   {}};
  auto h = b.find("hours");
  if (h == b.end() || h->is_null()) return st;
  if (!h->is_array())
    throw make_error(errors::kInvalidType, {{"field", "hours"}, {"expected", Text("数组", "an array")}}, "hours");
  for (const auto& p : *h) {
    if (!p.is_object())
      throw make_error(errors::kInvalidType,
                       {{"field", "hours"}, {"expected", Text("对象数组", "an array of objects")}}, "hours");
    st.hours.push_back({static_cast<int>(req_int(p, "weekday")), req_string(p, "open"), req_string(p, "close")});
  }
  return st;
}

void create_store(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto st = store_from(parse_object(req));
  write(s, req, std::move(reply), actor, [st](app::Context& c) { return ok(201, render(app::create_store(c, st))); });
}

void list_departments(Services& s, http::Request& req, http::Reply reply) {
  auto store = query_int(req, "store_id");
  read(s, req, reply, authenticate(s, req),
       [store](app::Context& c) { return ok(200, items(app::visible_departments(c, store))); });
}

void create_department(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  people::Department d{0, req_int(b, "store_id"), req_string(b, "code"), req_string(b, "name"),
                       opt_string(b, "kind", "other")};
  write(s, req, std::move(reply), actor,
        [d](app::Context& c) { return ok(201, render(app::create_department(c, d))); });
}

void list_staff(Services& s, http::Request& req, http::Reply reply) {
  read(s, req, reply, authenticate(s, req), [](app::Context& c) { return ok(200, items(app::visible_staff(c))); });
}

void create_staff(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  people::Staff p;
  p.username = req_string(b, "username");
  p.display_name = req_string(b, "display_name");
  p.phone = opt_string(b, "phone");
  p.email = opt_string(b, "email");
  p.store_ids = int_list(b, "store_ids");
  p.department_ids = int_list(b, "department_ids");
  write_after(
      s, req, std::move(reply), actor,
      [actor, p, role = req_string(b, "role"), password = req_string(b, "password")] {
        return app::prepare_staff(actor, p, role, password);
      },
      [](app::Context& c, const people::Staff& staff) { return ok(201, render(app::create_staff(c, staff))); });
}

}  // namespace

void add_org_routes(RouteTable& r) {
  r.add("GET", "/api/v1/stores", any_staff(), list_stores);
  r.add("POST", "/api/v1/stores", staff("admin", "admin"), create_store);
  r.add("GET", "/api/v1/departments", any_staff(), list_departments);
  r.add("POST", "/api/v1/departments", staff("admin", "admin"), create_department);
  r.add("GET", "/api/v1/staff", any_staff(), list_staff);
  r.add("POST", "/api/v1/staff", staff("admin", "admin"), create_staff);
}

}  // namespace kefu::api
