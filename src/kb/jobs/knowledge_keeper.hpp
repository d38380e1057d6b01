#pragma once
// Keeps the FAQ bot's knowledge (kb/app/knowledge.hpp) in step with the knowledge base, on
// every node: built once at start, then rebuilt off the request path when the knowledge
// base's stamp changes (a publish, an import, a store's answer, synonyms, a learned signal
// or pair, a revocation — on this node or
// another: it looks every `tick`, and at once after poke()) or when an entry's validity
// starts or ends. The old knowledge answers until the new one is ready.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/storage/database.hpp"
#include "kb/app/knowledge.hpp"

namespace kefu::jobs {

class KnowledgeKeeper {
 public:
  KnowledgeKeeper(storage::Database& db, app::KbKnowledge& knowledge, kb::TextTools tools,
                  std::function<int64_t()> now_ms, std::chrono::milliseconds tick = std::chrono::seconds(10));
  ~KnowledgeKeeper();
  KnowledgeKeeper(const KnowledgeKeeper&) = delete;
  KnowledgeKeeper& operator=(const KnowledgeKeeper&) = delete;

  void start();
  void stop();
  void poke();
  // One look now: rebuilds when needed; true when it did.
  bool run_once();

 private:
  void run();
  storage::Database& db_;
  app::KbKnowledge& knowledge_;
  kb::TextTools tools_;
  std::function<int64_t()> now_ms_;
  std::chrono::milliseconds tick_;
  std::string stamp_;  // of the knowledge in use ("" before the first build)
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false, poked_ = false;
  std::thread thread_;
};

}  // namespace kefu::jobs
