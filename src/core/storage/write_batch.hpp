#pragma once
// What every backend's group-commit writer does after its transaction: tell each job's
// caller how it went — the commit's error when the whole batch failed, else the job's
// own (null when it succeeded). Completions run on the writer thread; one that throws
// is logged and does not stop the others.
#include <spdlog/spdlog.h>

#include <exception>
#include <vector>

namespace kefu::storage {

template <class Item>  // Item has `Database::Done done`
void complete_batch(std::vector<Item>& batch, const std::vector<std::exception_ptr>& results,
                    std::exception_ptr commit_error) {
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (!batch[i].done) continue;
    try {
      batch[i].done(commit_error ? commit_error : results[i]);
    } catch (const std::exception& e) {
      spdlog::error("write completion threw: {}", e.what());
    }
  }
}

}  // namespace kefu::storage
