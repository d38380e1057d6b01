#include "core/storage/database.hpp"

#include <atomic>
#include <future>

namespace kefu::storage {

namespace detail {
std::size_t next_store_slot() {
  static std::atomic<std::size_t> next{0};
  return next++;
}
}  // namespace detail

void Database::write_sync(Job job) {
  std::promise<void> committed;
  auto done = committed.get_future();
  write(std::move(job), [&committed](std::exception_ptr e) {
    if (e)
      committed.set_exception(e);
    else
      committed.set_value();
  });
  done.get();
}

}  // namespace kefu::storage
