#pragma once
// Logging in, sessions and API tokens. Password checks (argon2id) are slow on
// purpose, so the HTTP layer runs verify_password off the io threads and hands the
// outcome to finish_login inside a write.
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "core/domain/error.hpp"
#include "org/domain/org.hpp"

namespace kefu::app {

constexpr int64_t kSessionLifetimeMs = 12 * 3600 * 1000;  // one long shift

// Failed logins are counted by the rate limiter (core/app/rate_limit.hpp) under three keys,
// so that failures from elsewhere never lock the real user out of their own address:
//   - the account from this address: 5 failures in 15 minutes block this pair for 15
//     minutes, doubling for each block up to 4 hours;
//   - the address, whatever the account: 20 failures in 15 minutes block the address
//     (every account) for 15 minutes, doubling up to 24 hours;
//   - the account from anywhere: 20 failures in 15 minutes mark it under attack for 15
//     minutes, which does not refuse anyone but slows guessing down: each address then
//     gets 2 failures on it (not 5) before its pair is blocked.
// A successful login clears its pair only.
constexpr int kLoginPairFailures = 5, kLoginPairFailuresUnderAttack = 2;
constexpr int kLoginAddressFailures = 20, kLoginAccountFailures = 20;
constexpr int64_t kLoginWindowMs = 15 * 60 * 1000;

// Throws too_many (code login_locked, with Retry-After) when this account from this address,
// or this address, is blocked. Before the password is checked, and again in the write.
void check_login_allowed(storage::Stores&, const std::string& username, const std::string& remote, int64_t now_ms);

struct LoginOutcome {
  std::string token;  // give to the client; only its digest is stored
  people::Staff staff;
};
// Creates a session, or records the failure and returns nullopt. It does not throw
// for a wrong password, so that the recorded failure commits (the lockout counts it);
// the caller answers with invalid_credentials().
std::optional<LoginOutcome> finish_login(storage::Stores&, const std::string& username,
                                         const std::optional<people::Staff>& staff, bool password_ok,
                                         const std::string& remote, int64_t now_ms);

Error invalid_credentials();

void logout(storage::Stores&, const std::string& token);

// The caller behind a session token or an API token; nullopt when neither is valid.
std::optional<people::Actor> resolve_actor(storage::Stores&, const std::string& token, int64_t now_ms);
people::Actor actor_of(const people::Staff&);

struct NewApiToken {
  std::string name;
  int64_t staff_id = 0;  // the integration acts as this staff member
  std::vector<std::string> scopes;
  std::optional<int64_t> expires_at;
};
// Admins only. Returns the token once; it cannot be read back later.
std::string create_api_token(Context&, const NewApiToken&);

}  // namespace kefu::app
