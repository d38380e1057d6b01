#include "reports/app/reports.hpp"

#include <date/tz.h>

#include "core/app/scope.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "org/storage/org_store.hpp"
#include "reports/storage/report_store.hpp"

namespace kefu::app {

namespace {

// Midnight of the local day containing `now` in `zone`, as Unix ms.
int64_t local_midnight(int64_t now_ms, const std::string& zone) {
  using namespace std::chrono;
  const auto* tz = date::locate_zone(zone);
  auto local = tz->to_local(sys_time<milliseconds>{milliseconds{now_ms}});
  auto day = date::floor<days>(local);
  return duration_cast<milliseconds>(tz->to_sys(day, date::choose::earliest).time_since_epoch()).count();
}

}  // namespace

DashboardCounts dashboard_counts(Context& c, std::optional<int64_t> from_ms, std::optional<int64_t> to_ms,
                                 std::optional<int64_t> store_id) {
  require_scope(c.actor, "tickets:read");
  std::vector<int64_t> stores;
  if (store_id) {
    if (!c.actor.in_store(*store_id) || !c.store<storage::OrgStore>().store_exists(*store_id))
      throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    stores = {*store_id};
  } else if (!c.actor.is_admin()) {
    stores = c.actor.store_ids;
    if (stores.empty()) return {};
  }
  DashboardCounts out;
  if (!from_ms) {
    std::string zone = "Asia/Shanghai";
    if (auto st = c.store<storage::OrgStore>().store(stores.empty() ? (store_id ? *store_id : 1) : stores.front()))
      zone = st->timezone;
    out.from_ms = local_midnight(c.now_ms, zone);
  } else {
    out.from_ms = *from_ms;
  }
  out.to_ms = to_ms.value_or(out.from_ms + 24LL * 3600 * 1000);
  if (out.from_ms >= out.to_ms || out.to_ms - out.from_ms > kMaxReportSpanMs)
    throw make_error(errors::kInvalidRange, {{"days", 366}}, "to");
  out.counts = c.store<storage::ReportStore>().ticket_counts(stores, out.from_ms, out.to_ms, c.now_ms);
  return out;
}

}  // namespace kefu::app
