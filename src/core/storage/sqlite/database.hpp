#pragma once
#include <memory>
#include <string>

#include "core/storage/database.hpp"

namespace kefu::storage::sqlite {

struct Options {
  std::string path;
  int max_batch = 512;  // jobs per shared commit
  std::string vfs;      // a registered SQLite VFS for every connection; empty: the default
};

// Opens (and migrates when asked) a SQLite file in WAL mode. Writes go through one
// writer thread that commits whatever is queued together (group commit): the fsync
// of a commit is shared by every job in it, and each job is wrapped in a SAVEPOINT
// so that a failing job rolls back alone.
std::unique_ptr<Database> open(const Options& options, bool migrate_schema);

}  // namespace kefu::storage::sqlite
