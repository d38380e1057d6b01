#include "core/api/worker_pool.hpp"

#include <spdlog/spdlog.h>

namespace kefu::api {

WorkerPool::WorkerPool(int threads, std::size_t max_queue) : max_queue_(max_queue) {
  for (int i = 0; i < threads; ++i)
    threads_.emplace_back([this] {
      for (;;) {
        std::function<void()> work;
        {
          std::unique_lock lock(mu_);
          cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
          if (queue_.empty()) return;
          work = std::move(queue_.front());
          queue_.pop_front();
        }
        try {
          work();
        } catch (const std::exception& e) {
          spdlog::error("worker task threw: {}", e.what());
        }
      }
    });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

bool WorkerPool::submit(std::function<void()> work) {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || queue_.size() >= max_queue_) return false;
    queue_.push_back(std::move(work));
  }
  cv_.notify_one();
  return true;
}

}  // namespace kefu::api
