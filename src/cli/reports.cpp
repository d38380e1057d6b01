// `kefu reports rebuild`: every ticket fact and rollup recomputed from the tickets
// (reports/app/rollups.hpp), e.g. after a change to a definition or an import. Safe beside
// a running server: the facts are dropped and every ticket marked in one transaction, then
// drained in transactions of 500 tickets (the server's keeper may drain some of them).
#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>

#include "cli/clock.hpp"
#include "cli/commands.hpp"
#include "core/storage/open.hpp"
#include "reports/app/rollups.hpp"
#include "reports/storage/report_store.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::cli {

int rebuild_reports(const Config& c) {
  auto db = storage::open_database(c.database_url, true);
  const auto started = std::chrono::steady_clock::now();
  auto now = server_clock();
  int64_t marked = 0;
  db->write_sync([&](storage::Stores& r) {
    auto& reports = r.get<storage::ReportStore>();
    reports.clear_reports();
    marked = reports.mark_all_dirty();
  });
  int64_t done = 0;
  for (int n = app::kRollupBatch; n == app::kRollupBatch;) {
    const int64_t at = now();
    db->write_sync([&](storage::Stores& r) {
      app::Context ctx{r, app::system_actor(), at, nullptr};
      n = app::refresh_rollups_batch(ctx);
    });
    done += n;
  }
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  std::cout << "rebuilt the report facts of " << done << " ticket(s) (" << marked << " marked) in " << ms << " ms\n";
  spdlog::info("reports rebuild: {} tickets in {} ms", done, ms);
  return 0;
}

}  // namespace kefu::cli
