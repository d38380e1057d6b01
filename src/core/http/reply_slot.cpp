#include <spdlog/spdlog.h>
#include <atomic>

#include "core/http/error_json.hpp"
#include "core/http/reply_slot.hpp"

namespace kefu::http::detail {
namespace {

// Shared by every copy of one Reply (std::function needs a copyable callable).
class ReplyGuard {
 public:
  explicit ReplyGuard(std::shared_ptr<ReplySlot> slot) : slot_(std::move(slot)) {}
  ~ReplyGuard() {
    if (!called_.load(std::memory_order_acquire)) {
      slot_->deliver(error_json(500, "internal_error", "服务器内部错误 / Internal server error"), true);
    }
  }
  ReplyGuard(const ReplyGuard&) = delete;
  ReplyGuard& operator=(const ReplyGuard&) = delete;

  void call(Response response) {
    if (called_.exchange(true, std::memory_order_acq_rel)) {
      spdlog::warn("http: Reply called more than once; the extra response is dropped");
      return;
    }
    slot_->deliver(std::move(response), false);
  }

 private:
  std::shared_ptr<ReplySlot> slot_;
  std::atomic<bool> called_{false};
};

}  // namespace

bool ReplySlot::deliver(Response response, bool abandoned) {
  std::lock_guard lock(mu_);
  if (closed_ || response_) return false;
  response_ = std::move(response);
  abandoned_ = abandoned;
  if (waiter_) waiter_->notify(shared_from_this());
  return true;
}

std::optional<Response> ReplySlot::take(bool& abandoned) {
  std::lock_guard lock(mu_);
  if (!response_) return std::nullopt;
  closed_ = true;
  abandoned = abandoned_;
  std::optional<Response> out = std::move(response_);
  response_.reset();
  return out;
}

bool ReplySlot::arm(ReplyWaiter* waiter) {
  std::lock_guard lock(mu_);
  if (response_ || closed_) return false;
  waiter_ = waiter;
  return true;
}

void ReplySlot::disarm() {
  std::lock_guard lock(mu_);
  waiter_ = nullptr;
}

void ReplySlot::close() {
  std::lock_guard lock(mu_);
  closed_ = true;
  waiter_ = nullptr;
}

Reply make_reply(std::shared_ptr<ReplySlot> slot) {
  return [guard = std::make_shared<ReplyGuard>(std::move(slot))](Response r) { guard->call(std::move(r)); };
}

}  // namespace kefu::http::detail
