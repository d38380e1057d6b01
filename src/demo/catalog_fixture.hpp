#pragma once
// Shared by the demo catalogue tests: one generated catalogue and independent helpers
// (Shanghai wall clock computed by hand, not by the generator's calendar code).
#include <algorithm>
#include <string>
#include <vector>

#include "demo/catalog.hpp"

namespace kefu::demo::catalog_testing {

// 2025-05-21 12:00 in Shanghai: the window covers Qingming and Labour Day.
inline constexpr int64_t kNow = 1747800000;
inline constexpr int64_t kDay = 86400;

inline const Catalog& shared() {
  static const Catalog catalog = generate(42, kNow);
  return catalog;
}

inline bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

inline const Staff* find_staff(const Catalog& c, const std::string& username) {
  for (const auto& s : c.staff) {
    if (s.username == username) return &s;
  }
  return nullptr;
}

inline const Store* find_store(const Catalog& c, const std::string& code) {
  for (const auto& s : c.stores) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

inline size_t chars(const std::string& utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

inline int clock_seconds(const std::string& hhmm) {
  return std::stoi(hhmm.substr(0, 2)) * 3600 + std::stoi(hhmm.substr(3)) * 60;
}

// Independent of the generator's calendar code: Shanghai is UTC+8 without DST,
// and 1970-01-01 was a Thursday.
inline bool open_at(const Store& store, int64_t unix_time) {
  const int64_t local = unix_time + 8 * 3600;
  const int64_t day = local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
  const int weekday = static_cast<int>((day + 4) % 7);
  const int64_t second = local - day * kDay;
  for (const auto& p : store.hours) {
    if (p.weekday == weekday && second >= clock_seconds(p.open) && second < clock_seconds(p.close)) return true;
  }
  return false;
}

inline int local_hour(int64_t unix_time) { return static_cast<int>(((unix_time + 8 * 3600) % kDay) / 3600); }
inline int local_weekday(int64_t unix_time) { return static_cast<int>(((unix_time + 8 * 3600) / kDay + 4) % 7); }

inline std::string fingerprint(const Catalog& c) {
  std::string out;
  for (const auto& s : c.staff) out += s.username + s.phone + ";";
  for (const auto& m : c.members) out += m.member_no + m.name + m.phone + m.tier + m.birthday + m.home_store + ";";
  for (const auto& t : c.tickets) {
    out += t.store_code + t.type + t.channel + t.priority + t.subject + t.description + t.location + t.owner +
           t.purchase_ref + std::to_string(t.created_at) + std::to_string(t.member_index) + ";";
    for (const auto& e : t.events) out += std::to_string(e.offset_seconds) + e.kind + e.actor + e.text + e.to_status;
  }
  return out;
}

}  // namespace kefu::demo::catalog_testing
