// Stores, departments, staff (admin writes; staff read their own stores).
#include "core/api/routes.hpp"
#include "auth/domain/password.hpp"
#include "core/api/error_mapping.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "org/app/org.hpp"
#include "tickets/api/render.hpp"

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

void create_store(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::require_role(actor, "admin");
  auto b = parse_object(req);
  people::Store st{0,
                   req_string(b, "code"),
                   req_string(b, "name"),
                   opt_string(b, "timezone", "Asia/Shanghai"),
                   opt_string(b, "address"),
                   {}};
  if (auto h = b.find("hours"); h != b.end() && !h->is_null()) {
    if (!h->is_array()) throw invalid("hours", "hours 应为数组", "hours must be an array", "invalid_type");
    for (const auto& p : *h) {
      if (!p.is_object()) throw invalid("hours", "hours 应为对象数组", "hours must hold objects", "invalid_type");
      st.hours.push_back({static_cast<int>(req_int(p, "weekday")), req_string(p, "open"), req_string(p, "close")});
    }
  }
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
  app::require_role(actor, "admin");
  auto b = parse_object(req);
  people::Staff p;
  p.username = req_string(b, "username");
  p.display_name = req_string(b, "display_name");
  p.role = app::parse_enum<people::Role>("role", req_string(b, "role"));
  p.phone = opt_string(b, "phone");
  p.email = opt_string(b, "email");
  p.store_ids = int_list(b, "store_ids");
  p.department_ids = int_list(b, "department_ids");
  auto password = req_string(b, "password");
  if (password.size() < 8)
    throw invalid("password", "密码至少 8 位", "the password needs at least 8 characters", "too_short");
  app::check_text("password", password, 200, true);
  auto request = std::make_shared<http::Request>(req);
  bool queued = s.workers.submit([&s, request, reply, actor, p, password]() mutable {
    p.password_hash = people::hash_password(password);
    try {
      write(s, *request, reply, actor, [p](app::Context& c) { return ok(201, render(app::create_staff(c, p))); });
    } catch (...) {
      reply(error_response(*request, std::current_exception()));
    }
  });
  if (!queued) throw Error(Error::Kind::too_many, "busy", "服务繁忙，请稍后再试", "busy; retry shortly");
}

}  // namespace

void add_org_routes(http::Router& r, Services& s) {
  r.add("GET", "/api/v1/stores", bind(s, list_stores));
  r.add("POST", "/api/v1/stores", bind(s, create_store));
  r.add("GET", "/api/v1/departments", bind(s, list_departments));
  r.add("POST", "/api/v1/departments", bind(s, create_department));
  r.add("GET", "/api/v1/staff", bind(s, list_staff));
  r.add("POST", "/api/v1/staff", bind(s, create_staff));
}

}  // namespace kefu::api
