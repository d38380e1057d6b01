#pragma once
// Makes a capability's SQL store for whichever engine a Stores is on. A capability writes
// its store once as a template over the dialect D (core/storage/sqlite/dialect.hpp,
// core/storage/pg/dialect.hpp), constructible from (D::Db&, D::Stores&), and defines its
// interface's factory with it:
//
//   std::unique_ptr<MemberStore> MemberStore::open(Stores& s) {
//     return sql::make_store<MemberStore, SqlMemberStore>(s);
//   }
#include <memory>

#include "core/storage/pg/dialect.hpp"
#include "core/storage/sqlite/dialect.hpp"
#include "core/storage/stores.hpp"

namespace kefu::storage::sql {

template <class S, template <class> class Impl>
std::unique_ptr<S> make_store(Stores& s) {
  if (auto* lite = s.sqlite()) return std::make_unique<Impl<sqlite::SqliteDialect>>(lite->connection(), *lite);
  return std::make_unique<Impl<pg::PgDialect>>(s.pg()->connection(), *s.pg());
}

}  // namespace kefu::storage::sql
