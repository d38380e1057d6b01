#pragma once
// The error policy (see docs/architecture.md): expected failures of a use case are
// thrown as kefu::Error with a stable machine-readable code and a zh-CN/English
// message; core/api/error_mapping.cpp turns the Kind into an HTTP status in one place.
// Programmer errors are asserts; anything else that escapes becomes a 500.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace kefu {

class Error : public std::runtime_error {
 public:
  enum class Kind {
    invalid_input,      // 400/422: the request is malformed or violates a field rule
    unauthenticated,    // 401
    forbidden,          // 403: authenticated but the role may not do this
    not_found,          // 404: absent, or outside the caller's store scope
    conflict,           // 409: state machine, version or uniqueness conflicts
    gone,               // 410: existed but no longer usable (an expired link)
    precondition,       // 412: If-Match did not match
    too_many,           // 429: throttled (e.g. login lockout)
    unsupported_media,  // 415
    too_large,          // 413
  };

  Error(Kind kind, std::string code, std::string message_zh, std::string message_en, std::string field = {})
      : std::runtime_error(code + ": " + message_en),
        kind_(kind),
        code_(std::move(code)),
        zh_(std::move(message_zh)),
        en_(std::move(message_en)),
        field_(std::move(field)) {}

  Kind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  const std::string& message_zh() const { return zh_; }
  const std::string& message_en() const { return en_; }
  const std::string& field() const { return field_; }
  // For a too_many error: how long until a retry may succeed (the Retry-After header; 0 =
  // not said).
  int64_t retry_after_s() const { return retry_after_s_; }
  Error& with_retry_after(int64_t seconds) {
    retry_after_s_ = seconds;
    return *this;
  }

 private:
  Kind kind_;
  std::string code_, zh_, en_, field_;
  int64_t retry_after_s_ = 0;
};

}  // namespace kefu
