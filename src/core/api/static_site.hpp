#pragma once
// The built web app (web/dist, `npm run build`), served by kefu itself:
//   /assets/…       hashed files: Cache-Control public, max-age one year, immutable;
//   /, /tickets/…   the staff console (index.html) for any path outside /api/ that is
//                   not a file: the console's router takes it from there;
//   /m, /m/…        the customer's mobile page (m.html);
//   HTML            Cache-Control no-cache, so a new build is picked up at once.
// Files are read once at start-up (a build is immutable while it is served). MIME types
// by extension; `.js` is text/javascript.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/http/message.hpp"

namespace kefu::api {

class StaticSite {
 public:
  // nullptr when `dir` holds no index.html (the web app was not built).
  static std::unique_ptr<StaticSite> load(const std::filesystem::path& dir);

  // The file or page for a GET; a path under /api/ is never answered here (nullopt).
  std::optional<http::Response> serve(std::string_view path) const;
  std::size_t files() const { return files_.size(); }

 private:
  struct File {
    std::string body;
    std::string type;
    bool immutable = false;
  };
  http::Response respond(const File&) const;
  std::map<std::string, File, std::less<>> files_;  // "/assets/index-3f2a.js" → file
};

std::string_view mime_type(std::string_view extension);  // ".js" → "text/javascript; charset=utf-8"

}  // namespace kefu::api
