#include "feedback/domain/model_choice.hpp"

#include <date/tz.h>

#include <chrono>
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

// The figure a task is judged by, or nullopt when the held-out part cannot judge it.
std::optional<Refusal> compare(const char* zh, const char* en, const std::optional<TaskFigure>& candidate,
                               const std::optional<TaskFigure>& active, bool use_macro_f1, double tolerance) {
  if (!active || active->n == 0) return std::nullopt;
  if (!candidate)
    return Refusal{std::string("新版本无法判断") + zh + "（标注样本的类别不足两个）",
                   std::string("the new version cannot classify ") + en + " (fewer than two labels)"};
  const double c = use_macro_f1 ? candidate->macro_f1 : candidate->accuracy;
  const double a = use_macro_f1 ? active->macro_f1 : active->accuracy;
  if (c >= a - tolerance) return std::nullopt;
  const char* measure = use_macro_f1 ? "macro-F1" : "accuracy";
  const char* measure_zh = use_macro_f1 ? "宏平均 F1" : "准确率";
  return Refusal{std::string(zh) + measure_zh + " " + points(c) + " 低于当前版本的 " + points(a) + "（同一留出集）",
                 std::string(en) + " " + measure + " " + points(c) + " is below the active version's " + points(a) +
                     " (same held-out examples)"};
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

std::optional<Refusal> refuse(const VersionFigures& candidate, const std::optional<VersionFigures>& active,
                              double tolerance) {
  if (!candidate.topic && !candidate.sentiment)
    return Refusal{"没有可学习的标注样本（每项至少需要两个类别）",
                   "nothing to learn from (each task needs at least two labels)"};
  if (!active) return std::nullopt;
  if (auto r = compare("主题", "topic", candidate.topic, active->topic, true, tolerance)) return r;
  return compare("情感", "sentiment", candidate.sentiment, active->sentiment, false, tolerance);
}

}  // namespace kefu::feedback
