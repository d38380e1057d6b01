#pragma once
#include <memory>
#include <string>

#include "storage/repository.hpp"

namespace kefu::storage {

// Opens a database from a URL: sqlite:///abs/path.db, sqlite://relative.db or a bare
// path. PostgreSQL URLs are refused with a clear message until that backend lands.
std::unique_ptr<Database> open_database(const std::string& url, bool migrate_schema);

// Applies migrations and returns the schema version reached.
int migrate_database(const std::string& url);

}  // namespace kefu::storage
