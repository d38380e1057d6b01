#include "core/api/file_response.hpp"

#include <date/date.h>
#include <date/tz.h>

namespace kefu::api {

app::ExportFormat export_format(const http::Request& req) {
  if (!req.has_query("format")) return app::ExportFormat::xlsx;
  return app::export_format(req.query_value("format"));
}

bool wants_zh(const http::Request& req) { return !req.header("accept-language").starts_with("en"); }

http::Response file_response(const app::ExportFile& file, const std::string& name) {
  auto r = http::Response::text(200, file.bytes, file.content_type);
  r.set("Content-Disposition", app::content_disposition(name + "." + file.extension));
  r.set("Cache-Control", "no-store");
  return r;
}

http::Response table_response(const app::Table& table, app::ExportFormat format, const std::string& name) {
  return file_response(app::export_table(table, format), name);
}

std::string local_date(int64_t ms, const std::string& time_zone) {
  const auto t =
      date::floor<std::chrono::seconds>(date::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{ms}});
  try {
    return date::format("%F", date::locate_zone(time_zone)->to_local(t));
  } catch (const std::exception&) {
    return date::format("%F", t);
  }
}

}  // namespace kefu::api
