#include "bot/domain/hours.hpp"

#include <date/tz.h>

#include <algorithm>
#include <array>

namespace kefu::bot {
namespace {

namespace ch = std::chrono;

DayHours day_of(const sla::BusinessCalendar& cal, date::local_days day) {
  DayHours d;
  d.date = date::format("%F", day);
  d.weekday = static_cast<int>(date::weekday{day}.c_encoding());
  const auto& spec = cal.spec();
  auto special = std::find_if(spec.special_days.begin(), spec.special_days.end(),
                              [&](const sla::SpecialDay& s) { return s.date == d.date; });
  if (special != spec.special_days.end()) {
    d.special = true;
    d.name = special->name;
    d.periods = special->hours;
  } else {
    for (const auto& p : spec.weekly)
      if (p.weekday == d.weekday) d.periods.push_back({p.open, p.close});
  }
  std::sort(d.periods.begin(), d.periods.end(), [](const auto& a, const auto& b) { return a.open < b.open; });
  return d;
}

std::string local(const sla::BusinessCalendar& cal, sla::Instant at) {
  date::zoned_time<ch::milliseconds> z{cal.spec().time_zone, at};
  return date::format("%F %R", date::floor<ch::minutes>(z.get_local_time()));
}

std::string periods_text(const DayHours& d) {
  std::string out;
  for (const auto& p : d.periods) out += (out.empty() ? "" : "、") + p.open + "–" + p.close;
  return out;
}

// "12月4日 周五", and the special day's name.
std::string day_label(const DayHours& d) {
  static constexpr std::array<const char*, 7> kWeekday{"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
  const int month = std::stoi(d.date.substr(5, 2)), day = std::stoi(d.date.substr(8, 2));
  std::string out = std::to_string(month) + "月" + std::to_string(day) + "日 " + kWeekday[d.weekday];
  if (d.special && !d.name.empty()) out += " " + d.name;
  return out;
}

std::string day_text(const char* which, const DayHours& d) {
  const std::string head = std::string(which) + "（" + day_label(d) + "）";
  if (d.periods.empty()) return head + "休息，不营业。";
  return head + (d.special ? "特别营业时间 " : "营业时间 ") + periods_text(d) + "。";
}

}  // namespace

StoreHours store_hours(const sla::BusinessCalendar& cal, sla::Instant now) {
  date::zoned_time<ch::milliseconds> z{cal.spec().time_zone, now};
  const auto today = date::floor<date::days>(z.get_local_time());
  StoreHours out;
  out.today = day_of(cal, today);
  out.open_now = sla::is_open(cal, now);
  if (!out.open_now) {
    out.tomorrow = day_of(cal, today + date::days{1});
    out.next_open = local(cal, sla::next_open(cal, now));
  }
  return out;
}

std::string hours_text(const StoreHours& h) {
  std::string out = day_text("今天", h.today);
  if (h.open_now) return out + "现在正在营业。";
  const auto hhmm = h.next_open.substr(11);
  if (h.next_open.substr(0, 10) == h.today.date) return out + "现在不在营业时间，今天 " + hhmm + " 开门。";
  out += "现在不在营业时间。";
  if (h.tomorrow) out += day_text("明天", *h.tomorrow);
  if (!h.tomorrow || h.next_open.substr(0, 10) != h.tomorrow->date)
    out += "下次开门：" + h.next_open.substr(0, 10) + " " + hhmm + "。";
  return out;
}

}  // namespace kefu::bot
