// FeedbackStore over SQL, the same on SQLite and PostgreSQL.
#include "feedback/storage/feedback_store.hpp"

#include <algorithm>
#include <cmath>

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols =
    "id, store_id, place_id, touchpoint, source, source_ref, said_at, received_at, text, rating, member_id, "
    "contact_phone, author, ticket_id, conversation_id, action_id, entered_by, topic_predicted, topic_score_ppm, "
    "sentiment_predicted, sentiment_score_ppm, model_version, topic_confirmed, sentiment_confirmed, topic, "
    "sentiment, confirmed_by, confirmed_at";
const std::string kPlaceCols = "id, store_id, name, touchpoint, code, active, created_at";

int64_t ppm(double v) { return static_cast<int64_t>(std::lround(std::clamp(v, 0.0, 1.0) * 1e6)); }

template <class S>
feedback::Item read_item(const S& s) {
  feedback::Item t;
  t.id = s.i64(0);
  t.store_id = s.i64(1);
  t.place_id = s.opt_i64(2);
  t.touchpoint = s.text(3);
  t.source = s.text(4);
  t.source_ref = s.text(5);
  t.said_at = s.i64(6);
  t.received_at = s.i64(7);
  t.text = s.text(8);
  if (auto r = s.opt_i64(9)) t.rating = static_cast<int>(*r);
  t.member_id = s.opt_i64(10);
  t.contact_phone = s.text(11);
  t.author = s.text(12);
  t.ticket_id = s.opt_i64(13);
  t.conversation_id = s.opt_i64(14);
  t.action_id = s.opt_i64(15);
  t.entered_by = s.opt_i64(16);
  t.topic_predicted = {s.text(17), static_cast<double>(s.i64(18)) / 1e6};
  t.sentiment_predicted = {s.text(19), static_cast<double>(s.i64(20)) / 1e6};
  t.model_version = s.opt_i64(21);
  t.topic_confirmed = s.i64(22) != 0;
  t.sentiment_confirmed = s.i64(23) != 0;
  t.topic = s.text(24);
  t.sentiment = s.text(25);
  t.confirmed_by = s.opt_i64(26);
  t.confirmed_at = s.opt_i64(27);
  return t;
}

template <class S>
feedback::Place read_place(const S& s) {
  return {s.i64(0), s.i64(1), s.text(2), s.text(3), s.text(4), s.i64(5) != 0, s.i64(6)};
}

// "%…%" for LIKE with the wildcards of the text escaped.
std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "%";
}

void add_text_eq(std::string& where, std::vector<Value>& args, const char* col, const std::string& v) {
  if (v.empty()) return;
  where += std::string(" AND ") + col + " = ?";
  args.emplace_back(v == "-" ? std::string() : v);
}

std::string where_of(const FeedbackFilter& f, std::vector<Value>& args) {
  std::string where = "1 = 1";
  if (f.from) {
    where += " AND said_at >= ?";
    args.emplace_back(f.from);
  }
  if (f.to) {
    where += " AND said_at < ?";
    args.emplace_back(f.to);
  }
  add_in(where, args, "store_id", f.store_ids);
  add_text_eq(where, args, "source", f.source);
  add_text_eq(where, args, "topic", f.topic);
  add_text_eq(where, args, "sentiment", f.sentiment);
  add_text_eq(where, args, "touchpoint", f.touchpoint);
  add_eq(where, args, "place_id", f.place_id);
  add_eq(where, args, "action_id", f.action_id);
  if (f.confirmed)
    where += *f.confirmed ? " AND topic_confirmed = 1 AND sentiment_confirmed = 1"
                          : " AND (topic_confirmed = 0 OR sentiment_confirmed = 0)";
  if (!f.query.empty()) {
    where += " AND text LIKE ? ESCAPE '\\'";
    args.emplace_back(like_pattern(f.query));
  }
  return where;
}

template <class D>
class SqlFeedbackStore final : public FeedbackStore {
 public:
  SqlFeedbackStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_item(const feedback::Item& t) override {
    const auto& topic = t.topic_confirmed ? t.topic : t.topic_predicted.code;
    const auto& sentiment = t.sentiment_confirmed ? t.sentiment : t.sentiment_predicted.code;
    return D::insert(
        db_,
        "INSERT INTO feedback_items(store_id, place_id, touchpoint, source, source_ref, said_at, received_at, text, "
        "rating, member_id, contact_phone, author, ticket_id, conversation_id, action_id, entered_by, topic_predicted, "
        "topic_score_ppm, sentiment_predicted, sentiment_score_ppm, model_version, topic_confirmed, "
        "sentiment_confirmed, topic, sentiment, confirmed_by, confirmed_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        t.store_id, t.place_id, t.touchpoint, t.source, t.source_ref, t.said_at, t.received_at, t.text,
        t.rating ? std::optional<int64_t>(*t.rating) : std::nullopt, t.member_id, t.contact_phone, t.author,
        t.ticket_id, t.conversation_id, t.action_id, t.entered_by, t.topic_predicted.code, ppm(t.topic_predicted.score),
        t.sentiment_predicted.code, ppm(t.sentiment_predicted.score), t.model_version, t.topic_confirmed,
        t.sentiment_confirmed, topic, sentiment, t.confirmed_by, t.confirmed_at);
  }

  std::optional<feedback::Item> item(int64_t id) override {
    auto s = db_.prepare("SELECT " + kCols + " FROM feedback_items WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_item(*s);
  }

  std::optional<int64_t> find_by_ref(const std::string& source, const std::string& source_ref) override {
    if (source_ref.empty()) return std::nullopt;
    auto s = db_.prepare("SELECT id FROM feedback_items WHERE source = ? AND source_ref = ?");
    s->bind_all(source, source_ref);
    if (!s->step()) return std::nullopt;
    return s->i64(0);
  }

  std::vector<feedback::Item> list_items(const FeedbackFilter& f) override {
    std::vector<Value> args;
    auto where = where_of(f, args);
    if (f.before_id) {
      where += " AND id < ?";
      args.emplace_back(*f.before_id);
    }
    args.emplace_back(int64_t{std::max(1, f.limit)});
    auto s = db_.prepare("SELECT " + kCols + " FROM feedback_items WHERE " + where + " ORDER BY id DESC LIMIT ?");
    bind_values(*s, args);
    std::vector<feedback::Item> out;
    while (s->step()) out.push_back(read_item(*s));
    return out;
  }

  int64_t count_items(const FeedbackFilter& f) override {
    std::vector<Value> args;
    const auto where = where_of(f, args);
    auto s = db_.prepare("SELECT COUNT(*) FROM feedback_items WHERE " + where);
    bind_values(*s, args);
    return s->step() ? s->i64(0) : 0;
  }

  void set_prediction(int64_t id, const feedback::Label& topic, const feedback::Label& sentiment,
                      int64_t model_version) override {
    db_.prepare(
           "UPDATE feedback_items SET topic_predicted = ?, topic_score_ppm = ?, sentiment_predicted = ?, "
           "sentiment_score_ppm = ?, model_version = ?, "
           "topic = CASE WHEN topic_confirmed = 1 THEN topic ELSE ? END, "
           "sentiment = CASE WHEN sentiment_confirmed = 1 THEN sentiment ELSE ? END WHERE id = ?")
        ->bind_all(topic.code, ppm(topic.score), sentiment.code, ppm(sentiment.score), model_version, topic.code,
                   sentiment.code, id)
        .run();
  }

  void confirm(int64_t id, const std::optional<std::string>& topic, const std::optional<std::string>& sentiment,
               int64_t by, int64_t at) override {
    if (topic)
      db_.prepare("UPDATE feedback_items SET topic = ?, topic_confirmed = 1 WHERE id = ?")->bind_all(*topic, id).run();
    if (sentiment)
      db_.prepare("UPDATE feedback_items SET sentiment = ?, sentiment_confirmed = 1 WHERE id = ?")
          ->bind_all(*sentiment, id)
          .run();
    db_.prepare("UPDATE feedback_items SET confirmed_by = ?, confirmed_at = ? WHERE id = ?")
        ->bind_all(by, at, id)
        .run();
  }

  int set_action(const std::vector<int64_t>& item_ids, std::optional<int64_t> action_id) override {
    if (item_ids.empty()) return 0;
    std::vector<Value> args;
    std::string where = "1 = 1";
    add_in(where, args, "id", item_ids);
    auto s = db_.prepare("UPDATE feedback_items SET action_id = ? WHERE " + where);
    s->bind(1, action_id);
    bind_values(*s, args, 2);
    s->run();
    return static_cast<int>(db_.changes());
  }

  std::vector<feedback::Topic> topics() override {
    auto s = db_.prepare("SELECT code, name, name_en, position, active FROM feedback_topics ORDER BY position, code");
    std::vector<feedback::Topic> out;
    while (s->step()) out.push_back({s->text(0), s->text(1), s->text(2), static_cast<int>(s->i64(3)), s->i64(4) != 0});
    return out;
  }

  void put_topic(const feedback::Topic& t) override {
    auto s = db_.prepare("UPDATE feedback_topics SET name = ?, name_en = ?, position = ?, active = ? WHERE code = ?");
    s->bind_all(t.name, t.name_en, int64_t{t.position}, t.active, t.code).run();
    if (db_.changes() == 1) return;
    db_.prepare("INSERT INTO feedback_topics(code, name, name_en, position, active) VALUES (?,?,?,?,?)")
        ->bind_all(t.code, t.name, t.name_en, int64_t{t.position}, t.active)
        .run();
  }

  std::vector<feedback::Place> places(const std::vector<int64_t>& store_ids) override {
    std::vector<Value> args;
    std::string where = "1 = 1";
    add_in(where, args, "store_id", store_ids);
    auto s =
        db_.prepare("SELECT " + kPlaceCols + " FROM feedback_places WHERE " + where + " ORDER BY store_id, name, id");
    bind_values(*s, args);
    std::vector<feedback::Place> out;
    while (s->step()) out.push_back(read_place(*s));
    return out;
  }

  std::optional<feedback::Place> place(int64_t id) override {
    auto s = db_.prepare("SELECT " + kPlaceCols + " FROM feedback_places WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_place(*s);
  }

  std::optional<feedback::Place> place_by_code(const std::string& code) override {
    auto s = db_.prepare("SELECT " + kPlaceCols + " FROM feedback_places WHERE code = ?");
    s->bind(1, code);
    if (!s->step()) return std::nullopt;
    return read_place(*s);
  }

  int64_t put_place(const feedback::Place& p) override {
    if (p.id == 0)
      return D::insert(db_,
                       "INSERT INTO feedback_places(store_id, name, touchpoint, code, active, created_at) "
                       "VALUES (?,?,?,?,?,?)",
                       p.store_id, p.name, p.touchpoint, p.code, p.active, p.created_at);
    db_.prepare("UPDATE feedback_places SET name = ?, touchpoint = ?, active = ? WHERE id = ?")
        ->bind_all(p.name, p.touchpoint, p.active, p.id)
        .run();
    return p.id;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<FeedbackStore> FeedbackStore::open(Stores& s) { return make_store<FeedbackStore, SqlFeedbackStore>(s); }

}  // namespace kefu::storage
