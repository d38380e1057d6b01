#pragma once
// Account life (issue 11, hole 8): a person's own password and sessions, and an admin's
// hold on staff accounts and API tokens. Every use case here that ends credentials does
// so in the database; the HTTP layer then drops its authentication cache and has the live
// streams re-check who is behind them (auth/api/account_routes.cpp).
//
// Passwords are hashed with argon2id, slow on purpose: the prepare_* halves run off the io
// threads (core/api/support.hpp: write_after) and the other half inside the write.
#include <optional>
#include <string>
#include <vector>

#include "auth/storage/auth_store.hpp"
#include "core/app/context.hpp"
#include "org/domain/org.hpp"

namespace kefu::app {

// After an admin's reset, until the person sets their own password: their session may only
// do that (core/api/access.cpp: enforce answers 403 password_change_required elsewhere).
bool must_change_password(storage::Stores&, int64_t staff_id);

// Console sessions only: an API token has no password or sessions of its own (400
// not_a_session).
void require_session(const people::Actor&);

// The new password's hash, after checking the current one (400 wrong_password) and the
// policy (auth/domain/password_policy.hpp; password_unchanged when it is the same).
std::string prepare_password_change(storage::Stores& reader, const people::Actor&, const std::string& current,
                                    const std::string& next);
// Stores the hash, clears an admin's reset mark and ends the person's other sessions (the
// one with token `current_token` stays); returns how many ended. Audited.
int change_own_password(Context&, const std::string& new_hash, const std::string& current_token);

// Admins only: a temporary password for staff_id (the policy applies); 404 for no such staff.
std::string prepare_password_reset(storage::Stores& reader, const people::Actor&, int64_t staff_id,
                                   const std::string& password);
// Stores it, marks that the person must choose their own at next sign-in and ends all their
// sessions; returns how many ended. Audited.
int reset_password(Context&, int64_t staff_id, const std::string& new_hash);

// Deactivation (admins; not oneself: not_yourself): the person cannot sign in, their
// sessions end and their API tokens stop working (resolve_actor refuses an inactive
// person's tokens; reactivation brings the tokens back, not the sessions). Audited;
// deactivating twice is no error. Returns the staff as it now is.
people::Staff set_staff_active(Context&, int64_t staff_id, bool active);

// One's own unexpired sessions, newest first; `current` marks the caller's.
struct SessionView {
  std::string id;  // a short, stable name of the session (a prefix of its digest, never the token)
  int64_t created_at = 0;
  int64_t expires_at = 0;
  bool current = false;
};
std::vector<SessionView> my_sessions(Context&, const std::string& current_token);
// "Log out everywhere else": ends the caller's other sessions; returns how many.
int end_my_other_sessions(Context&, const std::string& current_token);
// Admins end someone's sessions (all of them); returns how many. Audited.
int end_staff_sessions(Context&, int64_t staff_id);

// Admins: every API token (never its secret), newest first, and revocation (audited; a
// revoked token answers 401 at once). 404 for no such token.
std::vector<storage::ApiToken> list_api_tokens(Context&);
storage::ApiToken revoke_api_token(Context&, int64_t token_id);

}  // namespace kefu::app
