#include "core/mail/smtp.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/mail/message.hpp"

namespace kefu::notify {
namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("curl_global_init failed");
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  });
}

// "<random hex>@<domain of the sender>"
std::string new_message_id(const std::string& from) {
  unsigned char raw[16];
  randombytes_buf(raw, sizeof raw);
  char hex[sizeof raw * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  auto at = from.rfind('@');
  std::string domain = at == std::string::npos ? "kefu.invalid" : from.substr(at + 1);
  return std::string(hex) + "@" + domain;
}

struct Upload {
  const std::string& data;
  std::size_t pos = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t nitems, void* userdata) {
  auto* up = static_cast<Upload*>(userdata);
  std::size_t n = std::min(size * nitems, up->data.size() - up->pos);
  std::memcpy(buffer, up->data.data() + up->pos, n);
  up->pos += n;
  return n;
}

using EasyHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using StringList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

}  // namespace

SmtpMailer::SmtpMailer(SmtpConfig config) : config_(std::move(config)) {}

bool SmtpMailer::enabled() const { return !config_.url.empty(); }

void SmtpMailer::send(const Email& email) const {
  if (!enabled()) throw std::runtime_error("smtp: email is disabled (no url configured)");
  global_init();
  // Formatting first: it refuses header injection before anything is sent.
  const std::string message =
      build_message(config_, email, std::chrono::system_clock::now(), new_message_id(config_.from));

  EasyHandle curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) throw std::runtime_error("smtp: curl_easy_init failed");
  StringList rcpt(curl_slist_append(nullptr, ("<" + email.to + ">").c_str()), &curl_slist_free_all);
  if (!rcpt) throw std::runtime_error("smtp: out of memory");
  const std::string mail_from = "<" + config_.from + ">";
  Upload upload{message};
  char error[CURL_ERROR_SIZE] = {0};

  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(h, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, &read_upload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config_.timeout_ms));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeout_ms));
  if (!config_.username.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, config_.password.c_str());
  }
  if (config_.starttls) curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));

  CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    std::string what = "smtp: sending to " + email.to + " failed: " + curl_easy_strerror(rc);
    if (error[0]) what += std::string(" (") + error + ")";
    throw std::runtime_error(what);
  }
}

}  // namespace kefu::notify
