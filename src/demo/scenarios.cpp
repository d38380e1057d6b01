#include "demo/texts.hpp"

namespace kefu::demo::detail {

const std::vector<Scenario>& scenarios() {
  static const std::vector<Scenario> kAll = [] {
    std::vector<Scenario> all;
    add_inquiry_scenarios(all);
    add_service_scenarios(all);
    add_complaint_scenarios(all);
    add_return_scenarios(all);
    add_feedback_scenarios(all);
    add_story_scenarios(all);
    return all;
  }();
  return kAll;
}

}  // namespace kefu::demo::detail
