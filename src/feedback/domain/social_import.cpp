#include "feedback/domain/social_import.hpp"

#include <cctype>
#include <cmath>
#include <vector>

#include "auth/domain/password.hpp"

namespace kefu::feedback {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

bool digits_only(std::string_view s) {
  if (s.empty()) return false;
  for (char ch : s)
    if (!std::isdigit(static_cast<unsigned char>(ch))) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Reads the zone at the end of `s` ("Z", "+08:00", "-0500") in minutes east of UTC and
// removes it; nullopt (and `s` unchanged) when there is none.
std::optional<int> take_zone(std::string_view& s) {
  if (!s.empty() && (s.back() == 'Z' || s.back() == 'z')) {
    s.remove_suffix(1);
    return 0;
  }
  const auto sign = s.find_last_of("+-");
  if (sign == std::string_view::npos || sign < 10) return std::nullopt;  // a date's own dashes
  std::string digits;
  for (char ch : s.substr(sign + 1))
    if (ch != ':') digits += ch;
  if (digits.size() != 4 || !digits_only(digits)) return std::nullopt;
  const int minutes = std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2));
  const bool west = s[sign] == '-';
  s = trim(s.substr(0, sign));
  return west ? -minutes : minutes;
}

}  // namespace

std::optional<int64_t> parse_post_time(std::string_view text, int offset_minutes) {
  auto s = trim(text);
  if (digits_only(s) && s.size() == 10) return std::stoll(std::string(s)) * 1000;
  if (digits_only(s) && s.size() == 13) return std::stoll(std::string(s));
  if (s.size() < 8) return std::nullopt;
  const int zone = take_zone(s).value_or(offset_minutes);
  // The numbers in order: year, month, day, hour, minute, second, fraction.
  std::vector<std::string> nums(1);
  for (char ch : s) {
    if (std::isdigit(static_cast<unsigned char>(ch))) {
      nums.back() += ch;
    } else if (!nums.back().empty()) {
      nums.emplace_back();
    }
  }
  if (nums.back().empty()) nums.pop_back();
  if (nums.size() < 3 || nums.size() > 7 || nums[0].size() != 4) return std::nullopt;
  for (std::size_t i = 1; i < nums.size() && i < 6; ++i)
    if (nums[i].size() > 2) return std::nullopt;
  const int64_t y = std::stoll(nums[0]);
  const auto m = static_cast<unsigned>(std::stoul(nums[1]));
  const auto d = static_cast<unsigned>(std::stoul(nums[2]));
  const int h = nums.size() > 3 ? std::stoi(nums[3]) : 0;
  const int mi = nums.size() > 4 ? std::stoi(nums[4]) : 0;
  const int sec = nums.size() > 5 ? std::stoi(nums[5]) : 0;
  int ms = 0;
  if (nums.size() > 6) ms = std::stoi((nums[6] + "00").substr(0, 3));
  if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m) || h > 23 || mi > 59 || sec > 60)
    return std::nullopt;
  const int64_t local = ((days_from_civil(y, m, d) * 24 + h) * 60 + mi) * 60 + sec;
  return (local - int64_t{zone} * 60) * 1000 + ms;
}

std::optional<int> parse_stars(std::string_view text) {
  const auto s = trim(text);
  if (s.empty() || s.size() > 8) return std::nullopt;
  double v = 0;
  try {
    std::size_t used = 0;
    v = std::stod(std::string(s), &used);
    if (used != s.size()) return std::nullopt;
  } catch (...) {
    return std::nullopt;
  }
  if (v >= 10 && v <= 50) v /= 10;
  const auto stars = static_cast<int>(std::floor(v + 0.5));
  if (stars < 1 || stars > 5) return std::nullopt;
  return stars;
}

std::string social_ref(std::string_view source_name, std::string_view post_id, std::string_view author,
                       std::string_view time, std::string_view text) {
  const auto id = trim(post_id);
  std::string out(source_name);
  out += ':';
  if (!id.empty() && id.size() <= 120) return out + std::string(id);
  std::string key(author);
  key += '\n';
  key += time;
  key += '\n';
  key += text;
  return out + "#" + people::sha256_hex(key).substr(0, 32);
}

}  // namespace kefu::feedback
