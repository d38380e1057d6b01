#include "core/api/routes.hpp"

#include <nlohmann/json.hpp>

#include "core/api/module.hpp"
#include "core/api/support.hpp"
#include "core/http/error_json.hpp"

namespace kefu::api {
namespace {

// The closed vocabularies with their zh-CN and English labels, for forms and filters.
void vocabulary_route(Services&, http::Request&, http::Reply reply) {
  static const std::string body = api::vocabulary().dump();
  reply(http::Response::json(200, body));
}

// The web app's files and pages (static_site.hpp); an unknown /api/ path stays a JSON 404.
void site_or_404(Services& s, http::Request& req, http::Reply reply) {
  if (s.site)
    if (auto r = s.site->serve(req.path)) return reply(std::move(*r));
  reply(http::error_json(404, "route_not_found", "接口不存在 / No such route"));
}

// The console when the web app is built; otherwise a page that says what is running.
void home(Services& s, http::Request& req, http::Reply reply) {
  if (s.site) return site_or_404(s, req, std::move(reply));
  std::string page = R"HTML(<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>kefu 客服</title>
<style>body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;max-width:46rem;margin:3rem auto;line-height:1.6}
code{background:#f4f4f4;padding:.1rem .3rem}</style></head><body>
<h1>kefu 客服 服务已启动</h1>
{demo}<p>接口地址 <code>/api/v1</code>。登录：<code>POST /api/v1/auth/login {"username":"…","password":"…"}</code>，
之后以 Cookie 或 <code>Authorization: Bearer &lt;token&gt;</code> 访问。首个管理员账号在安装时创建：
<code>kefu user add --username … --role admin</code>（从标准输入或 KEFU_PASSWORD 读取密码）。</p>
<p>The API lives under <code>/api/v1</code> (see docs/openapi.yaml); the first admin account is created at setup
with <code>kefu user add --role admin</code>. Health: <a href="/healthz">/healthz</a> ·
Metrics: <a href="/metrics">/metrics</a></p>
</body></html>
)HTML";
  // No password on this page: a demo says only that it is one (its accounts are in the README).
  page.replace(
      page.find("{demo}"), 6,
      s.demo ? "<p><strong>演示环境 / Demo</strong>：演示数据，账号见 README。Demo data; accounts in the README.</p>\n"
             : "");
  reply(http::Response::text(200, page, "text/html; charset=utf-8"));
}

}  // namespace

nlohmann::json vocabulary() {
  auto out = nlohmann::json::object();
  for (const auto& m : api_modules())
    if (m.add_vocabulary) m.add_vocabulary(out);
  return out;
}

RouteTable route_table() {
  RouteTable t;
  for (const auto& m : api_modules()) {
    t.set_group(m.name);
    m.add_routes(t);
  }
  t.set_group("core");
  t.add("GET", "/api/v1/meta/vocabulary", any_staff(), vocabulary_route);
  t.add("GET", "/", anyone(), home);
  return t;
}

http::Router build_router(Services& s) {
  http::Router r;
  const auto table = route_table();
  for (const auto& route : table.routes()) {
    r.set_group(route.group);
    r.add(route.method, route.path, [&s, access = route.access, fn = route.handler](http::Request& q, http::Reply p) {
      check_same_origin(q);
      storage::Snapshot snapshot(s.db.reader());
      enforce(s, q, access);
      fn(s, q, std::move(p));
    });
  }
  r.fallback("GET", [&s](http::Request& q, http::Reply p) { site_or_404(s, q, std::move(p)); });
  return r;
}

}  // namespace kefu::api
