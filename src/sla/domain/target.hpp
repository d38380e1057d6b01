#pragma once
#include <array>
// The three SLA metrics (首次响应 / 办结 / 回访) and their targets: how long each may take,
// counted in business time (the store's opening hours, see calendar.hpp) or in calendar
// time (round the clock). Targets are whole minutes; everything computed from them is in
// milliseconds, so no rounding happens anywhere in the SLA arithmetic.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/vocabulary.hpp"

namespace kefu::sla {

enum class Metric { first_response, resolution, callback };
inline constexpr Metric kMetrics[] = {Metric::first_response, Metric::resolution, Metric::callback};

enum class TimeMode { business, calendar };

// The longest target accepted: one year of minutes.
inline constexpr int64_t kMaxTargetMinutes = 366LL * 24 * 60;

struct Target {
  int64_t minutes = 0;  // 1 .. kMaxTargetMinutes
  TimeMode mode = TimeMode::business;

  std::chrono::milliseconds duration() const { return std::chrono::minutes{minutes}; }
  friend bool operator==(const Target&, const Target&) = default;
};

// One target per metric; a metric without a target has no clock.
struct Targets {
  std::optional<Target> first_response;
  std::optional<Target> resolution;
  std::optional<Target> callback;  // counted from resolution

  const std::optional<Target>& operator[](Metric m) const;
  std::optional<Target>& operator[](Metric m);
  friend bool operator==(const Targets&, const Targets&) = default;
};

// Stable codes for JSON and storage: "first_response", "resolution", "callback";
// "business", "calendar". The *_from functions return nullopt for anything else.
std::string_view name(Metric m);
// The metrics' labels (the glossary: 首次响应 / 办结 / 回访).
inline constexpr std::array<Term<Metric>, 3> kMetricTerms{{
    {Metric::first_response, "first_response", "首次响应", "First response"},
    {Metric::resolution, "resolution", "办结", "Resolution"},
    {Metric::callback, "callback", "回访", "Callback"},
}};
std::string_view name_zh(Metric m);
std::optional<Metric> metric_from(std::string_view code);
std::string_view name(TimeMode m);
std::optional<TimeMode> time_mode_from(std::string_view code);

// Throws kefu::Error (invalid_input, code invalid_target, the given field) unless
// 1 <= minutes <= kMaxTargetMinutes.
void check_target(const Target& target, const std::string& field);

}  // namespace kefu::sla
