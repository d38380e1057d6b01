// The quality inspection API (质检): its routes (core/api/module.hpp) and vocabularies.
// The manual side (scorecards, sampling, inspections, appeals, calibration, coaching) is
// in the files without a prefix; the automatic checks in auto_*.
#include "core/api/module.hpp"
#include "quality/domain/vocabulary.hpp"

namespace kefu::api {

void add_quality_routes(RouteTable&);       // routes.cpp (scorecards, settings, sampling)
void add_inspection_routes(RouteTable&);    // inspection_routes.cpp (inspections, appeals, coaching)
void add_calibration_routes(RouteTable&);   // calibration_routes.cpp
void add_quality_auto_routes(RouteTable&);  // auto_routes.cpp (rules, hits)

namespace {

void add_routes(RouteTable& r) {
  add_quality_routes(r);
  add_inspection_routes(r);
  add_calibration_routes(r);
  add_quality_auto_routes(r);
}

void add_vocabulary(nlohmann::json& v) {
  v["qa_channel_kinds"] = terms_json<quality::ChannelKind>();
  v["qa_subject_kinds"] = terms_json<quality::SubjectKind>();
  v["qa_reasons"] = terms_json<quality::Reason>();
  v["qa_statuses"] = terms_json<quality::Status>();
  v["qa_results"] = terms_json<quality::Result>();
  v["qa_materials"] = terms_json<quality::Material>();
}

}  // namespace

ApiModule quality_api() { return {"quality", add_routes, add_vocabulary}; }

}  // namespace kefu::api
