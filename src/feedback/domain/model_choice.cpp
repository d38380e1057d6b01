#include "feedback/domain/model_choice.hpp"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace kefu::feedback {

namespace {

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
  return h;
}

std::string points(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", v * 100);
  return buf;
}

// Whether the candidate is worse than the active version on one task (see the header).
std::optional<Refusal> compare(const char* zh, const char* en, const std::optional<TaskFigure>& candidate,
                               const std::optional<TaskFigure>& active) {
  if (!active || active->n == 0) return std::nullopt;
  if (!candidate)
    return Refusal{std::string("新版本无法判断") + zh + "（标注样本的类别不足两个）",
                   std::string("the new version cannot classify ") + en + " (fewer than two labels)"};
  int b = 0, c = 0;
  const auto n = std::min(candidate->correct.size(), active->correct.size());
  for (std::size_t i = 0; i < n; ++i) {
    b += active->correct[i] && !candidate->correct[i];
    c += !active->correct[i] && candidate->correct[i];
  }
  if (b - c <= std::max(1.0, kOneSided95 * std::sqrt(static_cast<double>(b + c)))) return std::nullopt;
  return Refusal{std::string(zh) + "：在同一留出集上，当前版本答对而新版本答错 " + std::to_string(b) + " 条，反之 " +
                     std::to_string(c) + " 条（准确率 " + points(candidate->accuracy) + "，当前版本 " +
                     points(active->accuracy) + "），显著更差",
                 std::string(en) + ": on the same held-out examples the new version got " + std::to_string(b) +
                     " wrong that the active one got right and " + std::to_string(c) + " the other way (accuracy " +
                     points(candidate->accuracy) + " against " + points(active->accuracy) + "): significantly worse"};
}

}  // namespace

bool held_out(std::string_view text, std::string_view origin) {
  if (origin == "correction") return false;
  return fnv1a(text) % 5 == 0;
}

std::optional<std::string> nightly_date(int64_t now_ms, const std::string& zone) {
  using namespace std::chrono;
  const sys_time<milliseconds> t{milliseconds{now_ms}};
  date::local_time<milliseconds> local{milliseconds{now_ms}};
  try {
    local = date::locate_zone(zone)->to_local(t);
  } catch (const std::exception&) {
  }
  const auto day = date::floor<date::days>(local);
  const auto hour = duration_cast<hours>(local - day).count();
  if (hour < 3 || hour >= 6) return std::nullopt;
  const date::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return std::string(buf);
}

std::optional<Refusal> refuse(const VersionFigures& candidate, const std::optional<VersionFigures>& active) {
  if (!candidate.topic && !candidate.sentiment)
    return Refusal{"没有可学习的标注样本（每项至少需要两个类别）",
                   "nothing to learn from (each task needs at least two labels)"};
  if (!active) return std::nullopt;
  if (auto r = compare("主题", "topic", candidate.topic, active->topic)) return r;
  return compare("情感", "sentiment", candidate.sentiment, active->sentiment);
}

}  // namespace kefu::feedback
