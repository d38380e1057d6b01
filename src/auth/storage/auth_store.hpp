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
};

class AuthStore : public Store {
 public:
  static std::unique_ptr<AuthStore> open(Stores&);

  virtual void insert_session(const std::string& digest, int64_t staff_id, int64_t created_at, int64_t expires_at) = 0;
  virtual std::optional<int64_t> session_staff(const std::string& digest, int64_t now) = 0;
  virtual void delete_session(const std::string& digest) = 0;

  virtual int64_t insert_api_token(const ApiToken&, const std::string& digest) = 0;
  virtual std::optional<ApiToken> api_token(const std::string& digest, int64_t now) = 0;

  // Failed logins per username (the lockout counts those since a time).
  virtual void record_login_failure(const std::string& username, const std::string& remote, int64_t at) = 0;
  virtual int login_failures_since(const std::string& username, int64_t since) = 0;
  virtual void clear_login_failures(const std::string& username) = 0;
};

}  // namespace kefu::storage
