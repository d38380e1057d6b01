// KbKnowledge's duplicate search (kb/app/knowledge.hpp): in a thread of its own, one at a
// time, over the snapshot current when it was asked for.
#include <chrono>

#include "kb/app/knowledge.hpp"

namespace kefu::app {

KbKnowledge::~KbKnowledge() {
  if (finder_.joinable()) finder_.join();
}

KnowledgeDuplicates KbKnowledge::duplicates() const {
  std::lock_guard lock(mu_);
  const auto snap = snapshot_;
  if (!snap || !snap->matcher) return {};
  if (duplicates_.built_at == snap->built_at && duplicates_.status != KnowledgeDuplicates::Status::none)
    return duplicates_;
  if (duplicates_.status == KnowledgeDuplicates::Status::computing) {
    KnowledgeDuplicates busy;  // for an older snapshot: asked again when it is done
    busy.status = KnowledgeDuplicates::Status::computing;
    busy.built_at = snap->built_at;
    return busy;
  }
  if (finder_.joinable()) finder_.join();  // the last search has finished (status is not computing)
  duplicates_ = {KnowledgeDuplicates::Status::computing, snap->built_at, 0, {}};
  finder_ = std::thread([this, snap] {
    const auto started = std::chrono::steady_clock::now();
    auto found = snap->matcher->duplicates(kDuplicateFloor);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    std::lock_guard lock(mu_);
    duplicates_ = {KnowledgeDuplicates::Status::ready, snap->built_at, ms, std::move(found)};
  });
  return duplicates_;
}

}  // namespace kefu::app
