// The story the demo tells (docs/demo.md): a well-run store chain with three problems a
// manager can find by walking from a figure to its cause. Every part of the demo that
// plays a role in it (ticket timelines, CSAT ratings, chats, feedback) reads these, and
// the story tests (story_test.cpp) check them as a manager would. All are relative to
// the demo's "now", so the story holds whatever day the demo is loaded.
#pragma once

#include <cstdint>
#include <string_view>

namespace kefu::demo::story {

inline constexpr int64_t kDaySeconds = 86400;

// Problem 1: 物业管理部 (property) changed its maintenance contractor four weeks ago;
// since then its collaboration tasks are answered two to three times later and the
// tickets that wait on it miss their resolution target far more often.
inline constexpr std::string_view kSlowDepartment = "property";
inline constexpr int kSlowDays = 28;

// Problem 2: the car parks switched to a new payment system three weeks ago; parking
// payment (停车缴费) complaints, questions, chats and feedback have grown since.
inline constexpr std::string_view kRisingCategory = "停车";
inline constexpr std::string_view kRisingTopic = "parking";  // feedback topic
inline constexpr int kRisingDays = 21;

// Problem 3: 刘洋 (liuyang), a desk agent in 上海静安店, slipped this last month: more low
// ratings on the tickets he owns and a few reopened, while his colleagues stay steady.
inline constexpr std::string_view kSlippingAgent = "liuyang";
inline constexpr int kSlippingDays = 30;

// True when `at` (unix seconds) lies in the last `days` days before `now`.
inline bool within_days(int64_t at, int64_t now, int days) { return at <= now && now - at < days * kDaySeconds; }

// The share (percent) of a day's tickets that the rising topic adds, `age` seconds before
// now: nothing before the payment switch, then growing to 25% today.
inline int rising_percent(int64_t age) {
  const int64_t span = kRisingDays * kDaySeconds;
  if (age < 0 || age >= span) return 0;
  return static_cast<int>(25 * (span - age) / span);
}

}  // namespace kefu::demo::story
