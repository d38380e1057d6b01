// `kefu export` / `kefu import`: a whole installation to a file and back, between any
// two backends (core/storage/transfer.hpp has the format and the checks).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "core/storage/open.hpp"
#include "core/storage/transfer.hpp"

namespace kefu::cli {

int64_t wall_clock_ms();

namespace {

using storage::transfer::Progress;
using storage::transfer::Summary;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void print_summary(const Summary& s, const std::string& verb, double seconds, const std::string& where) {
  std::printf("%-20s %10s  %s\n", "table", "rows", "checksum (sha256)");
  for (const auto& t : s.tables)
    std::printf("%-20s %10lld  ok %s…\n", t.table.c_str(), static_cast<long long>(t.rows),
                t.sha256.substr(0, 16).c_str());
  const double rate = seconds > 0 ? static_cast<double>(s.rows()) / seconds : 0;
  std::printf("%s %zu tables, %lld rows in %.1f s (%s rows/s) %s\n", verb.c_str(), s.tables.size(),
              static_cast<long long>(s.rows()), seconds, storage::transfer::human_rate(rate).c_str(), where.c_str());
}

void attachments_note(const Config& c) {
  std::printf(
      "note: attachments (photos) are files, not database rows: copy the attachments directory (%s, "
      "storage.attachments_dir) to the other installation as well.\n",
      c.attachments_dir.c_str());
}

}  // namespace

int export_data(const Config& c, const TransferOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  auto db = storage::open_table_io(c.database_url, false);
  // Written beside the target and renamed at the end: a failed export leaves no file
  // that looks complete.
  const std::string partial = o.file + ".partial";
  Summary written;
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + partial);
    Progress progress(std::cerr, ::isatty(STDERR_FILENO) != 0, o.quiet);
    try {
      written = storage::transfer::export_all(*db, out, progress, wall_clock_ms(), {.with_keys = o.with_keys});
    } catch (...) {
      out.close();
      std::filesystem::remove(partial);
      throw;
    }
  }
  // Read back what reached the disk before calling it done.
  std::ifstream in(partial, std::ios::binary);
  const auto check = storage::transfer::verify_file(in);
  if (check.tables != written.tables) throw std::runtime_error("the written file " + partial + " does not read back");
  std::filesystem::rename(partial, o.file);
  print_summary(written, "exported", seconds_since(start), "from " + written.source + " to " + o.file);
  attachments_note(c);
  if (o.with_keys)
    std::printf(
        "note: the file holds the keys that sign customers' links (--with-keys): whoever has it can forge "
        "survey and ticket links until the keys are rotated with --revoke. Guard it like the database.\n");
  else
    std::printf(
        "note: the keys that sign customers' links are not in the file: after an import, links sent before "
        "(surveys, ticket tracking) stop working. Export with --with-keys to keep them.\n");
  return 0;
}

int import_data(const Config& c, const TransferOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  std::ifstream in(o.file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + o.file);
  auto db = storage::open_table_io(c.database_url, true);
  Progress progress(std::cerr, ::isatty(STDERR_FILENO) != 0, o.quiet);
  const auto s = storage::transfer::import_all(*db, in, progress);
  print_summary(s, "imported", seconds_since(start), "from " + o.file + " (exported from " + s.source + ")");
  attachments_note(c);
  return 0;
}

}  // namespace kefu::cli
