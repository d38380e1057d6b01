// The feedback API: its routes (core/api/module.hpp) and vocabularies.
#include "core/api/module.hpp"
#include "feedback/domain/action.hpp"
#include "feedback/domain/nps_campaign.hpp"
#include "feedback/domain/vocabulary.hpp"

namespace kefu::api {

void add_feedback_item_routes(RouteTable&);      // item_routes.cpp
void add_feedback_intake_routes(RouteTable&);    // intake_routes.cpp
void add_feedback_classify_routes(RouteTable&);  // classify_routes.cpp (the classifier)
void add_feedback_import_routes(RouteTable&);    // import_routes.cpp
void add_feedback_hot_routes(RouteTable&);       // hot_routes.cpp
void add_feedback_nps_routes(RouteTable&);       // nps_routes.cpp
void add_feedback_action_routes(RouteTable&);    // action_routes.cpp

namespace {

void add_routes(RouteTable& r) {
  add_feedback_item_routes(r);
  add_feedback_intake_routes(r);
  add_feedback_classify_routes(r);
  add_feedback_import_routes(r);
  add_feedback_hot_routes(r);
  add_feedback_nps_routes(r);
  add_feedback_action_routes(r);
}

void add_vocabulary(nlohmann::json& v) {
  v["feedback_sources"] = terms_json<feedback::Source>();
  v["touchpoints"] = terms_json<feedback::Touchpoint>();
  v["sentiments"] = terms_json<feedback::Sentiment>();
  v["nps_triggers"] = terms_json<feedback::NpsTrigger>();
  v["nps_categories"] = terms_json<feedback::NpsCategory>();
  v["feedback_action_states"] = terms_json<feedback::ActionState>();
}

}  // namespace

ApiModule feedback_api() { return {"feedback", add_routes, add_vocabulary}; }

}  // namespace kefu::api
