#pragma once
// A small fixed pool for slow CPU work that must stay off the io threads
// (argon2id password hashing, attachment hashing and writing). Bounded: when the
// queue is full, submit() returns false and the caller answers 503/429.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kefu::api {

class WorkerPool {
 public:
  WorkerPool(int threads, std::size_t max_queue);
  ~WorkerPool();
  bool submit(std::function<void()> work);

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::size_t max_queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kefu::api
