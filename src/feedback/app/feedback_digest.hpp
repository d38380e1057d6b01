#pragma once
// The weekly feedback digest (反馈周报, docs/feedback.md): on Monday from 08:00 on the
// store's wall clock, each store's managers (its supervisors when it has none) get last
// week's figures (feedback/domain/digest.hpp) in the app and by email through the outbox.
// Once per store and ISO week: the notice is recorded in the same write as the mail, so a
// second node, a restart or the next tick sends nothing more. A store with no feedback last
// week, or nobody to tell, gets none (and a later tick that Monday tries again). Monday only:
// a server down all Monday sends no digest for that week.
#include <string>
#include <vector>

#include "core/app/context.hpp"

namespace kefu::app {

inline constexpr int kDigestHour = 8;      // local hour on Monday from which the digest goes out
inline constexpr int kDigestExamples = 2;  // texts per top topic

struct DigestSent {
  int64_t store_id = 0;
  std::string week;
  std::vector<int64_t> recipients;
};

// The job (feedback/jobs/hot_watch.hpp), as the system. Returns the digests sent now.
std::vector<DigestSent> send_weekly_digests(Context&);

}  // namespace kefu::app
