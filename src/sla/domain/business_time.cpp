// Business-time arithmetic over a BusinessCalendar (rules in calendar.hpp).
//
// Method: the tz database splits time into stretches of constant UTC offset (sys_info).
// Within one stretch, an instant t maps to the local wall axis as t + offset, and on that
// axis business time is a plain union of [day + open, day + close) spans, whatever the
// offset. So each stretch is one walk along the local axis: day by day, jumping whole
// weeks arithmetically between special days. Asia/Shanghai is a single stretch since
// 1991; a DST zone has two a year. A fall-back stretch starts earlier on the local axis
// than the previous one ended, which is exactly the repeated hour counting twice.
#include <date/tz.h>

#include <algorithm>
#include <limits>
#include <optional>

#include "core/domain/error.hpp"
#include "sla/domain/calendar.hpp"
#include "sla/domain/errors.hpp"

namespace kefu::sla {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kMinuteMs = 60'000;

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// 1970-01-01 was a Thursday (4); 0 = Sunday.
int weekday_of(int64_t day) { return static_cast<int>(((day + 4) % 7 + 7) % 7); }

Error out_of_range(std::string zh, std::string en) {
  return make_error(errors::kBusinessTimeOutOfRange, {{"problem", Text(std::move(zh), std::move(en))}});
}

const int64_t kEarliestMs = std::chrono::sys_days{std::chrono::year{1} / 1 / 1}.time_since_epoch().count() * kDayMs;
const int64_t kLatestMs =
    std::chrono::sys_days{std::chrono::year{10000} / 1 / 1}.time_since_epoch().count() * kDayMs - 1;

void check_instant(Instant t) {
  auto ms = to_unix_ms(t);
  if (ms < kEarliestMs || ms > kLatestMs)
    throw out_of_range("时间超出 0001–9999 年的范围", "instant outside the years 0001-9999");
}

}  // namespace

namespace detail {

struct Engine {
  const BusinessCalendar& cal;

  using Specials = std::vector<BusinessCalendar::Special>;

  Specials::const_iterator first_special_from(int64_t day) const {
    return std::lower_bound(cal.special_.begin(), cal.special_.end(), day,
                            [](const BusinessCalendar::Special& s, int64_t d) { return s.day < d; });
  }

  // The hours of local day `day`; `it` is the first special day >= day and moves past it.
  const BusinessCalendar::Day& hours(int64_t day, Specials::const_iterator& it) const {
    if (it != cal.special_.end() && it->day == day) return (it++)->hours;
    return cal.weekly_[weekday_of(day)];
  }

  // How many whole weeks, from day `d`, lie before both `stop_day` and the next special
  // day (`it`): the stretch where the weekly hours repeat unchanged.
  int64_t plain_weeks(int64_t d, int64_t stop_day, Specials::const_iterator it) const {
    if (it != cal.special_.end()) stop_day = std::min(stop_day, it->day);
    return stop_day > d ? (stop_day - d) / 7 : 0;
  }

  // Business milliseconds in [a, c) on the local wall axis.
  int64_t local_between(int64_t a, int64_t c) const {
    int64_t total = 0;
    int64_t d = floor_div(a, kDayMs);
    const int64_t last_whole = floor_div(c, kDayMs);  // days before it end by c
    auto it = first_special_from(d);
    while (d * kDayMs < c) {
      if (a <= d * kDayMs) {
        int64_t weeks = plain_weeks(d, last_whole, it);
        total += weeks * cal.week_total_ms_;
        d += weeks * 7;
        if (d * kDayMs >= c) break;
      }
      const int64_t start = d * kDayMs;
      const auto& day = hours(d, it);
      if (a <= start && start + kDayMs <= c) {
        total += day.total_ms;
      } else {
        for (const auto& s : day.spans) {
          int64_t lo = std::max(start + s.open_ms, a), hi = std::min(start + s.close_ms, c);
          if (lo < hi) total += hi - lo;
        }
      }
      ++d;
    }
    return total;
  }

  // On the local wall axis from `a`, up to `limit`: with need > 0, the first point where
  // `need` business milliseconds have passed (at most `limit`); with need == 0, the first
  // business point (before `limit`). When not reached, nullopt and `used` = business time
  // in [a, limit).
  std::optional<int64_t> local_find(int64_t a, int64_t limit, int64_t need, int64_t& used) const {
    int64_t left = need;
    int64_t d = floor_div(a, kDayMs);
    const int64_t last_whole = floor_div(limit, kDayMs);
    auto it = first_special_from(d);
    while (d * kDayMs < limit) {
      if (a <= d * kDayMs && left > 0) {
        // Leave at least one week's worth so the deadline falls in a day walked below.
        int64_t weeks = std::min(plain_weeks(d, last_whole, it), (left - 1) / cal.week_total_ms_);
        left -= weeks * cal.week_total_ms_;
        d += weeks * 7;
        if (d * kDayMs >= limit) break;
      }
      const int64_t start = d * kDayMs;
      const auto& day = hours(d, it);
      if (a <= start && start + kDayMs <= limit && left > day.total_ms) {
        left -= day.total_ms;
      } else {
        for (const auto& s : day.spans) {
          int64_t lo = std::max(start + s.open_ms, a), hi = std::min(start + s.close_ms, limit);
          if (lo >= hi) continue;
          if (left == 0) return lo;
          if (hi - lo >= left) return lo + left;
          left -= hi - lo;
        }
      }
      ++d;
    }
    used = need - left;
    return std::nullopt;
  }

  // The constant-offset stretch holding `t`: its offset and end, in Unix milliseconds.
  struct Stretch {
    int64_t offset_ms;
    int64_t end_ms;
  };
  Stretch stretch_at(int64_t t) const {
    auto info = cal.zone_->get_info(from_unix_ms(t));
    return {std::chrono::duration_cast<std::chrono::milliseconds>(info.offset).count(),
            std::chrono::duration_cast<std::chrono::milliseconds>(info.end.time_since_epoch()).count()};
  }

  int64_t add(int64_t from, int64_t amount) const {
    const int64_t horizon = from + kHorizon.count();
    int64_t t = from, left = amount;
    while (t < horizon) {
      auto st = stretch_at(t);
      int64_t end = std::min(st.end_ms, horizon), used = 0;
      if (auto p = local_find(t + st.offset_ms, end + st.offset_ms, left, used)) return *p - st.offset_ms;
      left -= used;
      t = end;
    }
    throw out_of_range("期限超出起算时间后 100 年", "the deadline lies more than 100 years after the start");
  }

  int64_t between(int64_t from, int64_t to) const {
    if (to - from > kHorizon.count()) throw out_of_range("时间跨度超过 100 年", "the span is longer than 100 years");
    int64_t total = 0;
    for (int64_t t = from; t < to;) {
      auto st = stretch_at(t);
      int64_t end = std::min(st.end_ms, to);
      total += local_between(t + st.offset_ms, end + st.offset_ms);
      t = end;
    }
    return total;
  }

  bool open_at(int64_t t) const {
    auto local = t + stretch_at(t).offset_ms;
    int64_t d = floor_div(local, kDayMs), wall = local - d * kDayMs;
    auto it = first_special_from(d);
    for (const auto& s : hours(d, it).spans)
      if (s.open_ms <= wall && wall < s.close_ms) return true;
    return false;
  }
};

}  // namespace detail

Instant add_business_time(const BusinessCalendar& calendar, Instant from, std::chrono::milliseconds amount) {
  check_instant(from);
  if (amount.count() < 0) throw out_of_range("时长不能为负数", "a duration cannot be negative");
  return from_unix_ms(detail::Engine{calendar}.add(to_unix_ms(from), amount.count()));
}

Instant add_business_minutes(const BusinessCalendar& calendar, Instant from, int64_t minutes) {
  if (minutes < 0) throw out_of_range("时长不能为负数", "a duration cannot be negative");
  if (minutes > kHorizon.count() / kMinuteMs)
    throw out_of_range("时长超过 100 年", "the duration is longer than 100 years");
  return add_business_time(calendar, from, std::chrono::milliseconds{minutes * kMinuteMs});
}

std::chrono::milliseconds business_time_between(const BusinessCalendar& calendar, Instant from, Instant to) {
  check_instant(from);
  check_instant(to);
  if (to <= from) return std::chrono::milliseconds{0};
  return std::chrono::milliseconds{detail::Engine{calendar}.between(to_unix_ms(from), to_unix_ms(to))};
}

int64_t business_minutes_between(const BusinessCalendar& calendar, Instant from, Instant to) {
  return business_time_between(calendar, from, to).count() / kMinuteMs;
}

bool is_open(const BusinessCalendar& calendar, Instant at) {
  check_instant(at);
  return detail::Engine{calendar}.open_at(to_unix_ms(at));
}

Instant next_open(const BusinessCalendar& calendar, Instant at) {
  return add_business_time(calendar, at, std::chrono::milliseconds{0});
}

}  // namespace kefu::sla
