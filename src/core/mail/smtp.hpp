#pragma once
// Outgoing email over SMTP (libcurl). Used by the SLA escalation notifications,
// which send what an outbox table holds; this layer only formats and delivers one
// message and says whether it went. No retries here: the outbox decides.
#include <string>
#include <vector>

#include "notifications/domain/attachments.hpp"

namespace kefu::notify {

struct SmtpConfig {
  std::string url;                      // "smtp://127.0.0.1:2525" or "smtps://host:465"; empty = email disabled
  std::string from;                     // envelope sender and From address: "kefu@store.example"
  std::string from_name = "kefu 客服";  // From display name, RFC 2047 encoded
  std::string username, password;       // SMTP AUTH when username is not empty
  bool starttls = false;                // upgrade smtp:// with STARTTLS when offered (CURLUSESSL_TRY)
  int timeout_ms = 10000;               // connect and whole-transfer limit
};

struct Email {
  std::string to;       // one address: "someone@store.example"
  std::string subject;  // UTF-8
  std::string body;     // UTF-8 plain text; line ends are sent as CRLF
  // Optional: an HTML version of the body (multipart/alternative with the text) and files
  // (multipart/mixed). Without both the message is the single text/plain part.
  std::string html;
  std::vector<Attachment> attachments;
};

// Sends one message per send() call over a fresh libcurl easy handle (no connection
// reuse: notifications are rare, and this keeps send() safe to call from any thread
// on a shared const mailer). curl_global_init runs once per process on first use.
class SmtpMailer {
 public:
  explicit SmtpMailer(SmtpConfig config);

  // False when no url is configured.
  bool enabled() const;

  // Delivers the email or throws: std::invalid_argument for a bad address or a CR/LF
  // in a header value (header injection), std::runtime_error with curl's message when
  // the server cannot be reached or refuses the message, std::runtime_error when
  // email is disabled.
  void send(const Email& email) const;

  const SmtpConfig& config() const { return config_; }

 private:
  SmtpConfig config_;
};

}  // namespace kefu::notify
