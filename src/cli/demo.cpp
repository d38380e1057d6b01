// `kefu demo`: writes the generated zh-CN catalogue (src/demo) into a database,
// with the timeline, tasks, audit entries and search index a real history has.
#include <spdlog/spdlog.h>

#include "auth/domain/password.hpp"
#include "cli/commands.hpp"
#include "core/storage/open.hpp"
#include "core/storage/platform_stores.hpp"
#include "core/text/segmenter.hpp"
#include "demo/catalog.hpp"
#include "demo/load.hpp"

namespace kefu::cli {

int64_t wall_clock_ms();

int demo(const Config& c, const DemoOptions& o) {
  auto db = storage::open_database(c.database_url, true);
  if (db->reader().count("stores") > 0) {
    spdlog::info("{} already holds data; demo data not loaded again", display_url(c.database_url));
    return 0;
  }
  const int64_t now = wall_clock_ms();
  auto cat = demo::generate(o.seed, now / 1000, o.members, o.tickets, o.days);
  auto seg = text::Segmenter::load(c.dictionary);
  // One salted hash shared by the demo accounts keeps `kefu demo` fast; real
  // accounts (kefu user add, POST /staff) each get their own.
  const auto hash = people::hash_password(o.password);
  demo::load(*db, cat, *seg, hash, now, [](std::size_t done, std::size_t total) {
    if (total > 20'000) spdlog::info("demo: {}/{} tickets", done, total);
  });
  // A demo says so (GET /auth/session: demo, the console's 演示环境 banner): its passwords
  // are printed here and in the README.
  db->write_sync([](storage::Stores& r) { r.get<storage::SettingStore>().put_setting_if_absent("demo", "true"); });
  spdlog::info("demo data loaded: {} stores, {} staff, {} members, {} tickets", cat.stores.size(), cat.staff.size(),
               cat.members.size(), cat.tickets.size());
  std::string agents;
  for (const auto& s : cat.staff)
    if (s.role != "admin" && agents.size() < 200) agents += " " + s.username + "(" + s.role + ")";
  spdlog::info("log in as admin / {}  — other accounts, same password:{}", o.password, agents);
  return 0;
}

}  // namespace kefu::cli
