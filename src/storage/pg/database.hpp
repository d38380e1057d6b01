#pragma once
#include <memory>
#include <string>

#include "storage/repository.hpp"

namespace kefu::storage::pg {

struct Options {
  std::string url;        // libpq URL
  int max_batch = 512;    // jobs per shared commit
};

// A PostgreSQL database. Writes go through one writer connection and thread per node
// that commits whatever is queued together (group commit, as on SQLite: one WAL flush
// per batch, synchronous_commit on, each job in a SAVEPOINT so that a failing job rolls
// back alone). Readers get a connection per thread. A listener connection turns
// NOTIFY kefu_changes into watch_changes callbacks, and a lease connection holds the
// advisory locks behind lead().
std::unique_ptr<Database> open(const Options& options, bool migrate_schema);

// For tests and tools: a URL whose connections use `schema` (created empty when reset
// is true, after dropping what was there) on the server at base_url.
std::string schema_url(const std::string& base_url, const std::string& schema, bool reset);

}  // namespace kefu::storage::pg
