#include "bot/domain/ops_report.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <tuple>

namespace kefu::bot {
namespace {

std::optional<double> ratio(int64_t part, int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

void finish(DayRow& row) { row.rates = rates_of(row.conversations, row.bot_conversations, row.resolved); }

}  // namespace

Rates rates_of(int64_t conversations, int64_t bot_conversations, int64_t resolved) {
  Rates r;
  r.involvement = ratio(bot_conversations, conversations);
  r.resolution = ratio(resolved, bot_conversations);
  if (r.involvement && r.resolution) r.containment = *r.involvement * *r.resolution;
  return r;
}

FaqRow faq_row(const FaqCount& c) {
  FaqRow row{c};
  row.solved_rate = ratio(c.solved, c.solved + c.unsolved);
  row.no_handoff_rate = ratio(c.answers - c.handed_over, c.answers);
  row.handoff_rate = ratio(c.handed_over, c.answers);
  return row;
}

Report build_report(const std::vector<QuarterCount>& conversations, const std::vector<QuarterCount>& bot,
                    const std::vector<QuarterCount>& handoffs, const std::vector<FaqCount>& faqs, const DayOf& day_of) {
  std::map<std::pair<std::string, int64_t>, DayRow> days;
  auto row = [&](const QuarterCount& q) -> DayRow& {
    auto day = day_of(q.store_id, q.bucket);
    auto& r = days[{day, q.store_id}];
    r.day = day;
    r.store_id = q.store_id;
    return r;
  };
  Report out;
  for (const auto& q : conversations) {
    row(q).conversations += q.count;
    out.total.conversations += q.count;
  }
  for (const auto& q : bot) {
    auto& r = row(q);
    r.bot_conversations += q.count;
    r.resolved += q.count - q.handed_over;
    out.total.bot_conversations += q.count;
    out.total.resolved += q.count - q.handed_over;
  }
  for (const auto& q : handoffs) {
    row(q).handoffs[q.key] += q.count;
    out.total.handoffs[q.key] += q.count;
  }
  for (auto& [key, r] : days) {
    finish(r);
    out.days.push_back(std::move(r));
  }
  finish(out.total);
  for (const auto& f : faqs) out.faqs.push_back(faq_row(f));
  std::sort(out.faqs.begin(), out.faqs.end(), [](const FaqRow& a, const FaqRow& b) {
    return std::tuple(-a.counts.answers, a.counts.faq_id) < std::tuple(-b.counts.answers, b.counts.faq_id);
  });
  return out;
}

std::string local_date(int64_t ms, const std::string& zone) {
  using namespace std::chrono;
  const sys_time<milliseconds> t{milliseconds{ms}};
  date::year_month_day ymd{};
  try {
    const auto* z = date::locate_zone(zone);
    ymd = date::year_month_day{date::floor<date::days>(z->to_local(t))};
  } catch (const std::exception&) {
    ymd = date::year_month_day{date::floor<date::days>(t)};
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace kefu::bot
