#include "core/storage/open.hpp"

#include <filesystem>
#include <stdexcept>

#include "core/storage/pg/database.hpp"
#include "core/storage/pg/schema.hpp"
#include "core/storage/pg/table_io.hpp"
#include "core/storage/sqlite/database.hpp"
#include "core/storage/sqlite/schema.hpp"
#include "core/storage/sqlite/table_io.hpp"

namespace kefu::storage {
namespace {

bool is_postgres(const std::string& url) { return url.starts_with("postgres://") || url.starts_with("postgresql://"); }

std::string sqlite_path(const std::string& url) {
  std::string path = url;
  if (path.starts_with("sqlite://")) path = path.substr(9);
  if (path.empty()) throw std::runtime_error("empty database path in " + url);
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  return path;
}

}  // namespace

std::unique_ptr<Database> open_database(const std::string& url, bool migrate_schema) {
  if (is_postgres(url)) return pg::open({.url = url}, migrate_schema);
  return sqlite::open({.path = sqlite_path(url)}, migrate_schema);
}

std::unique_ptr<transfer::TableIO> open_table_io(const std::string& url, bool create) {
  if (is_postgres(url)) return pg::open_table_io(url);
  return sqlite::open_table_io(create ? sqlite_path(url) : url.starts_with("sqlite://") ? url.substr(9) : url, create);
}

int migrate_database(const std::string& url) {
  if (is_postgres(url)) {
    pg::Connection c(url);
    return pg::migrate(c);
  }
  sqlite::Connection c(sqlite_path(url), true);
  return sqlite::migrate(c);
}

}  // namespace kefu::storage
