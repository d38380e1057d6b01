#include "members/app/overview.hpp"

#include <fmt/format.h>

#include <chrono>

#include "core/app/scope.hpp"
#include "members/app/members.hpp"
#include "members/app/points.hpp"
#include "purchases/app/purchases.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

constexpr int64_t kYearMs = 365LL * 86'400'000;

std::chrono::year_month_day date_of(int64_t day) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}};
}

std::string month_text(const std::chrono::year_month_day& d) {
  return fmt::format("{:04}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()));
}

// The last 12 months, oldest first, with the spend and visits of each.
std::vector<MonthSpend> months_of(const std::vector<people::PurchaseDay>& days, int64_t today) {
  const auto now = date_of(today);
  std::vector<MonthSpend> out;
  auto ym = std::chrono::year_month{now.year(), now.month()} - std::chrono::months{11};
  for (int i = 0; i < 12; ++i, ym += std::chrono::months{1})
    out.push_back({month_text(ym / std::chrono::day{1}), 0, 0});
  for (const auto& d : days) {
    const auto key = month_text(date_of(d.day));
    for (auto& m : out)
      if (m.month == key) {
        m.paid_fen += d.paid_fen;
        m.visits += d.sales_fen > 0 ? 1 : 0;
      }
  }
  return out;
}

PurchaseTotals totals_of(const std::vector<people::PurchaseDay>& days, int64_t from_day) {
  PurchaseTotals t;
  for (const auto& d : days) {
    if (d.day < from_day) continue;
    t.paid_fen += d.paid_fen;
    t.visits += d.sales_fen > 0 ? 1 : 0;
  }
  return t;
}

std::vector<int64_t> scope_of(const Context& c) {
  return c.actor.is_admin() ? std::vector<int64_t>{} : c.actor.store_ids;
}

}  // namespace

std::string day_text(int64_t day) {
  const auto d = date_of(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

MemberOverview member_overview(Context& c, int64_t member_id) {
  MemberOverview o;
  o.member = get_member(c, member_id);
  auto& h = c.store<storage::MemberHistoryStore>();
  o.points = points_balance(c, member_id);
  auto all_days = h.purchase_days({.member_id = member_id});
  const auto days = all_days.empty() ? std::vector<people::PurchaseDay>{} : std::move(all_days.front().days);
  o.value = value_of_member(c, o.member, days);
  const int64_t today = people::local_day(c.now_ms);
  o.all_time = totals_of(days, INT64_MIN);
  o.last_12_months = totals_of(days, today - 364);
  if (o.value.value.rhythm.last_day) o.last_visit = day_text(*o.value.value.rhythm.last_day);
  o.months = months_of(days, today);
  o.top_categories = h.spend_by(member_id, "category", c.now_ms - kYearMs, kOverviewTop);
  o.top_brands = h.spend_by(member_id, "brand", c.now_ms - kYearMs, kOverviewTop);
  if (c.actor.has_scope("purchases:read")) {
    storage::OrderFilter f;
    f.member_id = member_id;
    f.limit = kOverviewRecent;
    o.recent_purchases = find_orders(c, f);
  }
  const auto stores = scope_of(c);
  if (c.actor.is_admin() || !stores.empty()) {
    storage::TicketFilter tf;
    tf.store_ids = stores;
    tf.member_id = member_id;
    tf.limit = kOverviewContacts;
    o.tickets = c.store<storage::TicketStore>().tickets(tf);
    o.conversations = h.conversations(member_id, stores, kOverviewContacts);
    o.feedback = h.feedback_items(member_id, stores, kOverviewContacts);
    for (auto& r : h.ratings({.member_id = member_id}, 0))
      if (c.actor.in_store(r.store_id)) o.ratings.push_back(std::move(r));
  }
  return o;
}

}  // namespace kefu::app
