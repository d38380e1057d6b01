// The tickets capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"
#include "tickets/domain/status.hpp"

namespace kefu::api {

void add_ticket_routes(RouteTable&);         // routes.cpp
void add_attachment_routes(RouteTable&);     // routes_attachments.cpp
void add_ticket_export_routes(RouteTable&);  // export_routes.cpp

namespace {

void add_routes(RouteTable& r) {
  add_ticket_routes(r);
  add_attachment_routes(r);
  add_ticket_export_routes(r);
}

void add_vocabulary(nlohmann::json& v) {
  using namespace ticket;
  v["types"] = terms_json<Type>([](Type t, nlohmann::json& j) { j["default_priority"] = default_priority(t).code(); });
  v["channels"] = terms_json<Channel>([](Channel c, nlohmann::json& j) { j["online"] = is_online(c); });
  v["priorities"] = terms_json<Priority>([](Priority p, nlohmann::json& j) {
    j["zh_short"] = short_label(p).zh;
    j["en_short"] = short_label(p).en;
  });
  v["statuses"] = terms_json<Status>([](Status s, nlohmann::json& j) {
    j["open"] = !is_finished(s);
    auto next = nlohmann::json::array();
    for (auto n : next_statuses(s)) next.push_back(n.code());
    j["next"] = next;
  });
  v["task_statuses"] = terms_json<TaskStatus>([](TaskStatus s, nlohmann::json& j) { j["open"] = is_open(s); });
}

}  // namespace

ApiModule tickets_api() { return {"tickets", add_routes, add_vocabulary}; }

}  // namespace kefu::api
