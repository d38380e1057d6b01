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

constexpr int kMaxLoginFailures = 5;                      // within the window below
constexpr int64_t kLockoutWindowMs = 15 * 60 * 1000;      // 15 minutes
constexpr int64_t kSessionLifetimeMs = 12 * 3600 * 1000;  // one long shift

// Throws too_many (code login_locked) after kMaxLoginFailures recent failures.
void check_login_allowed(storage::Stores&, const std::string& username, int64_t now_ms);

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
