#pragma once
// Sessions, API tokens and login throttling. Tokens are stored as digests only.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

struct ApiToken {
  int64_t id = 0;
  std::string name;
  int64_t staff_id = 0;
  std::vector<std::string> scopes;
  int64_t created_at = 0;
  std::optional<int64_t> expires_at;
  bool revoked = false;
  std::optional<int64_t> revoked_at;  // when an admin revoked it (tokens revoked before issue 11: none)
};

// A console session, as its owner sees it in the list of their sessions.
struct Session {
  std::string digest;
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

class AuthStore : public Store {
 public:
  static std::unique_ptr<AuthStore> open(Stores&);

  virtual void insert_session(const std::string& digest, int64_t staff_id, int64_t created_at, int64_t expires_at) = 0;
  virtual std::optional<int64_t> session_staff(const std::string& digest, int64_t now) = 0;
  virtual void delete_session(const std::string& digest) = 0;
  // A staff member's unexpired sessions, newest first.
  virtual std::vector<Session> sessions_of(int64_t staff_id, int64_t now) = 0;
  // Ends every session of a staff member but the one with digest `keep` (empty: all);
  // returns how many ended.
  virtual int delete_sessions_of(int64_t staff_id, const std::string& keep) = 0;

  virtual int64_t insert_api_token(const ApiToken&, const std::string& digest) = 0;
  virtual std::optional<ApiToken> api_token(const std::string& digest, int64_t now) = 0;
  // Every token (revoked and expired ones too), newest first; the digests stay inside.
  virtual std::vector<ApiToken> api_tokens() = 0;
  // Marks a token revoked at `at` (once: a second call keeps the first time); returns the
  // token as it now is, nullopt when there is no such id.
  virtual std::optional<ApiToken> revoke_api_token(int64_t id, int64_t at) = 0;

  // Set by an admin's password reset, cleared when the person sets their own password.
  virtual void set_password_change_required(int64_t staff_id, bool required, int64_t at) = 0;
  virtual bool password_change_required(int64_t staff_id) = 0;
};

}  // namespace kefu::storage
