#include <future>

#include "core/storage/repository.hpp"

namespace kefu::storage {

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
