// MemberHistoryStore over SQL, the same on SQLite and PostgreSQL. A purchase's day is its
// day in Asia/Shanghai: (sold_at + 8 h) / 1 day in integer arithmetic (members/domain/value.hpp).
#include "members/storage/member_history_store.hpp"

#include <algorithm>

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kDay = "(o.sold_at + 28800000) / 86400000";

// " AND …" restricting `col` (a member id column) to the set.
std::string in_set(const MemberSet& set, const std::string& col, std::vector<Value>& args) {
  std::string where;
  add_eq(where, args, col.c_str(), set.member_id);
  if (!set.home_store_ids.empty()) {
    where += " AND " + col + " IN (SELECT id FROM members WHERE 1=1";
    add_in(where, args, "home_store_id", set.home_store_ids);
    where += ")";
  }
  return where;
}

template <class D>
class SqlMemberHistoryStore final : public MemberHistoryStore {
 public:
  SqlMemberHistoryStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<MemberDays> purchase_days(const MemberSet& set) override {
    std::vector<Value> args;
    const auto where = in_set(set, "o.member_id", args);
    auto s = db_.prepare("SELECT o.member_id, " + kDay +
                         " AS d, SUM(l.paid_fen), SUM(CASE WHEN l.quantity > 0 THEN l.paid_fen ELSE 0 END) "
                         "FROM purchase_orders o JOIN purchase_lines l ON l.order_id = o.id "
                         "WHERE o.member_id IS NOT NULL" +
                         where + " GROUP BY o.member_id, d ORDER BY o.member_id, d");
    bind_values(*s, args);
    std::vector<MemberDays> out;
    while (s->step()) {
      const auto member = s->i64(0);
      if (out.empty() || out.back().member_id != member) out.push_back({member, {}});
      out.back().days.push_back({s->i64(1), s->i64(2), s->i64(3)});
    }
    return out;
  }

  std::vector<std::pair<int64_t, int>> open_complaints(const MemberSet& set) override {
    std::vector<Value> args;
    const auto where = in_set(set, "member_id", args);
    auto s = db_.prepare(
        "SELECT member_id, COUNT(*) FROM tickets WHERE member_id IS NOT NULL AND type = 'complaint' "
        "AND status NOT IN ('resolved', 'closed')" +
        where + " GROUP BY member_id ORDER BY member_id");
    bind_values(*s, args);
    std::vector<std::pair<int64_t, int>> out;
    while (s->step()) out.emplace_back(s->i64(0), static_cast<int>(s->i64(1)));
    return out;
  }

  std::vector<RatingRecord> ratings(const MemberSet& set, int64_t since) override {
    std::vector<RatingRecord> out;
    {
      std::vector<Value> args;
      const auto where = in_set(set, "t.member_id", args);
      auto s = db_.prepare(
          "SELECT t.member_id, t.id, t.store_id, c.rating, c.comment, c.created_at FROM csat_ratings c "
          "JOIN tickets t ON t.id = c.ticket_id WHERE t.member_id IS NOT NULL" +
          where + " AND c.created_at >= ?");
      s->bind(bind_values(*s, args), since);
      while (s->step())
        out.push_back(
            {s->i64(0), "csat", s->i64(1), s->i64(1), s->i64(2), static_cast<int>(s->i64(3)), s->text(4), s->i64(5)});
    }
    {
      std::vector<Value> args;
      const auto where = in_set(set, "member_id", args);
      auto s = db_.prepare(
          "SELECT member_id, id, ticket_id, store_id, score, reason, answered_at FROM nps_invitations "
          "WHERE member_id IS NOT NULL AND answered_at IS NOT NULL AND score IS NOT NULL" +
          where + " AND answered_at >= ?");
      s->bind(bind_values(*s, args), since);
      while (s->step())
        out.push_back({s->i64(0), "nps", s->i64(1), s->opt_i64(2), s->i64(3), static_cast<int>(s->i64(4)), s->text(5),
                       s->i64(6)});
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.at > b.at; });
    return out;
  }

  std::vector<people::Member> members(const MemberSet& set) override {
    std::vector<Value> args;
    const auto where = in_set(set, "id", args);
    auto s = db_.prepare("SELECT id, member_no, name, phone, tier, home_store_id FROM members WHERE 1=1" + where +
                         " ORDER BY id");
    bind_values(*s, args);
    std::vector<people::Member> out;
    while (s->step()) {
      people::Member m;
      m.id = s->i64(0);
      m.member_no = s->text(1);
      m.name = s->text(2);
      m.phone = s->text(3);
      m.tier = s->text(4);
      m.home_store_id = s->opt_i64(5).value_or(0);
      out.push_back(std::move(m));
    }
    return out;
  }

  std::vector<SpendShare> spend_by(int64_t member_id, const std::string& column, int64_t since, int limit) override {
    const std::string col = column == "brand" ? "l.brand" : "l.category";
    auto s = db_.prepare("SELECT " + col +
                         ", SUM(l.paid_fen), SUM(l.quantity) FROM purchase_orders o "
                         "JOIN purchase_lines l ON l.order_id = o.id WHERE o.member_id = ? AND o.sold_at >= ? "
                         "AND " +
                         col + " <> '' GROUP BY " + col + " ORDER BY 2 DESC, 1 LIMIT ?");
    s->bind_all(member_id, since, static_cast<int64_t>(limit));
    std::vector<SpendShare> out;
    while (s->step()) out.push_back({s->text(0), s->i64(1), s->i64(2)});
    return out;
  }

  StoreActivity store_activity(int64_t store_id, int64_t since) override {
    auto s = db_.prepare(
        "SELECT COUNT(DISTINCT member_id), COUNT(*), COALESCE(SUM(paid), 0) FROM ("
        "SELECT o.member_id AS member_id, " +
        kDay +
        " AS d, SUM(l.paid_fen) AS paid, SUM(CASE WHEN l.quantity > 0 THEN l.paid_fen ELSE 0 END) AS sales "
        "FROM purchase_orders o JOIN purchase_lines l ON l.order_id = o.id "
        "WHERE o.store_id = ? AND o.sold_at >= ? AND o.member_id IS NOT NULL GROUP BY o.member_id, d) x "
        "WHERE sales > 0");
    s->bind_all(store_id, since);
    s->step();
    return {s->i64(0), s->i64(1), s->i64(2)};
  }

  std::vector<ContactRecord> conversations(int64_t member_id, const std::vector<int64_t>& store_ids,
                                           int limit) override {
    std::string where = " WHERE member_id = ?";
    std::vector<Value> args{member_id};
    add_in(where, args, "store_id", store_ids);
    auto s = db_.prepare("SELECT id, store_id, created_at, status, queue, customer_name, ticket_id FROM conversations" +
                         where + " ORDER BY created_at DESC, id DESC LIMIT ?");
    s->bind(bind_values(*s, args), static_cast<int64_t>(limit));
    std::vector<ContactRecord> out;
    while (s->step())
      out.push_back({s->i64(0), s->i64(1), s->i64(2), s->text(3), s->text(4), s->text(5), std::nullopt, s->opt_i64(6)});
    return out;
  }

  std::vector<ContactRecord> feedback_items(int64_t member_id, const std::vector<int64_t>& store_ids,
                                            int limit) override {
    std::string where = " WHERE member_id = ?";
    std::vector<Value> args{member_id};
    add_in(where, args, "store_id", store_ids);
    auto s =
        db_.prepare("SELECT id, store_id, said_at, source, sentiment, text, rating, ticket_id FROM feedback_items" +
                    where + " ORDER BY said_at DESC, id DESC LIMIT ?");
    s->bind(bind_values(*s, args), static_cast<int64_t>(limit));
    std::vector<ContactRecord> out;
    while (s->step()) {
      std::optional<int> rating;
      if (auto r = s->opt_i64(6)) rating = static_cast<int>(*r);
      out.push_back({s->i64(0), s->i64(1), s->i64(2), s->text(3), s->text(4), s->text(5), rating, s->opt_i64(7)});
    }
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<MemberHistoryStore> MemberHistoryStore::open(Stores& s) {
  return make_store<MemberHistoryStore, SqlMemberHistoryStore>(s);
}

}  // namespace kefu::storage
