#pragma once
#include <memory>
#include <string>

#include "core/storage/database.hpp"

namespace kefu::storage::pg {

struct Options {
  std::string url;      // libpq URL
  int max_batch = 512;  // jobs per shared commit
  int writers = 2;      // writer connections (threads) of this node
};

// A PostgreSQL database. Writes go through a few writer connections and threads per
// node, each committing whatever it took from the queue together (group commit, as on
// SQLite: one WAL flush per batch, synchronous_commit on, each job in a SAVEPOINT so that
// a failing job rolls back alone). Unlike SQLite's single writer, PostgreSQL lets
// transactions write concurrently, and a writer spends most of its time waiting for
// round trips: a second one keeps the queue moving meanwhile. Jobs are independent (each
// request waits for its own commit); races between them are settled by the database
// (versions, unique keys), and a job that lost one (Contention) is run once more. Readers get a connection per thread.
// A listener connection turns NOTIFY kefu_changes into watch_changes callbacks, and a lease connection holds the
// advisory locks behind lead().
std::unique_ptr<Database> open(const Options& options, bool migrate_schema);

// For tests and tools: a URL whose connections use `schema` (created empty when reset
// is true, after dropping what was there) on the server at base_url.
std::string schema_url(const std::string& base_url, const std::string& schema, bool reset);

}  // namespace kefu::storage::pg
