#pragma once
// A capability's storage is a store: a narrow interface (about 15 methods or fewer) that
// its use cases call, declared in src/<capability>/storage/<name>_store.hpp and
// implemented once over SQL for both engines in src/<capability>/storage/sql/.
//
// Stores is one connection's set of stores: the database hands a reader one per thread
// and runs each write job on its writer's (core/storage/database.hpp). A use case asks for
// the stores it uses, by type:
//
//   auto& tickets = c.store<storage::TicketStore>();
//
// The first request on a connection makes the store with its interface's
//   static std::unique_ptr<S> open(Stores&);
// which the capability defines beside its SQL (so that linking the capability's SQL is
// all it takes: there is no list of stores to edit). A store lives as long as its
// connection and is not thread-safe, like the connection.
//
// Errors: store methods throw kefu::Error for expected conflicts (unique keys → conflict)
// and std::runtime_error for I/O failures. "Not found" is an empty optional.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kefu::storage {

namespace sqlite {
class SqliteStores;
}
namespace pg {
class PgStores;
}

// The base of every store interface (so that Stores can own them).
class Store {
 public:
  virtual ~Store() = default;
};

namespace detail {
std::size_t next_store_slot();
// A small number per store type, the same in every Stores.
template <class S>
std::size_t store_slot() {
  static const std::size_t slot = next_store_slot();
  return slot;
}
}  // namespace detail

class Stores {
 public:
  virtual ~Stores() = default;

  template <class S>
  S& get() {
    const std::size_t slot = detail::store_slot<S>();
    if (slot >= slots_.size()) slots_.resize(slot + 1);
    auto& p = slots_[slot];
    if (!p) p = S::open(*this);
    return static_cast<S&>(*p);
  }

  // Read snapshots: between begin_snapshot and end_snapshot every read sees one
  // consistent state (and SQLite takes its read lock once instead of per query).
  // Nested calls are counted; only the outermost pair takes effect. Readers only.
  // An engine may keep a reader's snapshot open after end_snapshot and reuse it for
  // the next begin_snapshot when nothing has been committed since (by this process)
  // and it is young: every write acknowledged before begin_snapshot is visible, and
  // another process's commits within a few milliseconds. A thread that uses snapshots
  // therefore does all its reads inside them.
  virtual void begin_snapshot() = 0;
  virtual void end_snapshot() = 0;

  // Rows in one of the installation's tables (the demo loader, health and tests); a
  // table no migration created is std::invalid_argument.
  virtual int64_t count(const std::string& table) = 0;

  // Refreshes the query planner's statistics (after bulk loads).
  virtual void analyze() = 0;

  // The engine under these stores, for the store factories of storage/sql/ (exactly one
  // of the two is non-null).
  virtual sqlite::SqliteStores* sqlite() { return nullptr; }
  virtual pg::PgStores* pg() { return nullptr; }

 private:
  std::vector<std::unique_ptr<Store>> slots_;
};

// RAII for Stores::begin_snapshot/end_snapshot.
class Snapshot {
 public:
  explicit Snapshot(Stores& s) : s_(s) { s_.begin_snapshot(); }
  ~Snapshot() { s_.end_snapshot(); }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

 private:
  Stores& s_;
};

}  // namespace kefu::storage
