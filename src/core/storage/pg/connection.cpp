#include "core/storage/pg/connection.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <stdexcept>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::storage::pg {

std::string number_placeholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  char quote = 0;
  for (char ch : sql) {
    if (quote) {
      if (ch == quote) quote = 0;
      out += ch;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
      out += ch;
    } else if (ch == '?') {
      out += '$' + std::to_string(++count);
    } else {
      out += ch;
    }
  }
  return out;
}

Connection::Connection(const std::string& url) : url_(url) {
  conn_ = PQconnectdb(url.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn_);
    PQfinish(conn_);
    conn_ = nullptr;
    throw std::runtime_error("cannot connect to PostgreSQL: " + msg);
  }
  // Server notices ("already exists, skipping") are not errors: keep them out of stderr.
  PQsetNoticeProcessor(
      conn_, [](void*, const char* message) { spdlog::debug("postgresql: {}", message); }, nullptr);
  // Integers and text only; times are epoch milliseconds, so the session zone never matters.
  exec("SET client_encoding = 'UTF8'; SET standard_conforming_strings = on");
}

Connection::~Connection() {
  cache_.clear();
  if (conn_) PQfinish(conn_);
}

void Connection::recover() {
  begin_sql_.clear();
  if (PQstatus(conn_) == CONNECTION_OK) return;
  pending_ = 0;
  PQreset(conn_);
  for (auto& [sql, stmt] : cache_) stmt->prepared_ = false;
}

void Connection::fail(PGresult* res, std::string_view what) {
  std::string state =
      res ? (PQresultErrorField(res, PG_DIAG_SQLSTATE) ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : "") : "";
  std::string msg = res && PQresultErrorMessage(res)[0] ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
  if (res) PQclear(res);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  recover();
  // 23505 unique, 23503 foreign key, 23514 check, 23P01 exclusion: the data's fault;
  // 40P01 deadlock, 40001 serialization failure: a race lost.
  if (state == "23505" || state == "23P01" || state == "40P01" || state == "40001")
    throw Contention(
        make_error(errors::kDuplicate, {{"what", Text("数据已存在或违反约束", std::string(what) + ": " + msg)}}));
  if (state.starts_with("23"))
    throw make_error(errors::kDuplicate, {{"what", Text("数据已存在或违反约束", std::string(what) + ": " + msg)}});
  throw std::runtime_error("postgresql " + std::string(what) + " failed (" + state + "): " + msg);
}

void Connection::begin_lazily(std::string begin_sql) { begin_sql_ = std::move(begin_sql); }

void Connection::commit_async() {
  if (!begin_sql_.empty()) {  // the transaction never started
    begin_sql_.clear();
    return;
  }
  if (!PQsendQuery(conn_, "COMMIT")) fail(nullptr, "COMMIT");
  ++pending_;
}

void Connection::settle() {
  for (; pending_ > 0; --pending_) {
    while (PGresult* r = PQgetResult(conn_)) {
      auto st = PQresultStatus(r);
      if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        spdlog::warn("postgresql: asynchronous command failed: {}", PQresultErrorMessage(r));
      PQclear(r);
    }
  }
}

// BEGIN [+ PREPARE] + EXECUTE + SYNC in one pipeline: one round trip.
PGresult* Connection::execute_with_begin(Stmt& s, const std::vector<const char*>& values) {
  const std::string begin = std::move(begin_sql_);
  begin_sql_.clear();
  const int n = static_cast<int>(values.size());
  bool sent =
      PQenterPipelineMode(conn_) && PQsendQueryParams(conn_, begin.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0);
  const bool per_run = s.plan_ == Plan::per_run;
  if (per_run) {
    if (sent) sent = PQsendQueryParams(conn_, s.sql_.c_str(), n, nullptr, values.data(), nullptr, nullptr, 0);
  } else {
    if (sent && !s.prepared_) sent = PQsendPrepare(conn_, s.name_.c_str(), s.sql_.c_str(), n, nullptr);
    if (sent) sent = PQsendQueryPrepared(conn_, s.name_.c_str(), n, values.data(), nullptr, nullptr, 0);
  }
  if (sent) sent = PQpipelineSync(conn_);
  if (!sent) {
    PQexitPipelineMode(conn_);
    fail(nullptr, "pipeline " + s.name_);
  }
  PGresult* first_error = nullptr;
  PGresult* answer = nullptr;
  const int commands = s.prepared_ || per_run ? 2 : 3;
  for (int i = 0; i < commands; ++i) {
    while (PGresult* r = PQgetResult(conn_)) {
      auto st = PQresultStatus(r);
      if (st == PGRES_FATAL_ERROR && !first_error) {
        first_error = r;
      } else if (i == commands - 1 && !answer && (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)) {
        answer = r;
      } else {
        PQclear(r);
      }
    }
  }
  while (PGresult* r = PQgetResult(conn_)) {  // the SYNC
    const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
    PQclear(r);
    if (sync) break;
  }
  PQexitPipelineMode(conn_);
  if (first_error) {
    if (answer) PQclear(answer);
    fail(first_error, "statement " + s.name_);
  }
  if (!per_run) s.prepared_ = true;
  return answer;
}

void Connection::exec(std::string_view sql) {
  settle();
  std::string text(sql);
  if (!begin_sql_.empty()) {  // several statements travel in one simple query
    text = begin_sql_ + "; " + text;
    begin_sql_.clear();
  }
  PGresult* res = PQexec(conn_, text.c_str());
  auto st = PQresultStatus(res);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail(res, sql.substr(0, 80));
  PQclear(res);
}

StmtScope Connection::prepare(const std::string& sql, Plan plan) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    int params = 0;
    std::string text = number_placeholders(sql, params);
    std::string name = "k" + std::to_string(++next_name_);
    it = cache_.emplace(sql, std::make_unique<Stmt>(*this, name, std::move(text), params, plan)).first;
  }
  it->second->reset();
  return StmtScope(*it->second);
}

Stmt& Stmt::set(int i, std::string v) {
  if (i < 1 || i > static_cast<int>(values_.size()))
    throw std::logic_error("parameter " + std::to_string(i) + " out of range for " + name_);
  values_[i - 1] = std::move(v);
  return *this;
}

Stmt& Stmt::bind_null(int i) {
  if (i < 1 || i > static_cast<int>(values_.size()))
    throw std::logic_error("parameter " + std::to_string(i) + " out of range for " + name_);
  values_[i - 1].reset();
  return *this;
}

void Stmt::execute() {
  c_.settle();
  std::vector<const char*> ptrs(values_.size());
  for (std::size_t i = 0; i < values_.size(); ++i) ptrs[i] = values_[i] ? values_[i]->c_str() : nullptr;
  const int n = static_cast<int>(ptrs.size());
  if (!c_.begin_sql_.empty()) {
    res_ = c_.execute_with_begin(*this, ptrs);
  } else if (plan_ == Plan::per_run) {
    res_ = PQexecParams(c_.conn_, sql_.c_str(), n, nullptr, ptrs.data(), nullptr, nullptr, 0);
  } else {
    if (!prepared_) {
      PGresult* res = PQprepare(c_.conn_, name_.c_str(), sql_.c_str(), n, nullptr);
      if (PQresultStatus(res) != PGRES_COMMAND_OK) c_.fail(res, "prepare " + sql_.substr(0, 80));
      PQclear(res);
      prepared_ = true;
    }
    res_ = PQexecPrepared(c_.conn_, name_.c_str(), n, ptrs.data(), nullptr, nullptr, 0);
  }
  auto st = PQresultStatus(res_);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    PGresult* failed = res_;
    res_ = nullptr;
    c_.fail(failed, "statement " + name_);
  }
  rows_ = PQntuples(res_);
  const char* changed = PQcmdTuples(res_);
  changes_ = changed && *changed ? std::atoi(changed) : 0;
  c_.changes_ = changes_;
  row_ = -1;
}

bool Stmt::step() {
  if (!res_) execute();
  ++row_;
  return row_ < rows_;
}

void Stmt::run() {
  if (!res_) execute();
}

void Stmt::clear() {
  if (res_) PQclear(res_);
  res_ = nullptr;
  row_ = -1;
  rows_ = 0;
}

void Stmt::reset() {
  clear();
  for (auto& v : values_) v.reset();
}

int64_t Stmt::i64(int col) const {
  const char* v = PQgetvalue(res_, row_, col);
  if (v[0] == 't' && v[1] == 0) return 1;
  if (v[0] == 'f' && v[1] == 0) return 0;
  return std::strtoll(v, nullptr, 10);
}

double Stmt::f64(int col) const { return std::strtod(PQgetvalue(res_, row_, col), nullptr); }

std::string Stmt::text(int col) const {
  return std::string(PQgetvalue(res_, row_, col), static_cast<std::size_t>(PQgetlength(res_, row_, col)));
}

std::optional<int64_t> Stmt::opt_i64(int col) const {
  if (is_null(col)) return std::nullopt;
  return i64(col);
}

}  // namespace kefu::storage::pg
