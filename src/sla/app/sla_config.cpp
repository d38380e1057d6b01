#include "sla/app/sla_config.hpp"
#include "org/storage/org_store.hpp"
#include "sla/storage/sla_config_store.hpp"

#include <mutex>

namespace kefu::app {
namespace {

std::mutex mu;
std::shared_ptr<const SlaConfig> cached;

std::shared_ptr<const SlaConfig> load(storage::Stores& repo, std::string version) {
  auto c = std::make_shared<SlaConfig>();
  c->version = std::move(version);
  for (auto& r : repo.get<storage::SlaConfigStore>().sla_policies(true)) {
    if (r.active) {
      c->active.push_back(r);
      c->active_policies.push_back(r.policy);
    }
    c->by_id.emplace(r.policy.id, std::move(r));
  }
  for (const auto& st : repo.get<storage::OrgStore>().stores())
    c->calendars.emplace(st.id, std::make_shared<const sla::BusinessCalendar>(
                                    build_calendar(st, repo.get<storage::SlaConfigStore>().special_days(st.id))));
  return c;
}

}  // namespace

sla::BusinessCalendar build_calendar(const people::Store& st, std::vector<sla::SpecialDay> special_days) {
  sla::CalendarSpec spec;
  spec.time_zone = st.timezone;
  spec.weekly = st.hours;
  if (spec.weekly.empty())
    for (int wd = 0; wd < 7; ++wd) spec.weekly.push_back({wd, "00:00", "24:00"});
  spec.special_days = std::move(special_days);
  return sla::BusinessCalendar(std::move(spec));
}

std::shared_ptr<const SlaConfig> sla_config(storage::Stores& repo) {
  auto version = repo.get<storage::SlaConfigStore>().sla_config_version();
  {
    std::lock_guard lock(mu);
    if (cached && cached->version == version) return cached;
  }
  auto fresh = load(repo, version);
  std::lock_guard lock(mu);
  cached = fresh;
  return fresh;
}

}  // namespace kefu::app
