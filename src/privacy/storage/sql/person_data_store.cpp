// PersonDataStore over SQL, the same on SQLite and PostgreSQL: the person's rows across the
// capabilities' tables (person_kinds.cpp lists them for counting and exporting; erase_person
// below says what happens to each, docs/privacy.md why).
#include "privacy/storage/person_data_store.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "privacy/storage/sql/person_kinds.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

// "(?,?,…)" with the values appended to args; "(NULL)" for none (IN (NULL) is never true).
template <class T>
std::string in(const std::vector<T>& values, std::vector<Value>& args) {
  if (values.empty()) return "(NULL)";
  for (const auto& v : values) args.emplace_back(v);
  return "(" + placeholders(values.size()) + ")";
}

const std::vector<int64_t>& list_of(const Footprint& f, Of of) {
  switch (of) {
    case Of::members:
      return f.members;
    case Of::tickets:
      return f.tickets;
    case Of::conversations:
      return f.conversations;
    case Of::feedback_items:
      return f.feedback_items;
    case Of::nps_invitations:
      return f.nps_invitations;
    case Of::purchase_orders:
      return f.purchase_orders;
  }
  return f.members;
}

std::string where_of(const PersonKind& k, const Footprint& f, std::vector<Value>& args) {
  std::string w = " WHERE " + std::string(k.key) + " IN " + in(list_of(f, k.of), args);
  if (!k.also.empty()) w += " AND (" + std::string(k.also) + ")";
  return w;
}

template <class D>
class SqlPersonDataStore final : public PersonDataStore {
 public:
  SqlPersonDataStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  Footprint find_person(const PersonKey& key) override {
    Footprint f;
    std::set<std::string> phones, names;
    if (!key.phone.empty()) phones.insert(key.phone);
    auto add_member = [&](const std::string& sql, const Value& v) {
      auto s = db_.prepare(sql);
      bind_values(*s, {v});
      while (s->step()) {
        f.members.push_back(s->i64(0));
        if (s->text(3).rfind("erased-", 0) != 0) names.insert(s->text(1));
        if (!s->is_null(2) && !s->text(2).empty()) phones.insert(s->text(2));
      }
    };
    const std::string cols = "SELECT id, name, phone, member_no FROM members WHERE ";
    if (key.member_id) add_member(cols + "id = ?", *key.member_id);
    if (!key.phone.empty()) {
      add_member(cols + "phone = ?", key.phone);
      // A member known under this phone as a further identity (members/domain/identity.hpp).
      add_member(cols + "id IN (SELECT member_id FROM member_identities WHERE kind = 'phone' AND value = ?)",
                 key.phone);
    }
    // Records merged into theirs are theirs too (one level: a merge keeps one record).
    for (const auto id : std::vector<int64_t>(f.members)) add_member(cols + "merged_into = ?", id);
    unique(f.members);
    {
      // Their further phones find their tickets and feedback as the main phone does.
      std::vector<Value> a;
      for (auto& p :
           texts("SELECT value FROM member_identities WHERE kind = 'phone' AND member_id IN " + in(f.members, a), a))
        phones.insert(p);
    }
    f.phones.assign(phones.begin(), phones.end());

    // Each IN list appends its values in order, so the pieces are joined one statement at
    // a time (the operands of a chain of + are evaluated in no fixed order).
    std::vector<Value> a;
    std::string q = "SELECT id FROM tickets WHERE member_id IN " + in(f.members, a);
    q += " UNION SELECT ticket_id FROM ticket_contacts WHERE phone IN " + in(f.phones, a);
    f.tickets = ids(q, a);
    a.clear();
    q = "SELECT id FROM conversations WHERE member_id IN " + in(f.members, a);
    q += " OR ticket_id IN " + in(f.tickets, a);
    f.conversations = ids(q, a);
    a.clear();
    q = "SELECT id FROM nps_invitations WHERE member_id IN " + in(f.members, a);
    q += " OR phone IN " + in(f.phones, a);
    q += " OR ticket_id IN " + in(f.tickets, a);
    f.nps_invitations = ids(q, a);
    a.clear();
    q = "SELECT id FROM feedback_items WHERE member_id IN " + in(f.members, a);
    q += " OR contact_phone IN " + in(f.phones, a);
    q += " OR ticket_id IN " + in(f.tickets, a);
    q += " OR conversation_id IN " + in(f.conversations, a);
    q += " UNION SELECT feedback_item_id FROM nps_invitations WHERE feedback_item_id IS NOT NULL AND id IN " +
         in(f.nps_invitations, a);
    f.feedback_items = ids(q, a);
    a.clear();
    f.purchase_orders = ids("SELECT id FROM purchase_orders WHERE member_id IN " + in(f.members, a), a);
    a.clear();
    for (auto& n : texts("SELECT name FROM ticket_contacts WHERE ticket_id IN " + in(f.tickets, a), a)) names.insert(n);
    a.clear();
    for (auto& n : texts("SELECT customer_name FROM conversations WHERE id IN " + in(f.conversations, a), a))
      names.insert(n);
    names.erase("");
    f.names.assign(names.begin(), names.end());
    f.last_contact_at = last_contact(f);
    return f;
  }

  KindCounts count_rows(const Footprint& f) override {
    KindCounts out;
    for (const auto& k : person_kinds()) {
      std::vector<Value> a;
      auto s = db_.prepare("SELECT COUNT(*) FROM " + std::string(k.table) + where_of(k, f, a));
      bind_values(*s, a);
      out.emplace_back(std::string(k.kind), s->step() ? s->i64(0) : 0);
    }
    return out;
  }

  std::string export_rows(const std::string& kind, const Footprint& f) override {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& k : person_kinds()) {
      if (k.kind != kind) continue;
      std::string cols;
      for (const auto& c : k.columns) cols += (cols.empty() ? "" : ", ") + std::string(c.name);
      std::vector<Value> a;
      auto s = db_.prepare("SELECT " + cols + " FROM " + std::string(k.table) + where_of(k, f, a) + " ORDER BY " +
                           std::string(k.columns[0].name) + ", " + std::string(k.columns[1].name));
      bind_values(*s, a);
      while (s->step()) {
        nlohmann::json row = nlohmann::json::object();
        for (std::size_t i = 0; i < k.columns.size(); ++i) {
          const int col = static_cast<int>(i);
          const std::string name(k.columns[i].name);
          if (s->is_null(col))
            row[name] = nullptr;
          else if (k.columns[i].is_int)
            row[name] = s->i64(col);
          else
            row[name] = s->text(col);
        }
        rows.push_back(std::move(row));
      }
    }
    return rows.dump(2);
  }

  std::vector<PersonPhoto> photos(const Footprint& f) override {
    std::vector<PersonPhoto> out;
    auto read = [&](const std::string& kind, const std::string& sql, const std::vector<int64_t>& keys) {
      std::vector<Value> a;
      auto s = db_.prepare(sql + in(keys, a) + " ORDER BY id");
      bind_values(*s, a);
      while (s->step()) out.push_back({kind, s->i64(0), s->text(1), s->text(2), s->text(3)});
    };
    read("attachments", "SELECT id, sha256, filename, content_type FROM attachments WHERE ticket_id IN ", f.tickets);
    read("chat_photos", "SELECT id, digest, filename, content_type FROM chat_photos WHERE conversation_id IN ",
         f.conversations);
    read("feedback_photos", "SELECT id, digest, filename, content_type FROM feedback_photos WHERE item_id IN ",
         f.feedback_items);
    return out;
  }

  KindCounts erase_person(const Footprint& f, const Redaction& r) override;

  std::vector<PersonKey> inactive_people(int64_t before, int limit) override {
    std::vector<PersonKey> out;
    {
      auto s = db_.prepare(
          "SELECT m.id FROM members m WHERE m.member_no NOT LIKE 'erased-%' AND m.created_at < ?"
          " AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.member_id = m.id AND t.updated_at >= ?)"
          " AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.member_id = m.id AND c.last_message_at >= ?)"
          " AND NOT EXISTS (SELECT 1 FROM feedback_items i WHERE i.member_id = m.id AND i.received_at >= ?)"
          " AND NOT EXISTS (SELECT 1 FROM nps_invitations n WHERE n.member_id = m.id AND n.sent_at >= ?)"
          " AND NOT EXISTS (SELECT 1 FROM purchase_orders o WHERE o.member_id = m.id AND o.sold_at >= ?)"
          " ORDER BY m.id LIMIT ?");
      s->bind_all(before, before, before, before, before, before, int64_t{limit});
      while (s->step()) out.push_back({s->i64(0), ""});
    }
    if (static_cast<int>(out.size()) >= limit) return out;
    // Customers known only by the phone on their tickets (a member's phone is the member's).
    auto s = db_.prepare(
        "SELECT tc.phone FROM ticket_contacts tc JOIN tickets t ON t.id = tc.ticket_id WHERE tc.phone <> ''"
        " AND NOT EXISTS (SELECT 1 FROM members m WHERE m.phone = tc.phone)"
        " GROUP BY tc.phone HAVING MAX(t.updated_at) < ? ORDER BY tc.phone LIMIT ?");
    s->bind_all(before, int64_t{limit - static_cast<int>(out.size())});
    while (s->step()) out.push_back({std::nullopt, s->text(0)});
    return out;
  }

  std::vector<std::string> delete_old_photos(const std::string& kind, int64_t before) override {
    if (kind != "chat_photos" && kind != "feedback_photos") return {};
    std::vector<std::string> shas;
    {
      auto s = db_.prepare("SELECT digest FROM " + kind + " WHERE created_at < ?");
      s->bind_all(before);
      while (s->step()) shas.push_back(s->text(0));
    }
    db_.prepare("DELETE FROM " + kind + " WHERE created_at < ?")->bind_all(before).run();
    return shas;
  }

  int64_t clear_bot_questions(int64_t before, const std::string& erased) override {
    db_.prepare("UPDATE bot_turns SET question = ? WHERE created_at < ? AND question <> ?")
        ->bind_all(erased, before, erased)
        .run();
    return db_.changes();
  }

  bool blob_named(const std::string& sha) override {
    auto s = db_.prepare(
        "SELECT 1 FROM attachments WHERE sha256 = ? UNION ALL SELECT 1 FROM chat_photos WHERE digest = ?"
        " UNION ALL SELECT 1 FROM feedback_photos WHERE digest = ?"
        " UNION ALL SELECT 1 FROM feedback_action_photos WHERE sha256 = ?");
    s->bind_all(sha, sha, sha, sha);
    return s->step();
  }

 private:
  static void unique(std::vector<int64_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }

  std::vector<int64_t> ids(const std::string& sql, const std::vector<Value>& args) {
    auto s = db_.prepare(sql);
    bind_values(*s, args);
    std::vector<int64_t> out;
    while (s->step())
      if (!s->is_null(0)) out.push_back(s->i64(0));
    unique(out);
    return out;
  }

  std::vector<std::string> texts(const std::string& sql, const std::vector<Value>& args) {
    auto s = db_.prepare(sql);
    bind_values(*s, args);
    std::vector<std::string> out;
    while (s->step()) out.push_back(s->text(0));
    return out;
  }

  int64_t newest(const std::string& sql, const std::vector<Value>& args) {
    auto s = db_.prepare(sql);
    bind_values(*s, args);
    return s->step() && !s->is_null(0) ? s->i64(0) : 0;
  }

  int64_t last_contact(const Footprint& f) {
    std::vector<Value> a;
    int64_t at = newest("SELECT MAX(updated_at) FROM tickets WHERE id IN " + in(f.tickets, a), a);
    a.clear();
    at =
        std::max(at, newest("SELECT MAX(last_message_at) FROM conversations WHERE id IN " + in(f.conversations, a), a));
    a.clear();
    at = std::max(at, newest("SELECT MAX(received_at) FROM feedback_items WHERE id IN " + in(f.feedback_items, a), a));
    a.clear();
    at = std::max(at, newest("SELECT MAX(sold_at) FROM purchase_orders WHERE id IN " + in(f.purchase_orders, a), a));
    a.clear();
    return std::max(at, newest("SELECT MAX(sent_at) FROM nps_invitations WHERE id IN " + in(f.nps_invitations, a), a));
  }

  // Runs one statement; returns the rows it changed.
  int64_t run(const std::string& sql, const std::vector<Value>& args) {
    auto s = db_.prepare(sql);
    bind_values(*s, args);
    s->run();
    return db_.changes();
  }

  // In staff's texts of the rows `where` names: each of the person's names and phones → "***".
  int64_t redact(const std::string& table, const std::vector<std::string>& cols, const std::string& where,
                 const std::vector<Value>& where_args, const std::vector<std::string>& needles) {
    int64_t changed = 0;
    for (const auto& needle : needles) {
      std::string set, any;
      std::vector<Value> a;
      for (const auto& c : cols) {
        set += (set.empty() ? "" : ", ") + c + " = REPLACE(" + c + ", ?, '***')";
        a.emplace_back(needle);
      }
      a.insert(a.end(), where_args.begin(), where_args.end());
      for (const auto& c : cols) {
        any += (any.empty() ? "" : " OR ") + c + " LIKE ?";
        a.emplace_back("%" + needle + "%");
      }
      changed += run("UPDATE " + table + " SET " + set + " WHERE " + where + " AND (" + any + ")", a);
    }
    return changed;
  }

  typename D::Db& db_;
};

template <class D>
KindCounts SqlPersonDataStore<D>::erase_person(const Footprint& f, const Redaction& r) {
  KindCounts out;
  auto count = [&](const char* kind, int64_t n) { out.emplace_back(kind, n); };
  std::vector<Value> t, c, fi, n, m, p;
  const std::string T = in(f.tickets, t), C = in(f.conversations, c), F = in(f.feedback_items, fi);
  const std::string N = in(f.nps_invitations, n), M = in(f.members, m), P = in(f.phones, p);
  auto with = [](std::vector<Value> first, const std::vector<Value>& more) {
    first.insert(first.end(), more.begin(), more.end());
    return first;
  };
  const Value E = r.erased;

  // Tickets' timelines: what the customer wrote (and the subject on "created") goes; an
  // edit's record of the old and new description goes; staff's words stay, without the
  // person's names and phones.
  count("ticket_events",
        run("UPDATE ticket_events SET body = ?, data = '{}' WHERE ticket_id IN " + T +
                " AND (actor_id = 0 OR kind IN ('created', 'customer_reply', 'customer_contact', 'csat'))",
            with({E}, t)) +
            run("UPDATE ticket_events SET data = '{}' WHERE ticket_id IN " + T +
                    " AND kind = 'updated' AND (data LIKE '%\"description\"%' OR data LIKE '%\"subject\"%')",
                t) +
            redact("ticket_events", {"body", "data"}, "ticket_id IN " + T, t, r.redact));
  count("tasks", redact("tasks", {"description", "result"}, "ticket_id IN " + T, t, r.redact));
  count("resolutions", redact("resolutions", {"description", "decision_reason"}, "ticket_id IN " + T, t, r.redact));
  count("attachments", run("DELETE FROM attachments WHERE ticket_id IN " + T, t));
  count("ticket_contacts", run("DELETE FROM ticket_contacts WHERE ticket_id IN " + T, t));
  count("customer_access", run("DELETE FROM customer_access WHERE ticket_id IN " + T, t));
  count("csat_ratings",
        run("UPDATE csat_ratings SET comment = ? WHERE comment <> '' AND ticket_id IN " + T, with({E}, t)));

  // Chats: the customer's name and words go, their photos too; agents' words stay, redacted.
  count("conversations", run("UPDATE conversations SET customer_name = '', member_id = NULL, rating_comment = "
                             "CASE WHEN rating_comment = '' THEN '' ELSE ? END WHERE id IN " +
                                 C,
                             with({E}, c)));
  count("chat_messages",
        run("UPDATE chat_messages SET body = ? WHERE sender = 'customer' AND conversation_id IN " + C, with({E}, c)) +
            redact("chat_messages", {"body"}, "sender <> 'customer' AND conversation_id IN " + C, c, r.redact));
  count("chat_photos", run("DELETE FROM chat_photos WHERE conversation_id IN " + C, c));
  // Automatic quality hits quote staff's words: redacted like them.
  count("qa_auto_hits", redact("qa_auto_hits", {"excerpt"},
                               "((subject_kind = 'ticket' AND subject_id IN " + T +
                                   ") OR (subject_kind = 'conversation' AND subject_id IN " + C + "))",
                               with(t, c), r.redact));
  count("bot_turns", run("UPDATE bot_turns SET question = ? WHERE conversation_id IN " + C, with({E}, c)));
  count("kb_signals",
        run("UPDATE kb_signals SET query = ?, revoked_at = COALESCE(revoked_at, ?) WHERE conversation_id IN " + C +
                " OR ticket_id IN " + T,
            with(with({E, r.now}, c), t)));

  // Feedback and NPS: the words go; the topic, sentiment, rating and score stay for statistics.
  count("feedback_examples", run("DELETE FROM feedback_examples WHERE item_id IN " + F, fi));
  count("feedback_photos", run("DELETE FROM feedback_photos WHERE item_id IN " + F, fi));
  count("feedback_items", run("UPDATE feedback_items SET text = ?, member_id = NULL, contact_phone = '', author = '' "
                              "WHERE id IN " +
                                  F,
                              with({E}, fi)));
  count("nps_invitations", run("UPDATE nps_invitations SET member_id = NULL, phone = '', reason = "
                               "CASE WHEN reason = '' THEN '' ELSE ? END WHERE id IN " +
                                   N,
                               with({E}, n)));

  // Staff's notifications and emails about the tickets: redacted.
  count("notifications", redact("notifications", {"title", "body", "data"}, "ticket_id IN " + T, t, r.redact));
  count("email_outbox",
        redact("email_outbox", {"subject", "body"},
               "notification_id IN (SELECT id FROM notifications WHERE ticket_id IN " + T + ")", t, r.redact));

  // Caches that may quote them: replayable answers (24 h) and the limiter's buckets by phone.
  int64_t cached = 0;
  for (const auto& needle : r.redact) cached += run("DELETE FROM idempotency WHERE body LIKE ?", {"%" + needle + "%"});
  for (const auto& phone : f.phones) cached += run("DELETE FROM rate_limits WHERE key LIKE ?", {"%:" + phone});
  count("caches", cached);
  count("privacy_exports", run("UPDATE privacy_exports SET phone = '' WHERE phone IN " + P, p));

  // Purchases stay in the store's accounts, unlinked; the points ledger stays with the
  // anonymised member (its balance is the sum), staff's reasons redacted.
  std::vector<Value> o;
  const std::string O = in(f.purchase_orders, o);
  count("purchase_orders", run("UPDATE purchase_orders SET member_id = NULL WHERE id IN " + O, o));
  count("member_points", redact("member_points", {"reason"}, "member_id IN " + M, m, r.redact));

  // The member core: further identities, tags and consent records go with the person (a
  // consent cannot outlive the one who gave it); the member's history goes too (the audit
  // log keeps who did what). Returns stay for the store's report, without the person's note.
  count("member_identities", run("DELETE FROM member_identities WHERE member_id IN " + M, m));
  count("member_tags", run("DELETE FROM member_tags WHERE member_id IN " + M, m));
  count("member_consents", run("DELETE FROM member_consents WHERE member_id IN " + M, m));
  count("member_events", run("DELETE FROM member_events WHERE member_id IN " + M, m));
  count("returns", run("UPDATE returns SET member_id = NULL, note = CASE WHEN note = '' THEN '' ELSE ? END "
                       "WHERE member_id IN " +
                           M + " OR ticket_id IN " + T,
                       with(with({E}, m), t)));

  // The member record stays (the points ledger names it), anonymised.
  count("members", run("UPDATE members SET name = ?, phone = NULL, member_no = 'erased-' || CAST(id AS TEXT), "
                       "birthday = '', care_flags = '' WHERE id IN " +
                           M,
                       with({r.member_name}, m)));
  return out;
}

}  // namespace

std::unique_ptr<PersonDataStore> PersonDataStore::open(Stores& s) {
  return make_store<PersonDataStore, SqlPersonDataStore>(s);
}

}  // namespace kefu::storage
