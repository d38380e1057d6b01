// A tripwire: every method of every store interface is called by the storage contract
// suite, which runs on every backend (contract_fixture.hpp). It reads the sources:
//   - the stores: every `class X : public Store { … }` in src/*/storage/*_store.hpp and
//     src/core/storage/platform_stores.hpp, with their pure virtual methods;
//   - the contract tests: src/core/storage/contract*_test.cpp and src/*/storage/sql/*_test.cpp.
// A method counts as exercised when a contract test source that names its store calls it
// (`.method(` or `->method(`), comments and string literals left out. A new store method
// without a contract test fails here, naming it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace kefu::storage {
namespace {

namespace fs = std::filesystem;

// The architecture's rule (core/storage/stores.hpp): a store is a narrow interface of
// about 15 methods or fewer. Also what tells a broken reader from a real store here.
constexpr std::size_t kMaxMethodsPerStore = 15;
// There are 17 stores today; far fewer means the reader no longer finds them.
constexpr std::size_t kMinStores = 15;

fs::path source_dir() {
  if (const char* dir = std::getenv("KEFU_SOURCE_DIR"); dir && *dir) return dir;
  // Fallback for running the binary by hand from the build folder.
  for (fs::path p = fs::current_path(); !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / "src" / "core" / "storage" / "stores.hpp")) return p;
    if (p == p.root_path()) break;
  }
  return fs::current_path();
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The text with comments removed and the contents of string and character literals
// blanked (quotes kept), so that neither a commented-out call nor a method name in a
// message counts. Newlines stay where they were.
std::string code_only(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  auto blank = [&](char c) { out += c == '\n' ? '\n' : ' '; };
  while (i < s.size()) {
    const char c = s[i];
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      const auto end = s.find("*/", i + 2);
      const std::size_t stop = end == std::string::npos ? s.size() : end + 2;
      for (; i < stop; ++i) blank(s[i]);
    } else if (c == 'R' && i + 1 < s.size() && s[i + 1] == '"' &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_'))) {
      // A raw string literal R"delim( … )delim".
      const auto open = s.find('(', i + 2);
      if (open == std::string::npos) {
        out += s.substr(i);
        break;
      }
      const std::string close = ")" + s.substr(i + 2, open - i - 2) + "\"";
      const auto end = s.find(close, open + 1);
      const std::size_t stop = end == std::string::npos ? s.size() : end + close.size();
      out += "R\"";
      for (i += 2; i + 1 < stop; ++i) blank(s[i]);
      out += '"';
      i = stop;
    } else if (c == '"' || c == '\'') {
      // Not a digit separator (1'000'000).
      if (c == '\'' && i > 0 && std::isxdigit(static_cast<unsigned char>(s[i - 1]))) {
        out += c;
        ++i;
        continue;
      }
      out += c;
      for (++i; i < s.size() && s[i] != c && s[i] != '\n'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
          blank(s[i]);
          ++i;
        }
        blank(s[i]);
      }
      if (i < s.size()) out += s[i++];
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

struct StoreInterface {
  std::string name;
  std::string header;  // relative to the source folder
  std::vector<std::string> methods;
};

// The pure virtual methods declared in a class body (between its braces).
std::vector<std::string> pure_virtual_methods(const std::string& body) {
  std::vector<std::string> out;
  static const std::regex pure(R"(\bvirtual\b[^;]*\)\s*(const\s*)?(noexcept\s*)?(override\s*)?=\s*0\s*$)");
  static const std::regex name(R"((~?\w+)\s*\()");
  std::string statement;
  int depth = 0;
  auto end_statement = [&] {
    std::smatch m;
    if (std::regex_search(statement, pure) && std::regex_search(statement, m, name)) out.push_back(m[1]);
    statement.clear();
  };
  for (char c : body) {
    if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth == 0) statement.clear();  // an inline body: not a pure virtual
    } else if (depth == 0) {
      if (c == ';')
        end_statement();
      else
        statement += c;
    }
  }
  return out;
}

// Every `class X : public Store { … }` of a header.
std::vector<StoreInterface> stores_in(const fs::path& root, const fs::path& header) {
  std::vector<StoreInterface> out;
  const std::string text = code_only(read(header));
  static const std::regex head(R"(\bclass\s+(\w+)\s*(final\s*)?:\s*public\s+(::)?(\w+::)*Store\s*\{)");
  for (std::sregex_iterator it(text.begin(), text.end(), head), end; it != end; ++it) {
    const std::size_t open = it->position(0) + it->length(0) - 1;
    int depth = 0;
    std::size_t close = open;
    for (; close < text.size(); ++close) {
      if (text[close] == '{') ++depth;
      if (text[close] == '}' && --depth == 0) break;
    }
    out.push_back({(*it)[1], fs::relative(header, root).generic_string(),
                   pure_virtual_methods(text.substr(open + 1, close - open - 1))});
  }
  return out;
}

// Files of src/<any>/<sub> whose name matches `name` (a regex), sorted.
std::vector<fs::path> files_in_capabilities(const fs::path& src, const fs::path& sub, const std::regex& name) {
  std::vector<fs::path> out;
  for (const auto& cap : fs::directory_iterator(src)) {
    if (!cap.is_directory() || !fs::is_directory(cap.path() / sub)) continue;
    for (const auto& f : fs::directory_iterator(cap.path() / sub))
      if (f.is_regular_file() && std::regex_match(f.path().filename().string(), name)) out.push_back(f.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class StoreCoverage : public ::testing::Test {
 protected:
  void SetUp() override {
    root = source_dir();
    const fs::path src = root / "src";
    ASSERT_TRUE(fs::is_directory(src)) << src << " is missing (KEFU_SOURCE_DIR=" << root << ")";

    auto headers = files_in_capabilities(src, "storage", std::regex(R"(\w+_store\.hpp)"));
    headers.push_back(src / "core" / "storage" / "platform_stores.hpp");
    for (const auto& h : headers) {
      auto found = stores_in(root, h);
      // A store header that declares no store means the reader missed it.
      EXPECT_FALSE(found.empty()) << fs::relative(h, root).generic_string() << " declares no `class X : public Store`";
      for (auto& s : found) stores.push_back(std::move(s));
    }

    auto tests = files_in_capabilities(src, fs::path("storage") / "sql", std::regex(R"(\w+_test\.cpp)"));
    for (const auto& f : fs::directory_iterator(src / "core" / "storage"))
      if (std::regex_match(f.path().filename().string(), std::regex(R"(contract\w*_test\.cpp)")))
        tests.push_back(f.path());
    for (const auto& t : tests) contract_tests[fs::relative(t, root).generic_string()] = code_only(read(t));
  }

  fs::path root;
  std::vector<StoreInterface> stores;
  std::map<std::string, std::string> contract_tests;  // relative path → code without comments
};

// Guards the reader itself: if it stopped finding stores, methods or tests, the coverage
// check below would pass on nothing.
TEST_F(StoreCoverage, TheReaderFindsEveryStoreAndItsMethods) {
  EXPECT_GE(stores.size(), kMinStores) << "found only " << stores.size()
                                       << " store interfaces: has the reader or the layout changed?";
  std::set<std::string> names;
  for (const auto& s : stores) {
    EXPECT_TRUE(names.insert(s.name).second) << s.name << " is declared twice";
    EXPECT_GE(s.methods.size(), 1u) << s.name << " (" << s.header << "): no pure virtual method found";
    EXPECT_LE(s.methods.size(), kMaxMethodsPerStore)
        << s.name << " (" << s.header << ") has " << s.methods.size()
        << " methods: a store is a narrow interface of at most " << kMaxMethodsPerStore
        << " methods (core/storage/stores.hpp); split it (or the reader miscounts)";
  }
  ASSERT_FALSE(contract_tests.empty()) << "no contract test sources found under " << root;
  std::size_t suites = 0;
  for (const auto& [path, code] : contract_tests) suites += code.find("TEST_P(") != std::string::npos;
  EXPECT_GE(suites, 1u) << "no contract test source has a TEST_P";
}

TEST_F(StoreCoverage, EveryStoreMethodIsCalledByAContractTest) {
  std::size_t methods = 0;
  std::vector<std::string> uncovered;
  for (const auto& s : stores) {
    const std::regex names_store("\\b" + s.name + "\\b");
    for (const auto& m : s.methods) {
      ++methods;
      bool called = false;
      for (const auto& [path, code] : contract_tests) {
        if ((code.find("." + m + "(") != std::string::npos || code.find("->" + m + "(") != std::string::npos) &&
            std::regex_search(code, names_store)) {
          called = true;
          break;
        }
      }
      if (!called) uncovered.push_back(s.name + "::" + m + " (" + s.header + ")");
    }
  }
  std::string list;
  for (const auto& u : uncovered) list += "\n  " + u;
  EXPECT_TRUE(uncovered.empty()) << uncovered.size() << " of " << methods << " methods of " << stores.size()
                                 << " stores are called by no contract test (src/core/storage/contract*_test.cpp, "
                                    "src/*/storage/sql/*_test.cpp):"
                                 << list;
  RecordProperty("stores", static_cast<int>(stores.size()));
  RecordProperty("methods", static_cast<int>(methods));
  RecordProperty("uncovered", static_cast<int>(uncovered.size()));
}

}  // namespace
}  // namespace kefu::storage
