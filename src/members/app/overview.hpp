#pragma once
// The member page (会员 360) in one call: the profile, the points balance, purchase totals
// and the recent purchases, every ticket, chat, feedback item, CSAT rating and NPS answer
// of the member in the caller's stores, and the value of the customer.
#include <cstdint>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "members/app/member_value.hpp"
#include "members/domain/member.hpp"
#include "members/storage/member_history_store.hpp"
#include "purchases/domain/purchase.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

struct PurchaseTotals {
  int64_t paid_fen = 0;  // returns netted
  int visits = 0;        // days with a sale
};

struct MonthSpend {
  std::string month;  // YYYY-MM (Asia/Shanghai)
  int64_t paid_fen = 0;
  int visits = 0;
};

struct MemberOverview {
  people::Member member;
  int64_t points = 0;
  MemberValue value;
  PurchaseTotals last_12_months, all_time;
  std::optional<std::string> last_visit;  // YYYY-MM-DD
  std::vector<MonthSpend> months;         // the last 12 months, oldest first (months without a visit too)
  std::vector<storage::SpendShare> top_categories, top_brands;  // the last 12 months
  std::vector<purchase::Order> recent_purchases;                // in the caller's stores, newest first
  std::vector<ticket::Ticket> tickets;                          // in the caller's stores, newest first
  std::vector<storage::ContactRecord> conversations, feedback;
  std::vector<storage::RatingRecord> ratings;  // CSAT and NPS, newest first
};

inline constexpr int kOverviewRecent = 20, kOverviewContacts = 100, kOverviewTop = 5;

// The member in the caller's reach (members:read), else not_found. The totals, like the
// value, count the purchases of every store; the list of recent purchases needs
// purchases:read too (without it, it is empty) and shows the caller's stores only.
MemberOverview member_overview(Context&, int64_t member_id);

// YYYY-MM-DD of a local day (members/domain/value.hpp).
std::string day_text(int64_t day);

}  // namespace kefu::app
