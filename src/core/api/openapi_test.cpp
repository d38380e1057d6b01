// docs/openapi.yaml must describe exactly the routes the server has: every route the
// real router registers (method + pattern), plus the server's built-in GET /healthz and
// GET /metrics, and nothing else. The yaml is read line-wise: under `paths:`, path keys
// are indented two spaces and their operations (lowercase HTTP methods) four.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/api/services.hpp"
#include "core/api/worker_pool.hpp"
#include "core/storage/open.hpp"
#include "core/text/segmenter.hpp"

namespace kefu::api {
namespace {

namespace fs = std::filesystem;

using Operation = std::pair<std::string, std::string>;  // METHOD, pattern

std::string describe(const Operation& op) { return op.first + " " + op.second; }

fs::path source_dir() {
  if (const char* dir = std::getenv("KEFU_SOURCE_DIR"); dir && *dir) return dir;
  // Fallback for running the binary by hand from the build folder.
  for (fs::path p = fs::current_path(); !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / "docs" / "openapi.yaml")) return p;
    if (p == p.root_path()) break;
  }
  return fs::current_path();
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string trim_right(std::string line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
  return line;
}

// The key of a "key:" line (quotes removed), or "" when the line is not one.
std::string key_of(const std::string& body) {
  auto colon = body.rfind(':');
  if (colon == std::string::npos || colon + 1 != body.size()) return "";
  std::string key = body.substr(0, colon);
  if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
    key = key.substr(1, key.size() - 2);
  return key;
}

struct Documented {
  std::multiset<Operation> operations;  // multiset: a repeated key is an error too
  std::vector<std::string> problems;    // lines the simple reader could not place
  bool saw_paths = false;
  std::string version_line;
};

Documented read_openapi(const fs::path& file) {
  static const std::set<std::string> kMethods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};
  Documented out;
  std::ifstream in(file);
  std::string raw;
  bool in_paths = false;
  std::string current_path;
  int line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    auto line = trim_right(raw);
    if (line.starts_with("openapi:")) out.version_line = line;
    if (line.empty() || line.find_first_not_of(' ') == std::string::npos) continue;
    const auto indent = line.find_first_not_of(' ');
    if (line[indent] == '#') continue;
    if (indent == 0) {
      in_paths = line == "paths:";
      out.saw_paths = out.saw_paths || in_paths;
      current_path.clear();
      continue;
    }
    if (!in_paths) continue;
    const std::string body = line.substr(indent);
    if (indent == 2) {
      auto key = key_of(body);
      if (key.empty() || key.front() != '/') {
        out.problems.push_back("line " + std::to_string(line_no) + ": expected a path key, got '" + body + "'");
        current_path.clear();
      } else {
        current_path = key;
      }
    } else if (indent == 4 && !current_path.empty()) {
      // Path item fields: operations, or the few others OpenAPI allows there.
      static const std::set<std::string> kOther = {"summary", "description", "servers", "parameters", "$ref"};
      const auto colon = body.find(':');
      const std::string key = colon == std::string::npos ? "" : body.substr(0, colon);
      if (kMethods.count(key) && colon + 1 == body.size())
        out.operations.insert({upper(key), current_path});
      else if (!kOther.count(key))
        out.problems.push_back("line " + std::to_string(line_no) + ": unexpected key under " + current_path + ": '" +
                               body + "'");
    }
  }
  return out;
}

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    db_path_ = fs::temp_directory_path() /
               ("kefu-openapi-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
    db_ = storage::open_database("sqlite://" + db_path_.string(), true);
    workers_ = std::make_unique<WorkerPool>(1, 4);
    services_.reset(new Services{*db_, text::Segmenter::builtin(), [] { return int64_t{1'780'000'000'000}; },
                                 fs::temp_directory_path() / "kefu-openapi-test-attachments", *workers_, "auto"});
  }
  void TearDown() override {
    services_.reset();
    workers_.reset();
    db_.reset();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db_path_.string() + suffix, ec);
  }

  // Each registered route with the capability that registered it (RouteInfo::group).
  std::vector<std::pair<Operation, std::string>> served_by_capability() {
    auto router = build_router(*services_);
    std::vector<std::pair<Operation, std::string>> out{{{"GET", "/healthz"}, "core"}, {{"GET", "/metrics"}, "core"}};
    for (const auto& r : router.routes()) out.push_back({{r.method, r.pattern}, r.group});
    return out;
  }

  // What the running server answers: the router's routes plus the built-ins.
  std::set<Operation> served() {
    auto router = build_router(*services_);
    std::set<Operation> ops{{"GET", "/healthz"}, {"GET", "/metrics"}};
    for (const auto& r : router.routes()) ops.insert({r.method, r.pattern});
    return ops;
  }

  fs::path db_path_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<WorkerPool> workers_;
  std::unique_ptr<Services> services_;
};

TEST_F(OpenApiTest, DocumentIsAnOpenApi303FileWithPaths) {
  const auto file = source_dir() / "docs" / "openapi.yaml";
  ASSERT_TRUE(fs::exists(file)) << file << " is missing (KEFU_SOURCE_DIR=" << source_dir() << ")";
  auto doc = read_openapi(file);
  EXPECT_EQ(doc.version_line, "openapi: 3.0.3");
  EXPECT_TRUE(doc.saw_paths) << "no top-level 'paths:' section";
  for (const auto& p : doc.problems) ADD_FAILURE() << file.filename() << " " << p;
}

TEST_F(OpenApiTest, EveryRouteIsDocumented) {
  auto doc = read_openapi(source_dir() / "docs" / "openapi.yaml");
  auto ops = served();
  ASSERT_GT(ops.size(), 2u) << "the router registered no routes";
  for (const auto& op : ops) {
    EXPECT_TRUE(doc.operations.count(op)) << "route " << describe(op)
                                          << " is served but not documented in docs/openapi.yaml (add '  " << op.second
                                          << ":' with '    " <<
        [&] {
          std::string m = op.first;
          for (auto& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          return m;
        }() << ":')";
  }
}

TEST_F(OpenApiTest, NothingIsDocumentedThatTheServerDoesNotHave) {
  auto doc = read_openapi(source_dir() / "docs" / "openapi.yaml");
  auto ops = served();
  for (const auto& op : std::set<Operation>(doc.operations.begin(), doc.operations.end())) {
    EXPECT_TRUE(ops.count(op)) << "docs/openapi.yaml documents " << describe(op) << " but the router has no such route";
    EXPECT_EQ(doc.operations.count(op), 1u) << describe(op) << " is documented more than once";
  }
}

// docs/openapi.yaml is assembled from fragments (scripts/openapi.mjs): each capability
// documents its own routes in src/<capability>/api/openapi.yaml, core's in src/core/api/.
TEST_F(OpenApiTest, EachCapabilityDocumentsItsRoutesInItsOwnFragment) {
  std::map<std::string, Documented> fragments;
  for (const auto& [op, group] : served_by_capability()) {
    ASSERT_FALSE(group.empty()) << describe(op) << " was registered outside a capability's add_routes";
    auto it = fragments.find(group);
    if (it == fragments.end()) {
      const auto file = source_dir() / "src" / group / "api" / "openapi.yaml";
      ASSERT_TRUE(fs::exists(file)) << group << " registers routes but has no " << file;
      it = fragments.emplace(group, read_openapi(file)).first;
    }
    EXPECT_TRUE(it->second.operations.count(op)) << describe(op) << " is registered by " << group
                                                 << " but not documented in src/" << group << "/api/openapi.yaml";
  }
}

// The reader itself, so that a green result means something.
TEST(OpenApiReader, FindsPathsAndMethodsAndIgnoresEverythingElse) {
  auto file = fs::temp_directory_path() / ("kefu-openapi-reader-" + std::to_string(::getpid()) + ".yaml");
  {
    std::ofstream out(file);
    out << "openapi: 3.0.3\n"
           "info:\n"
           "  title: x\n"
           "  get: not-a-path\n"
           "paths:\n"
           "  /a/{id}:\n"
           "    parameters:\n"
           "      - name: id\n"
           "    get:\n"
           "      responses:\n"
           "        \"200\":\n"
           "          description: ok\n"
           "    patch:\n"
           "      summary: y\n"
           "\n"
           "  # a comment\n"
           "  \"/b\":\n"
           "    post:\n"
           "      requestBody:\n"
           "        content:\n"
           "          get:\n"
           "components:\n"
           "  schemas:\n"
           "    get:\n"
           "      type: object\n";
  }
  auto doc = read_openapi(file);
  fs::remove(file);
  std::multiset<Operation> want{{"GET", "/a/{id}"}, {"PATCH", "/a/{id}"}, {"POST", "/b"}};
  EXPECT_EQ(doc.operations, want);
  EXPECT_TRUE(doc.problems.empty()) << doc.problems.front();
  EXPECT_TRUE(doc.saw_paths);
}

}  // namespace
}  // namespace kefu::api
