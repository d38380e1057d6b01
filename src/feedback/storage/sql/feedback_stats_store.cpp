// FeedbackStatsStore over SQL, the same on SQLite and PostgreSQL.
#include "feedback/storage/feedback_stats_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

std::string where_of(const FeedbackStatsRange& r, std::vector<Value>& args) {
  std::string where = "said_at >= ? AND said_at < ?";
  args.emplace_back(r.from);
  args.emplace_back(r.to);
  add_in(where, args, "store_id", r.store_ids);
  return where;
}

template <class D>
class SqlFeedbackStatsStore final : public FeedbackStatsStore {
 public:
  SqlFeedbackStatsStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<feedback::TopicQuarter> topic_quarters(const FeedbackStatsRange& r) override {
    std::vector<Value> args;
    const auto where = where_of(r, args) + " AND topic <> ''";
    auto s = db_.prepare("SELECT store_id, topic, (said_at / 900000) * 900000, COUNT(*) FROM feedback_items WHERE " +
                         where + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    bind_values(*s, args);
    std::vector<feedback::TopicQuarter> out;
    while (s->step()) out.push_back({s->i64(0), s->text(1), s->i64(2), s->i64(3)});
    return out;
  }

  std::map<int64_t, int64_t> first_said(const std::vector<int64_t>& store_ids) override {
    std::vector<Value> args;
    std::string where = "1 = 1";
    add_in(where, args, "store_id", store_ids);
    auto s = db_.prepare("SELECT store_id, MIN(said_at) FROM feedback_items WHERE " + where + " GROUP BY store_id");
    bind_values(*s, args);
    std::map<int64_t, int64_t> out;
    while (s->step()) out[s->i64(0)] = s->i64(1);
    return out;
  }

  std::vector<feedback::JourneyCount> journey_counts(const FeedbackStatsRange& r) override {
    std::vector<Value> args;
    const auto where = where_of(r, args);
    auto s = db_.prepare("SELECT touchpoint, topic, sentiment, COUNT(*) FROM feedback_items WHERE " + where +
                         " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    bind_values(*s, args);
    std::vector<feedback::JourneyCount> out;
    while (s->step()) out.push_back({s->text(0), s->text(1), s->text(2), s->i64(3)});
    return out;
  }

  bool record_notice(const FeedbackNotice& n) override {
    db_.prepare(
           "INSERT INTO feedback_notices(kind, store_id, topic, period, sent_at, recipients) VALUES (?,?,?,?,?,?) "
           "ON CONFLICT(kind, store_id, topic, period) DO NOTHING")
        ->bind_all(n.kind, n.store_id, n.topic, n.period, n.sent_at, n.recipients)
        .run();
    return db_.changes() == 1;
  }

  std::vector<FeedbackNotice> notices(const std::string& kind, const std::vector<int64_t>& store_ids,
                                      const std::string& from, const std::string& to) override {
    std::vector<Value> args{kind, from, to};
    std::string where = "kind = ? AND period >= ? AND period <= ?";
    add_in(where, args, "store_id", store_ids);
    auto s = db_.prepare("SELECT kind, store_id, topic, period, sent_at, recipients FROM feedback_notices WHERE " +
                         where + " ORDER BY period, store_id, topic");
    bind_values(*s, args);
    std::vector<FeedbackNotice> out;
    while (s->step()) out.push_back({s->text(0), s->i64(1), s->text(2), s->text(3), s->i64(4), s->i64(5)});
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<FeedbackStatsStore> FeedbackStatsStore::open(Stores& s) {
  return make_store<FeedbackStatsStore, SqlFeedbackStatsStore>(s);
}

}  // namespace kefu::storage
