#pragma once
#include <memory>
#include <string>

#include "core/storage/database.hpp"
#include "core/storage/transfer.hpp"

namespace kefu::storage {

// Opens a database from a URL: sqlite:///abs/path.db, sqlite://relative.db or a bare
// path for the embedded SQLite file; postgresql://user:pass@host:port/db (libpq's URL
// form, also postgres://) for a PostgreSQL server.
std::unique_ptr<Database> open_database(const std::string& url, bool migrate_schema);

// The export/import view of the database at `url` (core/storage/transfer.hpp). With
// `create`, a missing SQLite file is created (an import target).
std::unique_ptr<transfer::TableIO> open_table_io(const std::string& url, bool create);

// Applies migrations and returns the schema version reached.
int migrate_database(const std::string& url);

}  // namespace kefu::storage
