#pragma once
// Sends the email outbox (notifications for staff with an address) through SMTP, off
// the request and commit paths. Delivery is at least once: an email is marked sent
// after the SMTP server accepted it, so a crash in between sends it again. A failure
// is retried with backoff (1, 2, 4 … minutes, at most an hour), the error kept on the row.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/mail/smtp.hpp"
#include "core/storage/database.hpp"

namespace kefu::jobs {

class OutboxSender {
 public:
  OutboxSender(storage::Database& db, notify::SmtpMailer mailer, std::function<int64_t()> now_ms,
               std::chrono::milliseconds interval = std::chrono::milliseconds(500));
  ~OutboxSender();
  OutboxSender(const OutboxSender&) = delete;
  OutboxSender& operator=(const OutboxSender&) = delete;

  void start();
  void stop();
  void poke();  // new mail was queued
  // Sends what is due now; returns how many were accepted by the SMTP server.
  int send_due();

 private:
  void run();
  storage::Database& db_;
  notify::SmtpMailer mailer_;
  std::function<int64_t()> now_ms_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false, poked_ = false;
  std::thread thread_;
};

// The delay before attempt number `attempts + 1`.
int64_t retry_delay_ms(int attempts);

}  // namespace kefu::jobs
