// The feedback classifier's API (docs/feedback.md "Classification"): classify a text or a
// batch, the labelled examples (import, list, delete), the model versions (train now, list).
#include <memory>

#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/errors.hpp"
#include "feedback/api/classify_render.hpp"
#include "feedback/api/render.hpp"
#include "feedback/app/feedback_learning.hpp"
#include "feedback/app/feedback_review.hpp"
#include "feedback/app/feedback_training.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxBatch = 100;

app::FeedbackModels& models_of(Services& s) {
  if (!s.feedback_models) throw make_error(errors::kBusy);
  return *s.feedback_models;
}

// POST /feedback/classify {text} or {texts: [..]} (at most 100).
void classify(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto b = parse_object(req);
  const auto& models = models_of(s);
  if (!b.contains("texts")) {
    const auto text = req_string(b, "text");
    reply(ok(200, classify_render::classification(models.classify(text))));
    return;
  }
  const auto texts = string_list(b, "texts");
  if (texts.size() > kMaxBatch) throw make_error(errors::kTooLong, {{"what", "texts"}, {"max", kMaxBatch}}, "texts");
  json items = json::array();
  int64_t version = 0;
  for (const auto& t : texts) {
    auto c = models.classify(t);
    version = c.version;
    items.push_back(classify_render::classification(c));
  }
  reply(ok(200, {{"version", version ? json(version) : json(nullptr)}, {"items", items}}));
}

void import_examples(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto b = parse_object(req);
  const auto format = req_string(b, "format");
  const auto text = req_string(b, "text");
  write(s, req, std::move(reply), actor, [format, text](app::Context& c) {
    const auto r = app::import_examples(c, format, text);
    json skipped = json::array();
    for (const auto& x : r.skipped)
      skipped.push_back(
          {{"line", x.line}, {"code", x.code}, {"message_zh", x.message_zh}, {"message_en", x.message_en}});
    return ok(200, {{"rows", r.rows},
                    {"added", r.added},
                    {"updated", r.updated},
                    {"unchanged", r.unchanged},
                    {"skipped", skipped}});
  });
}

void list_examples(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  storage::ExampleFilter f;
  if (auto v = req.query_value("origin"); !v.empty()) f.origin = std::string(v);
  f.before_id = query_int(req, "before").value_or(0);
  f.limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(100), 1, 500));
  read(s, req, reply, actor, [f](app::Context& c) {
    const auto rows = app::list_examples(c, f);
    json items = json::array();
    for (const auto& e : rows) items.push_back(classify_render::example(e));
    const auto n = app::count_examples(c);
    return ok(200, {{"items", items},
                    {"next_before", static_cast<int>(rows.size()) == f.limit ? json(rows.back().id) : json(nullptr)},
                    {"counts", {{"seed", n.seed}, {"import", n.import}, {"correction", n.correction}}}});
  });
}

void delete_example(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  write(s, req, std::move(reply), actor, [id](app::Context& c) {
    app::delete_example(c, id);
    return ok(200, {{"id", id}, {"deleted", true}});
  });
}

// POST /feedback/models: trains on the worker pool (seconds at 50,000 examples), then keeps
// the version in a write; this node uses it at once when it replaced the active one.
void train(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto& models = models_of(s);
  auto request = std::make_shared<http::Request>(req);
  run_slow(s, [&s, &models, request, reply, actor] {
    try {
      // One training at a time on a node; a second request is told to retry rather than hold
      // a worker thread (they also hash passwords) for seconds.
      std::unique_lock lock(models.training(), std::try_to_lock);
      if (!lock.owns_lock()) throw make_error(errors::kBusy);
      const auto active = models.current();
      auto trained = std::make_shared<app::TrainedVersion>(
          app::train_version(s.db.reader(), models.tools(), active.get(), {"on_demand", actor.staff_id, s.now_ms()}));
      lock.unlock();
      http::Reply installing = [&models, trained, reply](http::Response r) {
        if (r.status == 201 && trained->record.active) models.set(trained->classifier);
        reply(std::move(r));
      };
      write(s, *request, installing, actor, [trained](app::Context& c) {
        *trained = app::keep_version(c, std::move(*trained));
        return ok(201, {{"model", classify_render::model(trained->record)}});
      });
    } catch (...) {
      reply(error_response(*request, std::current_exception()));
    }
  });
}

void list_models(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto before = query_int(req, "before").value_or(0);
  const auto limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(20), 1, 100));
  const auto* models = s.feedback_models;
  read(s, req, reply, actor, [before, limit, models](app::Context& c) {
    const auto rows = app::list_versions(c, before, limit);
    json items = json::array();
    for (const auto& m : rows) items.push_back(classify_render::model(m));
    const auto active = c.store<storage::FeedbackModelStore>().active_model_id();
    const auto in_use = models ? models->current() : nullptr;
    return ok(200, {{"items", items},
                    {"active_id", active ? json(*active) : json(nullptr)},
                    {"in_use_id", in_use ? json(in_use->version) : json(nullptr)},
                    {"next_before", static_cast<int>(rows.size()) == limit ? json(rows.back().id) : json(nullptr)}});
  });
}

// POST /feedback/items/classify {ids?: [..], limit?}: labels items without a prediction (the
// named ones, or the newest of the caller's stores, at most limit ≤ 5,000) with the version in use.
void classify_items(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto b = parse_object(req, true);
  const auto ids = b.contains("ids") ? int_list(b, "ids") : std::vector<int64_t>{};
  const auto limit = static_cast<int>(std::clamp<int64_t>(maybe_int(b, "limit").value_or(1000), 1, 5000));
  auto& models = models_of(s);
  auto request = std::make_shared<http::Request>(req);
  run_slow(s, [&s, &models, request, reply, actor, ids, limit] {
    try {
      app::Context r{s.db.reader(), actor, s.now_ms(), s.segmenter.get()};
      auto predicted = std::make_shared<std::vector<app::Predicted>>(
          app::classify_pending(models, app::pending_items(r, ids, limit)));
      const auto version = models.current() ? json(models.current()->version) : json(nullptr);
      write(s, *request, reply, actor, [predicted, version](app::Context& c) {
        return ok(200, {{"classified", app::store_predictions(c, *predicted)}, {"version", version}});
      });
    } catch (...) {
      reply(error_response(*request, std::current_exception()));
    }
  });
}

// GET /feedback/review?store_id&limit: the least certain unconfirmed items first (active learning).
void review(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto store_id = query_int(req, "store_id");
  const auto limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(20), 1, 100));
  const auto* models = s.feedback_models;
  read_on_worker(s, req, reply, actor, [actor, store_id, limit, models](app::Context& c) {
    json items = json::array();
    for (const auto& r : app::review_queue(c, models, store_id, limit)) {
      auto j = kefu::feedback_render::item(r.item, actor);
      j["current"] = classify_render::classification(r.classification);
      j["current"]["margin"] = r.margin;
      items.push_back(std::move(j));
    }
    const auto in_use = models ? models->current() : nullptr;
    return ok(200, {{"items", items}, {"version", in_use ? json(in_use->version) : json(nullptr)}});
  });
}

}  // namespace

void add_feedback_classify_routes(RouteTable& r) {
  r.add("POST", "/api/v1/feedback/classify", staff("agent", "feedback:read"), classify);
  r.add("POST", "/api/v1/feedback/examples", staff("supervisor", "feedback:write"), import_examples);
  r.add("GET", "/api/v1/feedback/examples", staff("supervisor", "feedback:read"), list_examples);
  r.add("DELETE", "/api/v1/feedback/examples/{id}", staff("supervisor", "feedback:write"), delete_example);
  r.add("POST", "/api/v1/feedback/models", staff("supervisor", "feedback:write"), train);
  r.add("GET", "/api/v1/feedback/models", staff("supervisor", "feedback:read"), list_models);
  r.add("POST", "/api/v1/feedback/items/classify", staff("supervisor", "feedback:write"), classify_items);
  r.add("GET", "/api/v1/feedback/review", staff("agent", "feedback:read"), review);
}

}  // namespace kefu::api
