#include "kb/jobs/knowledge_keeper.hpp"

#include <spdlog/spdlog.h>

#include "kb/storage/kb_catalog_store.hpp"
#include "kb/storage/kb_learning_store.hpp"

namespace kefu::jobs {

KnowledgeKeeper::KnowledgeKeeper(storage::Database& db, app::KbKnowledge& knowledge, kb::TextTools tools,
                                 std::function<int64_t()> now_ms, std::chrono::milliseconds tick)
    : db_(db), knowledge_(knowledge), tools_(std::move(tools)), now_ms_(std::move(now_ms)), tick_(tick) {}

KnowledgeKeeper::~KnowledgeKeeper() { stop(); }

void KnowledgeKeeper::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void KnowledgeKeeper::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void KnowledgeKeeper::poke() {
  {
    std::lock_guard lock(mu_);
    poked_ = true;
  }
  cv_.notify_all();
}

bool KnowledgeKeeper::run_once() {
  const auto now = now_ms_();
  auto& reader = db_.reader();
  const auto stamp =
      reader.get<storage::KbCatalogStore>().stamp() + "/" + reader.get<storage::KbLearningStore>().stamp();
  const auto current = knowledge_.current();
  const bool due = current && current->next_change_at && now >= current->next_change_at;
  if (current && stamp == stamp_ && !due) return false;
  auto built = app::build_knowledge(reader, tools_, now);
  spdlog::info("FAQ bot: knowledge of {} entries ({} learned questions, {} pairs) ready in {} ms", built->entries,
               built->signals, built->pairs, built->build_ms);
  knowledge_.set(std::move(built));
  stamp_ = stamp;
  return true;
}

void KnowledgeKeeper::run() {
  for (bool first = true;; first = false) {
    if (!first) {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, tick_, [this] { return stopping_ || poked_; });
      if (stopping_) return;
      poked_ = false;
    }
    try {
      run_once();
    } catch (const std::exception& e) {
      spdlog::warn("FAQ bot knowledge: {}", e.what());
    }
  }
}

}  // namespace kefu::jobs
