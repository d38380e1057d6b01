// MemberRulesStore over SQL, the same on SQLite and PostgreSQL.
#include "members/storage/member_rules_store.hpp"

#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

template <class D>
class SqlMemberRulesStore final : public MemberRulesStore {
 public:
  SqlMemberRulesStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<people::TierRule> tier_rules() override {
    auto s = db_.prepare("SELECT tier, min_spend_fen, grace_months FROM member_tier_rules ORDER BY min_spend_fen");
    std::vector<people::TierRule> out;
    while (s->step()) out.push_back({s->text(0), s->i64(1), static_cast<int>(s->i64(2))});
    return out;
  }

  void put_tier_rules(const std::vector<people::TierRule>& rules, int64_t at, std::optional<int64_t> by) override {
    db_.prepare("DELETE FROM member_tier_rules")->run();
    for (const auto& r : rules)
      db_.prepare(
             "INSERT INTO member_tier_rules(tier, min_spend_fen, grace_months, updated_at, updated_by) "
             "VALUES (?,?,?,?,?)")
          ->bind_all(r.tier, r.min_spend_fen, int64_t{r.grace_months}, at, by)
          .run();
  }

  std::vector<people::Reward> rewards() override {
    auto s = db_.prepare("SELECT code, name, name_en, points, active FROM points_rewards ORDER BY points, code");
    std::vector<people::Reward> out;
    while (s->step()) out.push_back({s->text(0), s->text(1), s->text(2), s->i64(3), s->i64(4) != 0});
    return out;
  }

  void put_rewards(const std::vector<people::Reward>& rewards, int64_t at, std::optional<int64_t> by) override {
    db_.prepare("DELETE FROM points_rewards")->run();
    for (const auto& r : rewards)
      db_.prepare(
             "INSERT INTO points_rewards(code, name, name_en, points, active, updated_at, updated_by) "
             "VALUES (?,?,?,?,?,?,?)")
          ->bind_all(r.code, r.name, r.name_en, r.points, int64_t{r.active ? 1 : 0}, at, by)
          .run();
  }

  int64_t spend_fen(int64_t member_id, int64_t from, int64_t to) override {
    auto s = db_.prepare(
        "SELECT COALESCE(SUM(l.paid_fen), 0) FROM purchase_orders o JOIN purchase_lines l ON l.order_id = o.id "
        "WHERE o.member_id = ? AND o.sold_at >= ? AND o.sold_at < ?");
    s->bind_all(member_id, from, to);
    s->step();
    return s->i64(0);
  }

  std::vector<int64_t> member_ids(int64_t after_id, int limit) override {
    auto s = db_.prepare("SELECT id FROM members WHERE merged_into IS NULL AND id > ? ORDER BY id LIMIT ?");
    s->bind_all(after_id, int64_t{limit});
    std::vector<int64_t> out;
    while (s->step()) out.push_back(s->i64(0));
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<MemberRulesStore> MemberRulesStore::open(Stores& s) {
  return sql::make_store<MemberRulesStore, SqlMemberRulesStore>(s);
}

}  // namespace kefu::storage
