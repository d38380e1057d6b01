// libFuzzer target: the importer (`kefu import`, core/storage/transfer.cpp) on arbitrary
// export files. Byte 0 chooses the mode, the rest is the file:
//   even: verify_file alone (what import and export's read-back check run first);
//   odd:  the rows' checksums and counts are first recomputed into the file's end lines
//         (so that mutated rows get past the SHA-256 check and reach the database), then
//         import_all into a freshly migrated scratch SQLite database.
// A finding is a crash, a sanitizer report, or an exception other than the documented
// ones: verify_file throws only kefu::Error; import_all kefu::Error or a storage error
// (std::runtime_error from the engine, e.g. a foreign key the file breaks).
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <typeinfo>

#include "core/domain/error.hpp"
#include "core/storage/open.hpp"
#include "core/storage/transfer.hpp"
#include "core/storage/transfer_progress.hpp"

namespace fs = std::filesystem;
using namespace kefu::storage;

namespace {

fs::path dir;

[[noreturn]] void finding(const char* what, const std::exception& e) {
  std::fprintf(stderr, "finding: %s threw %s: %s\n", what, typeid(e).name(), e.what());
  std::abort();
}

// The file with each table's end line rewritten to the rows actually above it.
std::string fix_checksums(std::string_view file) {
  std::string out;
  transfer::Checksum sum;
  int64_t rows = 0;
  std::size_t pos = 0;
  while (pos < file.size()) {
    auto nl = file.find('\n', pos);
    if (nl == std::string_view::npos) nl = file.size();
    const auto line = file.substr(pos, nl - pos);
    pos = nl + 1;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_array()) {
      sum.add(j);
      ++rows;
    } else if (j.is_object() && j.contains("end")) {
      j["rows"] = rows;
      j["sha256"] = sum.hex();
      sum = transfer::Checksum();
      rows = 0;
      out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      out += '\n';
      continue;
    } else if (j.is_object() && j.contains("table")) {
      sum = transfer::Checksum();
      rows = 0;
    }
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  dir = base / ("kefu-fuzz-import-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  // libFuzzer may end a run without atexit handlers: remove what dead runs left behind.
  for (const auto& e : fs::directory_iterator(base)) {
    const auto name = e.path().filename().string();
    if (name.starts_with("kefu-fuzz-import-") && ::kill(std::atoi(name.c_str() + 17), 0) != 0 && errno == ESRCH)
      fs::remove_all(e.path());
  }
  fs::create_directories(dir);
  open_table_io("sqlite://" + (dir / "template.db").string(), true)->migrate();
  std::atexit([] { fs::remove_all(dir); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string_view file(reinterpret_cast<const char*>(data + 1), size - 1);
  if ((data[0] & 1) == 0) {
    std::istringstream in{std::string(file)};
    try {
      transfer::verify_file(in);
    } catch (const kefu::Error&) {
    } catch (const std::exception& e) {
      finding("verify_file", e);
    }
    return 0;
  }
  std::istringstream in(fix_checksums(file));
  const auto db = dir / "work.db";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix);
  fs::copy_file(dir / "template.db", db);
  std::ostringstream sink;
  transfer::Progress progress(sink, false, true);
  try {
    auto io = open_table_io("sqlite://" + db.string(), false);
    transfer::import_all(*io, in, progress);
  } catch (const kefu::Error&) {
  } catch (const std::runtime_error&) {
  } catch (const std::exception& e) {
    finding("import_all", e);
  }
  return 0;
}
