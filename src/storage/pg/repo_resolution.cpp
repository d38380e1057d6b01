// Authority limits, resolutions and CSAT ratings.
#include "storage/pg/repository.hpp"

namespace kefu::storage::pg {
namespace {

const std::string kResolutionCols =
    "SELECT r.id, r.ticket_id, r.kind, r.compensation, r.amount_cents, r.description, r.status, r.requested_by, "
    "r.approver_role, r.decided_by, r.decision_reason, r.created_at, r.decided_at, r.version FROM resolutions r";

ResolutionRecord read_resolution(Stmt& s) {
  return {s.i64(0), s.i64(1),  s.text(2),    s.text(3),  s.i64(4),  s.text(5),     s.text(6),
          s.i64(7), s.text(8), s.opt_i64(9), s.text(10), s.i64(11), s.opt_i64(12), s.i64(13)};
}

}  // namespace

std::vector<std::pair<std::string, int64_t>> PgRepository::authority_limits() {
  std::vector<std::pair<std::string, int64_t>> out;
  auto s = db_.prepare("SELECT role, amount_cents FROM authority_limits ORDER BY role COLLATE \"C\"");
  while (s->step()) out.emplace_back(s->text(0), s->i64(1));
  return out;
}

void PgRepository::put_authority_limit(const std::string& role, int64_t amount_cents) {
  db_.prepare(
         "INSERT INTO authority_limits(role, amount_cents) VALUES (?,?) "
         "ON CONFLICT(role) DO UPDATE SET amount_cents = excluded.amount_cents")
      ->bind_all(role, amount_cents)
      .run();
}

int64_t PgRepository::insert_resolution(const ResolutionRecord& r) {
  auto s = db_.prepare(
      "INSERT INTO resolutions(ticket_id, kind, compensation, amount_cents, description, status, requested_by, "
      "approver_role, decided_by, decision_reason, created_at, decided_at, version) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
  s->bind_all(r.ticket_id, r.kind, r.compensation, r.amount_cents, r.description, r.status, r.requested_by,
              r.approver_role, r.decided_by, r.decision_reason, r.created_at, r.decided_at, r.version);
  s->step();
  return s->i64(0);
}

bool PgRepository::update_resolution(const ResolutionRecord& r, int64_t expected_version) {
  db_.prepare(
         "UPDATE resolutions SET status=?, decided_by=?, decision_reason=?, decided_at=?, version=? "
         "WHERE id=? AND version=?")
      ->bind_all(r.status, r.decided_by, r.decision_reason, r.decided_at, r.version, r.id, expected_version)
      .run();
  return db_.changes() == 1;
}

std::optional<ResolutionRecord> PgRepository::resolution(int64_t id) {
  auto s = db_.prepare(kResolutionCols + " WHERE r.id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_resolution(*s);
}

std::vector<ResolutionRecord> PgRepository::resolutions(int64_t ticket_id) {
  std::vector<ResolutionRecord> out;
  auto s = db_.prepare(kResolutionCols + " WHERE r.ticket_id = ? ORDER BY r.id");
  s->bind(1, ticket_id);
  while (s->step()) out.push_back(read_resolution(*s));
  return out;
}

std::vector<ResolutionRecord> PgRepository::pending_resolutions(const std::vector<int64_t>& store_ids,
                                                                const std::vector<std::string>& roles) {
  std::string sql = kResolutionCols + " JOIN tickets t ON t.id = r.ticket_id WHERE r.status = 'pending'";
  auto in = [](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
    return s;
  };
  if (!store_ids.empty()) sql += " AND t.store_id IN (" + in(store_ids.size()) + ")";
  if (roles.empty()) return {};
  sql += " AND r.approver_role IN (" + in(roles.size()) + ") ORDER BY r.id";
  auto s = db_.prepare(sql);
  int i = 0;
  for (auto id : store_ids) s->bind(++i, id);
  for (const auto& r : roles) s->bind(++i, r);
  std::vector<ResolutionRecord> out;
  while (s->step()) out.push_back(read_resolution(*s));
  return out;
}

bool PgRepository::insert_csat(const CsatRating& c) {
  db_.prepare(
         "INSERT INTO csat_ratings(ticket_id, rating, comment, created_at) VALUES (?,?,?,?) ON CONFLICT DO NOTHING")
      ->bind_all(c.ticket_id, c.rating, c.comment, c.created_at)
      .run();
  return db_.changes() == 1;
}

std::optional<CsatRating> PgRepository::csat(int64_t ticket_id) {
  auto s = db_.prepare("SELECT ticket_id, rating, comment, created_at FROM csat_ratings WHERE ticket_id = ?");
  s->bind(1, ticket_id);
  if (!s->step()) return std::nullopt;
  return CsatRating{s->i64(0), static_cast<int>(s->i64(1)), s->text(2), s->i64(3)};
}

}  // namespace kefu::storage::pg
