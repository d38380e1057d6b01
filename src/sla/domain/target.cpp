#include "sla/domain/target.hpp"

#include "core/domain/error.hpp"
#include "sla/domain/errors.hpp"

namespace kefu::sla {

const std::optional<Target>& Targets::operator[](Metric m) const {
  switch (m) {
    case Metric::first_response:
      return first_response;
    case Metric::resolution:
      return resolution;
    case Metric::callback:
      break;
  }
  return callback;
}

std::optional<Target>& Targets::operator[](Metric m) {
  return const_cast<std::optional<Target>&>(static_cast<const Targets&>(*this)[m]);
}

std::string_view name(Metric m) {
  switch (m) {
    case Metric::first_response:
      return "first_response";
    case Metric::resolution:
      return "resolution";
    case Metric::callback:
      break;
  }
  return "callback";
}

std::string_view name_zh(Metric m) {
  switch (m) {
    case Metric::first_response:
      return "首次响应";
    case Metric::resolution:
      return "办结";
    case Metric::callback:
      break;
  }
  return "回访";
}

std::optional<Metric> metric_from(std::string_view code) {
  for (Metric m : kMetrics)
    if (name(m) == code) return m;
  return std::nullopt;
}

std::string_view name(TimeMode m) { return m == TimeMode::business ? "business" : "calendar"; }

std::optional<TimeMode> time_mode_from(std::string_view code) {
  if (code == "business") return TimeMode::business;
  if (code == "calendar") return TimeMode::calendar;
  return std::nullopt;
}

void check_target(const Target& target, const std::string& field) {
  if (target.minutes >= 1 && target.minutes <= kMaxTargetMinutes) return;
  throw make_error(errors::kInvalidTarget, {{"min", 1}, {"max", kMaxTargetMinutes}}, field);
}

}  // namespace kefu::sla
