// NpsStore over SQL, the same on SQLite and PostgreSQL.
#include "feedback/storage/nps_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCampaignCols =
    "id, name, trigger_kind, question, starts_at, ends_at, sample_ppm, sample_size, cap_days, link_days, seed, "
    "active, created_by, created_at, updated_at";
// The invitation's columns, with its reason's effective topic (i. = nps_invitations).
const std::string kInvitationCols =
    "i.id, i.campaign_id, i.store_id, i.member_id, i.phone, i.member_tier, i.ticket_id, i.sent_at, i.expires_at, "
    "i.opened_at, i.answered_at, i.score, i.reason, i.category, i.feedback_item_id, i.recovery_ticket_id, "
    "COALESCE(f.topic, '')";
const std::string kInvitationFrom = " FROM nps_invitations i LEFT JOIN feedback_items f ON f.id = i.feedback_item_id";

template <class S>
feedback::Campaign read_campaign(const S& s) {
  feedback::Campaign c;
  c.id = s.i64(0);
  c.name = s.text(1);
  c.trigger = s.text(2);
  c.question = s.text(3);
  c.starts_at = s.i64(4);
  c.ends_at = s.i64(5);
  c.sample_ppm = s.i64(6);
  c.sample_size = s.i64(7);
  c.cap_days = static_cast<int>(s.i64(8));
  c.link_days = static_cast<int>(s.i64(9));
  c.seed = s.i64(10);
  c.active = s.i64(11) != 0;
  c.created_by = s.opt_i64(12).value_or(0);
  c.created_at = s.i64(13);
  c.updated_at = s.i64(14);
  return c;
}

template <class S>
feedback::Invitation read_invitation(const S& s) {
  feedback::Invitation v;
  v.id = s.i64(0);
  v.campaign_id = s.i64(1);
  v.store_id = s.i64(2);
  v.member_id = s.opt_i64(3);
  v.phone = s.text(4);
  v.member_tier = s.text(5);
  v.ticket_id = s.opt_i64(6);
  v.sent_at = s.i64(7);
  v.expires_at = s.i64(8);
  v.opened_at = s.opt_i64(9);
  v.answered_at = s.opt_i64(10);
  if (auto score = s.opt_i64(11)) v.score = static_cast<int>(*score);
  v.reason = s.text(12);
  v.category = s.text(13);
  v.feedback_item_id = s.opt_i64(14);
  v.recovery_ticket_id = s.opt_i64(15);
  v.topic = s.text(16);
  return v;
}

std::string where_of(const NpsFilter& f, std::vector<Value>& args) {
  std::string where = "1 = 1";
  add_eq(where, args, "i.campaign_id", f.campaign_id);
  add_in(where, args, "i.store_id", f.store_ids);
  if (f.from) {
    where += " AND i.sent_at >= ?";
    args.emplace_back(f.from);
  }
  if (f.to) {
    where += " AND i.sent_at < ?";
    args.emplace_back(f.to);
  }
  if (!f.member_tier.empty()) {
    where += " AND i.member_tier = ?";
    args.emplace_back(f.member_tier);
  }
  if (!f.category.empty()) {
    where += " AND i.category = ?";
    args.emplace_back(f.category);
  }
  if (f.answered) where += *f.answered ? " AND i.answered_at IS NOT NULL" : " AND i.answered_at IS NULL";
  add_eq(where, args, "i.ticket_id", f.ticket_id);
  if (f.before_id) {
    where += " AND i.id < ?";
    args.emplace_back(*f.before_id);
  }
  return where;
}

template <class D>
class SqlNpsStore final : public NpsStore {
 public:
  SqlNpsStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t put_campaign(const feedback::Campaign& c) override {
    int64_t id = c.id;
    if (id == 0) {
      id = D::insert(db_,
                     "INSERT INTO nps_campaigns(name, trigger_kind, question, starts_at, ends_at, sample_ppm, "
                     "sample_size, cap_days, link_days, seed, active, created_by, created_at, updated_at) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     c.name, c.trigger, c.question, c.starts_at, c.ends_at, c.sample_ppm, c.sample_size,
                     int64_t{c.cap_days}, int64_t{c.link_days}, c.seed, c.active,
                     c.created_by ? std::optional<int64_t>(c.created_by) : std::nullopt, c.created_at, c.updated_at);
    } else {
      db_.prepare(
             "UPDATE nps_campaigns SET name = ?, trigger_kind = ?, question = ?, starts_at = ?, ends_at = ?, "
             "sample_ppm = ?, sample_size = ?, cap_days = ?, link_days = ?, seed = ?, active = ?, updated_at = ? "
             "WHERE id = ?")
          ->bind_all(c.name, c.trigger, c.question, c.starts_at, c.ends_at, c.sample_ppm, c.sample_size,
                     int64_t{c.cap_days}, int64_t{c.link_days}, c.seed, c.active, c.updated_at, id)
          .run();
      db_.prepare("DELETE FROM nps_campaign_stores WHERE campaign_id = ?")->bind_all(id).run();
    }
    for (int64_t store : c.store_ids)
      db_.prepare("INSERT INTO nps_campaign_stores(campaign_id, store_id) VALUES (?, ?)")->bind_all(id, store).run();
    return id;
  }

  std::optional<feedback::Campaign> campaign(int64_t id) override {
    auto s = db_.prepare("SELECT " + kCampaignCols + " FROM nps_campaigns WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    auto c = read_campaign(*s);
    c.store_ids = stores_of(c.id);
    return c;
  }

  std::vector<feedback::Campaign> campaigns() override {
    auto s = db_.prepare("SELECT " + kCampaignCols + " FROM nps_campaigns ORDER BY id DESC");
    std::vector<feedback::Campaign> out;
    while (s->step()) out.push_back(read_campaign(*s));
    for (auto& c : out) c.store_ids = stores_of(c.id);
    return out;
  }

  std::vector<feedback::Campaign> running_campaigns(int64_t store_id, const std::string& trigger,
                                                    int64_t now) override {
    auto s = db_.prepare("SELECT " + kCampaignCols +
                         " FROM nps_campaigns WHERE active = 1 AND trigger_kind = ? AND starts_at <= ? AND "
                         "(ends_at = 0 OR ends_at > ?) AND id IN (SELECT campaign_id FROM nps_campaign_stores "
                         "WHERE store_id = ?) ORDER BY id");
    s->bind_all(trigger, now, now, store_id);
    std::vector<feedback::Campaign> out;
    while (s->step()) out.push_back(read_campaign(*s));
    for (auto& c : out) c.store_ids = stores_of(c.id);
    return out;
  }

  int64_t insert_invitation(const feedback::Invitation& v, const std::string& digest) override {
    return D::insert(db_,
                     "INSERT INTO nps_invitations(campaign_id, store_id, member_id, phone, member_tier, ticket_id, "
                     "token_digest, sent_at, expires_at, opened_at, answered_at, score, reason, category, "
                     "feedback_item_id, recovery_ticket_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     v.campaign_id, v.store_id, v.member_id, v.phone, v.member_tier, v.ticket_id, digest, v.sent_at,
                     v.expires_at, v.opened_at, v.answered_at,
                     v.score ? std::optional<int64_t>(*v.score) : std::nullopt, v.reason, v.category,
                     v.feedback_item_id, v.recovery_ticket_id);
  }

  std::optional<feedback::Invitation> invitation(int64_t id) override { return one("i.id = ?", id); }

  std::optional<feedback::Invitation> invitation_by_digest(const std::string& digest) override {
    if (digest.empty()) return std::nullopt;
    return one("i.token_digest = ?", digest);
  }

  void set_link(int64_t id, const std::string& digest, int64_t expires_at) override {
    db_.prepare("UPDATE nps_invitations SET token_digest = ?, expires_at = ? WHERE id = ?")
        ->bind_all(digest, expires_at, id)
        .run();
  }

  void mark_opened(int64_t id, int64_t at) override {
    db_.prepare("UPDATE nps_invitations SET opened_at = ? WHERE id = ? AND opened_at IS NULL")->bind_all(at, id).run();
  }

  bool answer(int64_t id, int score, const std::string& reason, const std::string& category, int64_t at,
              std::optional<int64_t> feedback_item_id) override {
    db_.prepare(
           "UPDATE nps_invitations SET score = ?, reason = ?, category = ?, answered_at = ?, feedback_item_id = ?, "
           "opened_at = COALESCE(opened_at, ?) WHERE id = ? AND answered_at IS NULL")
        ->bind_all(int64_t{score}, reason, category, at, feedback_item_id, at, id)
        .run();
    return db_.changes() == 1;
  }

  void set_recovery_ticket(int64_t id, int64_t ticket_id) override {
    db_.prepare("UPDATE nps_invitations SET recovery_ticket_id = ? WHERE id = ?")->bind_all(ticket_id, id).run();
  }

  std::vector<feedback::Invitation> invitations(const NpsFilter& f) override {
    std::vector<Value> args;
    std::string sql =
        "SELECT " + kInvitationCols + kInvitationFrom + " WHERE " + where_of(f, args) + " ORDER BY i.id DESC";
    if (f.limit > 0) {
      sql += " LIMIT ?";
      args.emplace_back(int64_t{f.limit});
    }
    auto s = db_.prepare(sql);
    bind_values(*s, args);
    std::vector<feedback::Invitation> out;
    while (s->step()) out.push_back(read_invitation(*s));
    return out;
  }

  std::optional<int64_t> last_invited_at(std::optional<int64_t> member_id, const std::string& phone) override {
    std::optional<int64_t> last;
    auto take = [&](const std::string& sql, const auto& key) {
      auto s = db_.prepare(sql);
      s->bind(1, key);
      if (s->step() && !s->is_null(0)) last = std::max(last.value_or(0), s->i64(0));
    };
    if (member_id) take("SELECT MAX(sent_at) FROM nps_invitations WHERE member_id = ?", *member_id);
    if (!phone.empty()) take("SELECT MAX(sent_at) FROM nps_invitations WHERE phone = ?", phone);
    return last;
  }

  std::vector<NpsCandidate> members_of(const std::vector<int64_t>& store_ids) override {
    std::vector<Value> args;
    std::string where = "1 = 1";
    add_in(where, args, "home_store_id", store_ids);
    auto s = db_.prepare("SELECT id, home_store_id, phone, tier FROM members WHERE " + where +
                         " AND home_store_id IS NOT NULL ORDER BY id");
    bind_values(*s, args);
    std::vector<NpsCandidate> out;
    while (s->step()) out.push_back({s->i64(0), s->i64(1), s->text(2), s->text(3)});
    return out;
  }

 private:
  std::vector<int64_t> stores_of(int64_t campaign_id) {
    auto s = db_.prepare("SELECT store_id FROM nps_campaign_stores WHERE campaign_id = ? ORDER BY store_id");
    s->bind(1, campaign_id);
    std::vector<int64_t> out;
    while (s->step()) out.push_back(s->i64(0));
    return out;
  }

  template <class K>
  std::optional<feedback::Invitation> one(const std::string& where, const K& key) {
    auto s = db_.prepare("SELECT " + kInvitationCols + kInvitationFrom + " WHERE " + where);
    s->bind(1, key);
    if (!s->step()) return std::nullopt;
    return read_invitation(*s);
  }

  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<NpsStore> NpsStore::open(Stores& s) { return make_store<NpsStore, SqlNpsStore>(s); }

}  // namespace kefu::storage
