#pragma once
#include <memory>
#include <string>

#include "core/storage/transfer.hpp"

namespace kefu::storage::sqlite {

// The transfer's view of a SQLite file (core/storage/transfer.hpp). The FTS5 table
// ticket_fts is the logical table ticket_search(ticket_id = rowid, tokens). With
// `create`, a missing file is created (the import target); otherwise it must exist.
std::unique_ptr<transfer::TableIO> open_table_io(const std::string& path, bool create);

}  // namespace kefu::storage::sqlite
