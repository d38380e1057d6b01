#include "api/routes.hpp"

#include <nlohmann/json.hpp>

#include "api/support.hpp"
#include "domain/ticket/vocabulary.hpp"

namespace kefu::api {
namespace {

// The closed vocabularies with their zh-CN labels, for forms and filters.
void vocabulary(Services& s, http::Request& req, http::Reply reply) {
  authenticate(s, req);
  auto list = [](std::span<const ticket::Term> terms) {
    auto a = nlohmann::json::array();
    for (const auto& t : terms) a.push_back({{"code", t.code}, {"zh", t.zh}});
    return a;
  };
  reply(ok(200, {{"types", list(ticket::types())},
                 {"channels", list(ticket::channels())},
                 {"priorities", list(ticket::priorities())},
                 {"statuses", list(ticket::statuses())},
                 {"task_statuses", list(ticket::task_statuses())}}));
}

}  // namespace

http::Router build_router(Services& s) {
  http::Router r;
  add_auth_routes(r, s);
  add_org_routes(r, s);
  add_member_routes(r, s);
  add_ticket_routes(r, s);
  add_attachment_routes(r, s);
  r.add("GET", "/api/v1/meta/vocabulary", bind(s, vocabulary));
  return r;
}

}  // namespace kefu::api
