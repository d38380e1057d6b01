// The web app's files: types, caching, single-page-app paths, /api/ left alone.
#include "core/api/static_site.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace kefu::api {
namespace {

std::string header(const http::Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

class Site : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() / ("kefu-site-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "assets");
    write("index.html", "<div id=app>console</div>");
    write("m.html", "<div id=app>mobile</div>");
    write("assets/index-3f2a.js", "console.log(1)");
    write("assets/index-9c1b.css", "body{}");
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  void write(const std::string& rel, const std::string& body) { std::ofstream(dir / rel) << body; }
  std::filesystem::path dir;
};

TEST_F(Site, HashedAssetsAreImmutableWithTheirTypes) {
  auto site = StaticSite::load(dir);
  ASSERT_TRUE(site);
  auto js = *site->serve("/assets/index-3f2a.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(header(js, "Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(header(js, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(header(*site->serve("/assets/index-9c1b.css"), "Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(site->serve("/assets/gone-0000.js")->status, 404);
}

TEST_F(Site, PagesAreNotCachedAndAppPathsGetTheirPage) {
  auto site = StaticSite::load(dir);
  auto root = *site->serve("/");
  EXPECT_EQ(root.body, "<div id=app>console</div>");
  EXPECT_EQ(header(root, "Cache-Control"), "no-cache");
  EXPECT_EQ(header(root, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(site->serve("/tickets/42")->body, "<div id=app>console</div>");
  EXPECT_EQ(site->serve("/m")->body, "<div id=app>mobile</div>");
  EXPECT_EQ(site->serve("/m/track/KF261122000001")->body, "<div id=app>mobile</div>");
  EXPECT_EQ(site->serve("/../etc/passwd")->body, "<div id=app>console</div>");
  EXPECT_FALSE(site->serve("/api/v1/nothing"));
}

TEST_F(Site, NoBuildNoSite) {
  std::filesystem::remove(dir / "index.html");
  EXPECT_FALSE(StaticSite::load(dir));
}

}  // namespace
}  // namespace kefu::api
