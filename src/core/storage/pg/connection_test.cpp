// The libpq layer on a real server (skipped without KEFU_TEST_PG): placeholders, the
// one-round-trip snapshot (lazy BEGIN, asynchronous COMMIT) and recovery after errors.
#include "core/storage/pg/connection.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "core/domain/error.hpp"
#include "core/storage/pg/database.hpp"

namespace kefu::storage::pg {
namespace {

TEST(PgPlaceholders, QuestionMarksAreNumberedOutsideQuotes) {
  int n = 0;
  EXPECT_EQ(number_placeholders("SELECT ? , '?', \"a?\" WHERE x = ?", n), "SELECT $1 , '?', \"a?\" WHERE x = $2");
  EXPECT_EQ(n, 2);
}

class PgConnection : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* base = std::getenv("KEFU_TEST_PG");
    if (!base || !*base) GTEST_SKIP() << "set KEFU_TEST_PG (scripts/pg.sh start)";
    // A schema per test: ctest runs tests in parallel processes.
    url =
        schema_url(base, std::string("conn_") + ::testing::UnitTest::GetInstance()->current_test_info()->name(), true);
    Connection setup(url);
    setup.exec("CREATE TABLE t(id BIGINT PRIMARY KEY, v TEXT NOT NULL)");
  }
  int64_t count(Connection& c) {
    auto s = c.prepare("SELECT COUNT(*) FROM t");
    return s->step() ? s->i64(0) : -1;
  }
  std::string url;
};

TEST_F(PgConnection, ALazySnapshotSeesOneStateAndCommitsWithoutWaiting) {
  Connection reader(url), writer(url);
  writer.prepare("INSERT INTO t VALUES (?, ?)")->bind_all(int64_t{1}, std::string("一")).run();
  reader.begin_lazily("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  EXPECT_EQ(count(reader), 1);  // BEGIN and the first read travel together
  writer.prepare("INSERT INTO t VALUES (?, ?)")->bind_all(int64_t{2}, std::string("二")).run();
  EXPECT_EQ(count(reader), 1) << "inside the snapshot the second row is not there yet";
  reader.commit_async();
  EXPECT_EQ(count(reader), 2) << "the next statement collects the COMMIT first";
  reader.settle();
  EXPECT_EQ(PQtransactionStatus(reader.raw()), PQTRANS_IDLE);
}

TEST_F(PgConnection, ASnapshotThatReadsNothingSendsNothing) {
  Connection c(url);
  c.begin_lazily("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  c.commit_async();
  c.settle();
  EXPECT_EQ(PQtransactionStatus(c.raw()), PQTRANS_IDLE);
  EXPECT_EQ(count(c), 0);
}

TEST_F(PgConnection, AFailingFirstStatementOfASnapshotLeavesTheConnectionUsable) {
  Connection c(url);
  c.begin_lazily("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  EXPECT_THROW(c.prepare("SELECT nope FROM t")->step(), std::runtime_error);
  c.commit_async();  // ends the aborted transaction
  EXPECT_EQ(count(c), 0);
  EXPECT_THROW(c.prepare("INSERT INTO t VALUES (?, ?)")->bind_all(int64_t{1}, std::string("a")).run();
               c.prepare("INSERT INTO t VALUES (?, ?)")->bind_all(int64_t{1}, std::string("b")).run(), Error)
      << "a duplicate key is the data's fault: a conflict";
  EXPECT_EQ(count(c), 1);
}

}  // namespace
}  // namespace kefu::storage::pg
