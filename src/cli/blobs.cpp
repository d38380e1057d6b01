// `kefu blobs gc`: deletes attachment blobs that no attachment row (nor chat or feedback photo) references (uploads
// refused or failed after their bytes were stored) and temporary files left by a crash,
// once older than the grace period. Safe beside a running server: see BlobStore::collect.
#include <spdlog/spdlog.h>

#include <iostream>

#include "chat/storage/chat_desk_store.hpp"
#include "cli/commands.hpp"
#include "core/storage/open.hpp"
#include "feedback/storage/action_store.hpp"
#include "feedback/storage/feedback_photo_store.hpp"
#include "tickets/api/blob_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::cli {

int collect_blobs(const Config& c, const BlobGcOptions& o) {
  if (o.grace_minutes < 0) throw std::runtime_error("--grace-minutes cannot be negative");
  auto db = storage::open_database(c.database_url, false);
  auto& timeline = db->reader().get<storage::TimelineStore>();       // each question reads the latest commit
  auto& chat = db->reader().get<storage::ChatDeskStore>();           // chat photos share the blob folder
  auto& feedback = db->reader().get<storage::FeedbackPhotoStore>();  // and the feedback form's
  auto& actions = db->reader().get<storage::ActionStore>();          // and improvement actions'
  auto r = api::BlobStore(c.attachments_dir)
               .collect(
                   std::chrono::minutes(o.grace_minutes),
                   [&](const std::string& sha) {
                     return timeline.blob_in_use(sha) || chat.photo_in_use(sha) || feedback.photo_in_use(sha) ||
                            actions.photo_in_use(sha);
                   },
                   o.dry_run);
  std::cout << (o.dry_run ? "would remove " : "removed ") << r.removed << " file(s), " << r.removed_bytes
            << " bytes; kept " << r.kept << " blob(s)\n";
  spdlog::info("blobs gc in {}: {} {} files ({} bytes), kept {}", c.attachments_dir,
               o.dry_run ? "would remove" : "removed", r.removed, r.removed_bytes, r.kept);
  return 0;
}

}  // namespace kefu::cli
