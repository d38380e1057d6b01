// The error catalogue's tripwires (core/domain/errors.hpp): every code is defined once, in
// a catalogue (core/domain/errors.hpp, a capability's domain/errors.hpp, or the command
// line's core/storage/errors.hpp); nothing else constructs an Error; every code the API
// can answer is listed in the Error schema of docs/openapi.yaml; and each message's
// details are named alike in both languages.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace kefu {
namespace {

namespace fs = std::filesystem;

fs::path source_dir() {
  if (const char* dir = std::getenv("KEFU_SOURCE_DIR"); dir && *dir) return dir;
  for (fs::path p = fs::current_path(); !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / "src" / "core" / "domain" / "errors.hpp")) return p;
    if (p == p.root_path()) break;
  }
  return fs::current_path();
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Entry {
  std::string file, code, zh, en;
};

// Every `ErrorCode kName{"code", K::kind, "zh…", "en…"}` of every catalogue file. String
// literals split over lines are joined.
std::vector<Entry> catalogue() {
  std::vector<Entry> out;
  const std::regex entry(
      R"re(ErrorCode\s+k\w+\{\s*"([a-z_]+)",\s*K::\w+,((?:\s*"(?:[^"\\]|\\.)*")+),((?:\s*"(?:[^"\\]|\\.)*")+)\})re");
  const std::regex piece(R"re("((?:[^"\\]|\\.)*)")re");
  auto join = [&](const std::string& s) {
    std::string r;
    for (std::sregex_iterator it(s.begin(), s.end(), piece), end; it != end; ++it) r += (*it)[1];
    return r;
  };
  for (const auto& f : fs::recursive_directory_iterator(source_dir() / "src")) {
    if (f.path().filename() != "errors.hpp") continue;
    const auto text = read(f.path());
    for (std::sregex_iterator it(text.begin(), text.end(), entry), end; it != end; ++it)
      out.push_back({fs::relative(f.path(), source_dir()).string(), (*it)[1], join((*it)[2]), join((*it)[3])});
  }
  return out;
}

TEST(ErrorCatalogue, EachCodeIsDefinedOnce) {
  const auto entries = catalogue();
  ASSERT_GT(entries.size(), 40u) << "the catalogue reader found too few codes";
  std::map<std::string, std::string> seen;
  for (const auto& e : entries) {
    auto [it, fresh] = seen.emplace(e.code, e.file);
    EXPECT_TRUE(fresh) << e.code << " is defined in " << it->second << " and again in " << e.file;
  }
}

TEST(ErrorCatalogue, NothingElseConstructsAnError) {
  const std::regex construct(R"(\bError\(\s*(Error::)?Kind::|\bError\(\s*K::)");
  for (const auto& f : fs::recursive_directory_iterator(source_dir() / "src")) {
    const auto name = f.path().filename().string();
    if (!name.ends_with(".cpp") && !name.ends_with(".hpp")) continue;
    if (name.ends_with("_test.cpp") || name == "error.hpp" || name == "errors.hpp" || name == "errors.cpp") continue;
    const auto text = read(f.path());
    EXPECT_FALSE(std::regex_search(text, construct))
        << fs::relative(f.path(), source_dir()) << " builds an Error itself: name a code of the catalogue instead";
  }
}

TEST(ErrorCatalogue, TheApiDocumentListsEveryCodeTheApiAnswers) {
  const auto doc = read(source_dir() / "docs" / "openapi.yaml");
  ASSERT_FALSE(doc.empty());
  for (const auto& e : catalogue()) {
    if (e.file.find("core/storage/errors.hpp") != std::string::npos) continue;  // the command line's
    EXPECT_NE(doc.find("- " + e.code + "\n"), std::string::npos)
        << e.code << " (" << e.file << ") is missing from the Error code enum of docs/openapi.yaml";
  }
}

TEST(ErrorCatalogue, BothLanguagesNameTheSameDetails) {
  const std::regex detail(R"(\{([a-z_]+)\})");
  auto names = [&](const std::string& s) {
    std::set<std::string> out;
    for (std::sregex_iterator it(s.begin(), s.end(), detail), end; it != end; ++it) out.insert((*it)[1]);
    return out;
  };
  for (const auto& e : catalogue()) EXPECT_EQ(names(e.zh), names(e.en)) << e.code << " in " << e.file;
}

}  // namespace
}  // namespace kefu
