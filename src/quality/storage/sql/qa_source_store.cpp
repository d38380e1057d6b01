// QaSourceStore over SQL (reads tickets, csat_ratings and conversations), the same on
// SQLite and PostgreSQL.
#include "quality/storage/qa_source_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

template <class D>
class SqlQaSourceStore final : public QaSourceStore {
 public:
  SqlQaSourceStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<quality::Candidate> ticket_candidates(int64_t store_id, int64_t from, int64_t to) override {
    auto s = db_.prepare(
        "SELECT t.id, t.owner_id, t.channel, t.type, t.reopen_count, r.rating FROM tickets t "
        "LEFT JOIN csat_ratings r ON r.ticket_id = t.id WHERE t.store_id = ? AND t.resolved_at >= ? AND "
        "t.resolved_at < ? AND t.owner_id IS NOT NULL ORDER BY t.resolved_at, t.id");
    s->bind_all(store_id, from, to);
    std::vector<quality::Candidate> out;
    while (s->step()) {
      quality::Candidate c{"ticket", s->i64(0), s->i64(1),
                           s->text(2) == "hotline" ? quality::ChannelKind("hotline") : quality::ChannelKind("desk")};
      c.complaint = s->text(3) == "complaint";
      c.reopened = s->i64(4) > 0;
      auto rating = s->opt_i64(5);
      c.low_csat = rating && *rating <= 2;
      out.push_back(c);
    }
    return out;
  }

  std::vector<quality::Candidate> conversation_candidates(int64_t store_id, int64_t from, int64_t to) override {
    auto s = db_.prepare(
        "SELECT id, agent_id, rating FROM conversations WHERE store_id = ? AND ended_at >= ? AND ended_at < ? "
        "AND agent_id IS NOT NULL ORDER BY ended_at, id");
    s->bind_all(store_id, from, to);
    std::vector<quality::Candidate> out;
    while (s->step()) {
      quality::Candidate c{"conversation", s->i64(0), s->i64(1), "chat"};
      auto rating = s->opt_i64(2);
      c.low_csat = rating && *rating <= 2;
      out.push_back(c);
    }
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<QaSourceStore> QaSourceStore::open(Stores& s) { return make_store<QaSourceStore, SqlQaSourceStore>(s); }

}  // namespace kefu::storage
