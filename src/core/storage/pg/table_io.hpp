#pragma once
#include <memory>
#include <string>

#include "core/storage/transfer.hpp"

namespace kefu::storage::pg {

// The transfer's view of a PostgreSQL database (core/storage/transfer.hpp) at a libpq URL.
// The logical table ticket_search(ticket_id, tokens) is ticket_search without its
// tsvector, which import computes from the tokens.
std::unique_ptr<transfer::TableIO> open_table_io(const std::string& url);

}  // namespace kefu::storage::pg
