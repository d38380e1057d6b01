// FeedbackModelStore over SQL, the same on SQLite and PostgreSQL.
#include "feedback/storage/feedback_model_store.hpp"

#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

constexpr const char* kExampleColumns =
    "id, text, topic, sentiment, origin, item_id, created_at, created_by, updated_at";
// Everything but the model bytes, which model() adds.
constexpr const char* kModelColumns =
    "id, trained_at, trained_by, trigger_kind, examples, examples_stamp, training_ms, held_out_topic, "
    "held_out_sentiment, topic_accuracy_ppm, topic_macro_f1_ppm, sentiment_accuracy_ppm, baseline_id, "
    "baseline_topic_macro_f1_ppm, baseline_sentiment_accuracy_ppm, active, refused_zh, refused_en, replaced_by, "
    "replaced_at";

template <class S>
FeedbackExample example_row(S& s) {
  return {s.i64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.opt_i64(5), s.i64(6), s.opt_i64(7), s.i64(8)};
}

template <class S>
FeedbackModel model_row(S& s) {
  FeedbackModel m;
  m.id = s.i64(0), m.trained_at = s.i64(1), m.trained_by = s.opt_i64(2), m.trigger = s.text(3);
  m.examples = s.i64(4), m.examples_stamp = s.text(5), m.training_ms = s.i64(6);
  m.held_out_topic = s.i64(7), m.held_out_sentiment = s.i64(8);
  m.topic_accuracy_ppm = s.opt_i64(9), m.topic_macro_f1_ppm = s.opt_i64(10), m.sentiment_accuracy_ppm = s.opt_i64(11);
  m.baseline_id = s.opt_i64(12), m.baseline_topic_macro_f1_ppm = s.opt_i64(13);
  m.baseline_sentiment_accuracy_ppm = s.opt_i64(14);
  m.active = s.i64(15) != 0, m.refused_zh = s.text(16), m.refused_en = s.text(17);
  m.replaced_by = s.opt_i64(18), m.replaced_at = s.opt_i64(19);
  return m;
}

template <class D>
class SqlFeedbackModelStore final : public FeedbackModelStore {
 public:
  SqlFeedbackModelStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  ExamplePut put_example(const FeedbackExample& e) override {
    auto s = db_.prepare("SELECT id, topic, sentiment, item_id FROM feedback_examples WHERE origin = ? AND text = ?");
    s->bind_all(e.origin, e.text);
    if (!s->step()) {
      const auto id =
          D::insert(db_,
                    "INSERT INTO feedback_examples(text, topic, sentiment, origin, item_id, created_at, "
                    "created_by, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                    e.text, e.topic, e.sentiment, e.origin, e.item_id, e.created_at, e.created_by, e.updated_at);
      return {id, ExampleWrite::added};
    }
    const auto id = s->i64(0);
    if (s->text(1) == e.topic && s->text(2) == e.sentiment && s->opt_i64(3) == e.item_id)
      return {id, ExampleWrite::unchanged};
    db_.prepare("UPDATE feedback_examples SET topic = ?, sentiment = ?, item_id = ?, updated_at = ? WHERE id = ?")
        ->bind_all(e.topic, e.sentiment, e.item_id, e.updated_at, id)
        .run();
    return {id, ExampleWrite::updated};
  }

  std::optional<FeedbackExample> example(int64_t id) override {
    auto s = db_.prepare(std::string("SELECT ") + kExampleColumns + " FROM feedback_examples WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return example_row(*s);
  }

  std::vector<FeedbackExample> examples(const ExampleFilter& f) override {
    std::string sql = std::string("SELECT ") + kExampleColumns + " FROM feedback_examples WHERE 1 = 1";
    if (f.origin) sql += " AND origin = ?";
    if (f.before_id) sql += " AND id < ?";
    sql += " ORDER BY id DESC LIMIT ?";
    auto s = db_.prepare(sql);
    int i = 0;
    if (f.origin) s->bind(++i, *f.origin);
    if (f.before_id) s->bind(++i, f.before_id);
    s->bind(++i, static_cast<int64_t>(f.limit));
    std::vector<FeedbackExample> out;
    while (s->step()) out.push_back(example_row(*s));
    return out;
  }

  bool delete_example(int64_t id) override {
    db_.prepare("DELETE FROM feedback_examples WHERE id = ?")->bind(1, id).run();
    return db_.changes() == 1;
  }

  std::vector<FeedbackExample> training_examples() override {
    auto s = db_.prepare(std::string("SELECT ") + kExampleColumns + " FROM feedback_examples ORDER BY id");
    std::vector<FeedbackExample> out;
    while (s->step()) out.push_back(example_row(*s));
    return out;
  }

  ExampleCounts example_counts() override {
    auto s = db_.prepare("SELECT origin, COUNT(*) FROM feedback_examples GROUP BY origin");
    ExampleCounts out;
    while (s->step()) {
      const auto origin = s->text(0);
      const auto n = s->i64(1);
      if (origin == "seed") out.seed = n;
      if (origin == "import") out.import = n;
      if (origin == "correction") out.correction = n;
    }
    return out;
  }

  // A deletion lowers the count; an addition raises the largest id or, where SQLite reuses
  // the id of a deleted newest row, the latest updated_at (a later clock).
  std::string examples_stamp() override {
    auto s = db_.prepare("SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(MAX(updated_at), 0) FROM feedback_examples");
    s->step();
    std::string out;
    for (int i = 0; i < 3; ++i) out += (i ? ":" : "") + std::to_string(s->i64(i));
    return out;
  }

  int64_t insert_model(const FeedbackModel& m) override {
    const auto previous = m.active ? active_model_id() : std::nullopt;
    const auto id = D::insert(
        db_,
        "INSERT INTO feedback_models(trained_at, trained_by, trigger_kind, examples, examples_stamp, training_ms, "
        "held_out_topic, held_out_sentiment, topic_accuracy_ppm, topic_macro_f1_ppm, sentiment_accuracy_ppm, "
        "baseline_id, baseline_topic_macro_f1_ppm, baseline_sentiment_accuracy_ppm, active, refused_zh, refused_en, "
        "replaced_by, replaced_at, topic_model, sentiment_model) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        m.trained_at, m.trained_by, m.trigger, m.examples, m.examples_stamp, m.training_ms, m.held_out_topic,
        m.held_out_sentiment, m.topic_accuracy_ppm, m.topic_macro_f1_ppm, m.sentiment_accuracy_ppm, m.baseline_id,
        m.baseline_topic_macro_f1_ppm, m.baseline_sentiment_accuracy_ppm, static_cast<int64_t>(m.active), m.refused_zh,
        m.refused_en, m.replaced_by, m.replaced_at, m.topic_model, m.sentiment_model);
    if (previous)
      db_.prepare("UPDATE feedback_models SET active = 0, replaced_by = ?, replaced_at = ? WHERE id = ?")
          ->bind_all(id, m.trained_at, *previous)
          .run();
    return id;
  }

  std::optional<FeedbackModel> model(int64_t id) override {
    auto s = db_.prepare(std::string("SELECT ") + kModelColumns +
                         ", topic_model, sentiment_model FROM feedback_models WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    auto m = model_row(*s);
    m.topic_model = s->text(20), m.sentiment_model = s->text(21);
    return m;
  }

  std::vector<FeedbackModel> models(int64_t before_id, int limit) override {
    std::string sql = std::string("SELECT ") + kModelColumns + " FROM feedback_models";
    if (before_id) sql += " WHERE id < ?";
    sql += " ORDER BY id DESC LIMIT ?";
    auto s = db_.prepare(sql);
    int i = 0;
    if (before_id) s->bind(++i, before_id);
    s->bind(++i, static_cast<int64_t>(limit));
    std::vector<FeedbackModel> out;
    while (s->step()) out.push_back(model_row(*s));
    return out;
  }

  std::optional<int64_t> active_model_id() override {
    auto s = db_.prepare("SELECT id FROM feedback_models WHERE active = 1 ORDER BY id DESC LIMIT 1");
    if (!s->step()) return std::nullopt;
    return s->i64(0);
  }

  int drop_model_bytes_before(int64_t id) override {
    db_.prepare(
           "UPDATE feedback_models SET topic_model = '', sentiment_model = '' WHERE id < ? AND active = 0 "
           "AND (topic_model <> '' OR sentiment_model <> '')")
        ->bind(1, id)
        .run();
    return static_cast<int>(db_.changes());
  }

  std::vector<int64_t> unclassified_items(int limit) override {
    auto s = db_.prepare("SELECT id FROM feedback_items WHERE model_version IS NULL ORDER BY id DESC LIMIT ?");
    s->bind(1, static_cast<int64_t>(limit));
    std::vector<int64_t> out;
    while (s->step()) out.push_back(s->i64(0));
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<FeedbackModelStore> FeedbackModelStore::open(Stores& s) {
  return make_store<FeedbackModelStore, SqlFeedbackModelStore>(s);
}

}  // namespace kefu::storage
