#include "core/api/static_site.hpp"

#include <fstream>
#include <sstream>

namespace kefu::api {

std::string_view mime_type(std::string_view ext) {
  static const std::map<std::string_view, std::string_view> types{{".html", "text/html; charset=utf-8"},
                                                                  {".js", "text/javascript; charset=utf-8"},
                                                                  {".mjs", "text/javascript; charset=utf-8"},
                                                                  {".css", "text/css; charset=utf-8"},
                                                                  {".json", "application/json"},
                                                                  {".svg", "image/svg+xml"},
                                                                  {".png", "image/png"},
                                                                  {".jpg", "image/jpeg"},
                                                                  {".jpeg", "image/jpeg"},
                                                                  {".webp", "image/webp"},
                                                                  {".ico", "image/x-icon"},
                                                                  {".woff", "font/woff"},
                                                                  {".woff2", "font/woff2"},
                                                                  {".ttf", "font/ttf"},
                                                                  {".txt", "text/plain; charset=utf-8"},
                                                                  {".map", "application/json"},
                                                                  {".webmanifest", "application/manifest+json"}};
  auto it = types.find(ext);
  return it == types.end() ? std::string_view("application/octet-stream") : it->second;
}

std::unique_ptr<StaticSite> StaticSite::load(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(dir / "index.html", ec)) return nullptr;
  auto site = std::unique_ptr<StaticSite>(new StaticSite());
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    const auto rel = "/" + fs::relative(entry.path(), dir).generic_string();
    site->files_[rel] = {body.str(), std::string(mime_type(entry.path().extension().string())),
                         rel.starts_with("/assets/")};
  }
  return site;
}

http::Response StaticSite::respond(const File& f) const {
  auto r = http::Response::text(200, f.body, f.type);
  r.set("Cache-Control", f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.set("X-Content-Type-Options", "nosniff");
  // The pages run only their own scripts, are never framed (clickjacking), and send no
  // Referer: the customer's page has its link token in the URL.
  r.set("Referrer-Policy", "no-referrer");
  if (f.type.starts_with("text/html")) {
    r.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
          "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          "frame-ancestors 'none'");
    r.set("X-Frame-Options", "DENY");
  }
  return r;
}

std::optional<http::Response> StaticSite::serve(std::string_view path) const {
  if (path.starts_with("/api/")) return std::nullopt;
  if (path.find("..") == std::string_view::npos)
    if (auto it = files_.find(path); it != files_.end() && path != "/") return respond(it->second);
  const bool mobile = path == "/m" || path.starts_with("/m/");
  if (path.starts_with("/assets/")) return http::Response::text(404, "not found");
  auto page = files_.find(mobile ? "/m.html" : "/index.html");
  if (page == files_.end()) page = files_.find("/index.html");
  return respond(page->second);
}

}  // namespace kefu::api
