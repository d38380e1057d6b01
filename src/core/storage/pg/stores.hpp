#pragma once
// The stores of one PostgreSQL connection (core/storage/stores.hpp).
#include <cstdint>
#include <string>

#include "core/storage/pg/connection.hpp"
#include "core/storage/stores.hpp"

namespace kefu::storage::pg {

// Not thread-safe: one per connection (per thread).
class PgStores final : public Stores {
 public:
  explicit PgStores(Connection& db) : db_(db) {}

  Connection& connection() { return db_; }

  void begin_snapshot() override;
  void end_snapshot() override;
  int64_t count(const std::string& table) override;
  void analyze() override;
  PgStores* pg() override { return this; }

 private:
  Connection& db_;
  int snapshot_depth_ = 0;
};

}  // namespace kefu::storage::pg
