#pragma once
// Logging in, end to end. A password check (argon2id) is slow on purpose, so it runs on
// the caller's worker pool, never on an io thread or the database's writer:
//   1. on this thread's reader: the username is not locked out, and its staff row;
//   2. on a worker: the password against that row's hash (or a fixed one for a name that
//      does not exist, so that timing does not reveal which names exist);
//   3. on the writer: the lockout again (another attempt may have committed meanwhile),
//      then the session, or the recorded failure (which must commit, so it is not thrown);
//   4. done(nullptr, outcome) after the commit, or done(error, nullptr): invalid_credentials,
//      login_locked, or the failure of any step.
// Throws busy when the worker pool takes no more work, and the checks of step 1.
#include <exception>
#include <functional>
#include <string>

#include "auth/app/auth.hpp"
#include "core/storage/database.hpp"

namespace kefu::app {

struct Credentials {
  std::string username;
  std::string password;
  std::string remote;  // the client's address, for the audit log
};

// Runs work off the calling thread; false when it cannot take more.
using RunSlow = std::function<bool(std::function<void()>)>;
using LoginDone = std::function<void(std::exception_ptr, const LoginOutcome*)>;

void log_in(storage::Database& db, const RunSlow& run_slow, std::function<int64_t()> clock, Credentials in,
            LoginDone done);

}  // namespace kefu::app
