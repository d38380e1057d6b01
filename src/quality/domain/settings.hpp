#pragma once
// A store's quality settings (质检设置): the sampling rules and the appeal window.
//
// The appeal window is in calendar days (default 3), not business days: the stores are
// open every day and inspectors and agents work shifts across weekends, so a business
// calendar would only stretch the wait for everyone.
#include "quality/domain/sampler.hpp"

namespace kefu::quality {

struct Settings {
  SamplingRules sampling;
  int appeal_days = 3;  // 1 … 14
  friend bool operator==(const Settings&, const Settings&) = default;
};

// Throws invalid_input naming the field: appeal_days 1 … 14, each sampling number 0 … 50.
void validate(const Settings&);

}  // namespace kefu::quality
