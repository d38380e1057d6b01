#include "notifications/jobs/outbox.hpp"
#include "notifications/storage/outbox_store.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "notifications/domain/attachments.hpp"

namespace kefu::jobs {
namespace {

notify::Email email_of(const storage::OutboxEmail& e) {
  notify::Email m{e.to, e.subject, e.body};
  m.html = e.html;
  if (!e.attachments.empty()) m.attachments = notify::unpack_attachments(e.attachments);
  return m;
}

}  // namespace

int64_t retry_delay_ms(int attempts) {
  const int64_t minute = 60'000;
  return std::min<int64_t>(minute << std::clamp(attempts, 0, 6), 60 * minute);
}

OutboxSender::OutboxSender(storage::Database& db, notify::SmtpMailer mailer, std::function<int64_t()> now_ms,
                           std::chrono::milliseconds interval)
    : db_(db), mailer_(std::move(mailer)), now_ms_(std::move(now_ms)), interval_(interval) {}

OutboxSender::~OutboxSender() { stop(); }

void OutboxSender::start() {
  if (thread_.joinable() || !mailer_.enabled()) return;
  thread_ = std::thread([this] { run(); });
}

void OutboxSender::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxSender::poke() {
  {
    std::lock_guard lock(mu_);
    poked_ = true;
  }
  cv_.notify_all();
}

int OutboxSender::send_due() {
  std::vector<storage::OutboxEmail> due;
  {
    auto& reader = db_.reader();
    storage::Snapshot snap(reader);
    due = reader.get<storage::OutboxStore>().emails_due(now_ms_(), 50);
  }
  int sent = 0;
  for (const auto& e : due) {
    try {
      mailer_.send(email_of(e));
      const int64_t at = now_ms_();
      db_.write_sync([&](storage::Stores& r) { r.get<storage::OutboxStore>().mark_email_sent(e.id, at); });
      ++sent;
    } catch (const std::exception& ex) {
      const int64_t next = now_ms_() + retry_delay_ms(e.attempts);
      spdlog::warn("email {} to {} failed (attempt {}): {}", e.id, e.to, e.attempts + 1, ex.what());
      db_.write_sync(
          [&](storage::Stores& r) { r.get<storage::OutboxStore>().mark_email_failed(e.id, ex.what(), next); });
    }
  }
  return sent;
}

void OutboxSender::run() {
  for (;;) {
    try {
      // One node sends (two could send the same row between reading and marking it).
      if (db_.lead("email-outbox")) send_due();
    } catch (const std::exception& e) {
      spdlog::error("email outbox: {}", e.what());
    }
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, interval_, [this] { return stopping_ || poked_; });
    if (stopping_) return;
    poked_ = false;
  }
}

}  // namespace kefu::jobs
