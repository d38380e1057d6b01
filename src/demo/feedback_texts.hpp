#pragma once
// What customers of the demo's two stores said, in our own words: short feedback as it
// comes from a QR form, the desk and review sites, per topic of the default taxonomy and
// sentiment. Only for the demo; kefu learns from an installation's own data.
#include <span>

namespace kefu::demo {

struct FeedbackText {
  const char* topic;      // a default topic code (feedback/domain/topics.hpp)
  const char* sentiment;  // positive | negative
  const char* text;
};

std::span<const FeedbackText> feedback_texts();

}  // namespace kefu::demo
