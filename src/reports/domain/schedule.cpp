#include "reports/domain/schedule.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <charconv>

namespace kefu::reports {
namespace {

using namespace std::chrono;
using Ms = milliseconds;

constexpr std::array<std::string_view, 3> kFrequencies = {"daily", "weekly", "monthly"};
constexpr std::array<std::string_view, 3> kFrequenciesZh = {"日报", "周报", "月报"};
constexpr std::array<std::string_view, 3> kKinds = {"summary", "tickets", "sla"};
constexpr std::array<std::string_view, 3> kKindsZh = {"服务概览", "工单明细", "SLA 达标"};

const date::time_zone* zone_of(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return date::locate_zone("UTC");
  }
}

int64_t to_ms(const date::time_zone* z, date::local_time<minutes> t) {
  // A wall-clock time skipped by a DST jump runs at the first instant after it.
  return duration_cast<Ms>(z->to_sys(t, date::choose::earliest).time_since_epoch()).count();
}

date::local_days local_day(const date::time_zone* z, int64_t ms) {
  return date::floor<date::days>(z->to_local(date::sys_time<Ms>{Ms{ms}}));
}

// The local day on which a run happens at or after `day` (inclusive).
date::local_days run_day_on_or_after(Frequency f, date::local_days day) {
  if (f == Frequency::daily) return day;
  if (f == Frequency::weekly) {
    const date::weekday wd{day};
    return day + (date::Monday - wd);  // weekday difference is 0–6 days forward
  }
  const date::year_month_day ymd{day};
  if (ymd.day() == date::day{1}) return day;
  return date::local_days{(ymd.year() / ymd.month() + date::months{1}) / 1};
}

std::string ymd(date::local_days d) { return date::format("%F", d); }

}  // namespace

std::optional<Frequency> frequency_from(std::string_view code) {
  for (std::size_t i = 0; i < kFrequencies.size(); ++i)
    if (kFrequencies[i] == code) return static_cast<Frequency>(i);
  return std::nullopt;
}
std::string_view name(Frequency f) { return kFrequencies[static_cast<int>(f)]; }
std::string_view name_zh(Frequency f) { return kFrequenciesZh[static_cast<int>(f)]; }

std::optional<ReportKind> report_kind_from(std::string_view code) {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i] == code) return static_cast<ReportKind>(i);
  return std::nullopt;
}
std::string_view name(ReportKind k) { return kKinds[static_cast<int>(k)]; }
std::string_view name_zh(ReportKind k) { return kKindsZh[static_cast<int>(k)]; }

int64_t next_run_after(Frequency f, int hour, const std::string& time_zone, int64_t now) {
  const auto* z = zone_of(time_zone);
  auto day = run_day_on_or_after(f, local_day(z, now) - date::days{1});
  for (;;) {
    const int64_t at = to_ms(z, date::local_time<minutes>{day} + hours{hour});
    if (at > now) return at;
    day = run_day_on_or_after(f, day + date::days{1});
  }
}

Period period_before(Frequency f, int64_t run_at, const std::string& time_zone) {
  const auto* z = zone_of(time_zone);
  const auto today = local_day(z, run_at);
  date::local_days from, to;
  std::string label;
  if (f == Frequency::daily) {
    to = today;
    from = today - date::days{1};
    label = ymd(from);
  } else if (f == Frequency::weekly) {
    to = today - (date::weekday{today} - date::Monday);  // this week's Monday
    from = to - date::days{7};
    label = ymd(from) + " 至 " + ymd(to - date::days{1});
  } else {
    const date::year_month_day d{today};
    to = date::local_days{d.year() / d.month() / 1};
    const auto prev = d.year() / d.month() - date::months{1};
    from = date::local_days{prev / 1};
    label = date::format("%Y-%m", from);
  }
  return {to_ms(z, date::local_time<minutes>{from}), to_ms(z, date::local_time<minutes>{to}), label};
}

std::optional<Recipient> parse_recipient(std::string_view text) {
  if (text.starts_with("staff:")) {
    int64_t id = 0;
    const auto digits = text.substr(6);
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec != std::errc() || p != digits.data() + digits.size() || id <= 0) return std::nullopt;
    return Recipient{id, {}};
  }
  if (text.empty() || text.size() > 254) return std::nullopt;
  for (unsigned char c : text)
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '(' || c == ')')
      return std::nullopt;
  const auto at = text.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == text.size()) return std::nullopt;
  if (text.substr(at + 1).find('.') == std::string_view::npos) return std::nullopt;
  return Recipient{std::nullopt, std::string(text)};
}

std::string recipient_text(const Recipient& r) { return r.staff_id ? "staff:" + std::to_string(*r.staff_id) : r.email; }

}  // namespace kefu::reports
