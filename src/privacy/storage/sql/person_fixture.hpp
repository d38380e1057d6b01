#pragma once
// Test data: a person held in every table that can hold one (tickets and their timeline,
// tasks, attachments, ratings, resolutions; a chat with the bot's turns, photos and a
// learned signal; feedback with a photo and a training example; an NPS answer; staff's
// notifications and emails; caches), written as plain SQL that both engines run, and a
// bystander who must come through an erasure untouched. Ids from 9000 up.
#include <string>
#include <vector>

#include "core/storage/pg/stores.hpp"
#include "core/storage/sqlite/stores.hpp"
#include "core/storage/stores.hpp"

namespace kefu::storage::testing {

struct SeedPerson {
  int64_t base = 9000;          // this person's rows' ids: base + 1 …
  std::string name = "王美丽";  // also written into staff's notes and the ticket's texts
  std::string phone = "13912345678";
  bool member = true;
  int64_t at = 1795278600000LL;
};

inline void exec_sql(Stores& s, const std::string& sql) {
  if (auto* lite = s.sqlite())
    lite->connection().exec(sql);
  else
    s.pg()->connection().exec(sql);
}

inline std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// Needs a store (store_id), a department (dept) and a staff member (staff).
inline void seed_person(Stores& s, const SeedPerson& p, int64_t store_id, int64_t dept, int64_t staff) {
  const std::string b = std::to_string(p.base);
  auto id = [&](int n) { return std::to_string(p.base + n); };
  std::vector<std::string> sql = {
      p.member
          ? "INSERT INTO members(id, member_no, name, phone, tier, birthday, care_flags, home_store_id, created_at)"
            " VALUES ($1, 'M$1', '$N', '$P', 'gold', '1990-05-01', 'pregnant', $S, $T)"
          : "",
      p.member
          ? "INSERT INTO purchase_orders(id, store_id, receipt_no, member_id, sold_at, payment, order_discount_fen,"
            " coupon_fen, points_used, points_earned, promotion, source, created_at) VALUES ($1, $S, 'R-$1', $1, $T,"
            " 'wechat', 1000, 0, 0, 88, '满200减10', 'pos', $T)"
          : "",
      p.member ? "INSERT INTO purchase_lines(id, order_id, line_no, counter, brand, sku, name, category, quantity,"
                 " unit_price_fen, line_discount_fen, discount_share_fen, paid_fen, promotion, gift) VALUES"
                 " ($1, $1, 1, '3F-12', '某品牌', 'SKU1', '羊毛外套', 'apparel', 1, 89900, 0, 1000, 88900, '', 0)"
               : "",
      p.member ? "INSERT INTO member_points(id, member_id, kind, points, reason, ref, staff_id, created_at) VALUES"
                 " ($1, $1, 'adjust', 50, '为$N补录积分', 'adj-$1', $F, $T)"
               : "",
      "INSERT INTO tickets(id, number, store_id, department_id, type, channel, priority, status, subject, description,"
      " category, location, member_id, purchase_ref, owner_id, created_by, created_at, updated_at, resolved_at,"
      " version) VALUES ($1, 'KF$1', $S, $D, 'complaint', 'app', 'P3', 'resolved', '$N投诉外套起球',"
      " '我是$N，电话$P，外套穿一次就起球', 'apparel', '3F', $M, 'R-$1', $F, $F, $T, $T, $T, 3)",
      "INSERT INTO ticket_contacts(ticket_id, name, phone, created_at) VALUES ($1, '$N', '$P', $T)",
      "INSERT INTO ticket_events(id, ticket_id, kind, actor_id, body, data, customer_visible, created_at) VALUES"
      " ($1, $1, 'created', $F, '$N投诉外套起球', '{}', 0, $T),"
      " ($2, $1, 'customer_contact', 0, '$N', '{\"phone\":\"$Q\"}', 0, $T),"
      " ($3, $1, 'customer_reply', 0, '我的电话是$P，请尽快', '{}', 1, $T),"
      " ($4, $1, 'note', $F, '已致电$N（$P），顾客同意换货', '{}', 0, $T),"
      " ($5, $1, 'reply', $F, '您好，已为您安排换货', '{}', 1, $T),"
      " ($6, $1, 'updated', $F, '', '{\"description\":{\"from\":\"外套起球\",\"to\":\"我是$N\"}}', 0, $T)",
      "INSERT INTO tasks(id, ticket_id, department_id, description, status, due_at, result, created_by, created_at,"
      " updated_at, version) VALUES ($1, $1, $D, '请联系$N核实', 'done', $T, '已联系$P', $F, $T, $T, 1)",
      "INSERT INTO attachments(id, ticket_id, sha256, content_type, filename, size, uploaded_by, created_at) VALUES"
      " ($1, $1, 'sha-ticket-$1', 'image/jpeg', '$N的外套.jpg', 10, 0, $T)",
      "INSERT INTO csat_ratings(ticket_id, rating, comment, created_at) VALUES ($1, 2, '$N：处理太慢', $T)",
      "INSERT INTO resolutions(id, ticket_id, kind, compensation, amount_cents, description, status, requested_by,"
      " approver_role, decision_reason, created_at, version) VALUES ($1, $1, 'exchange', '', 0, '为$N换同款',"
      " 'approved', $F, '', '', $T, 1)",
      "INSERT INTO customer_access(digest, ticket_id, created_at, expires_at) VALUES ('access-$1', $1, $T, $T)",
      "INSERT INTO conversations(id, store_id, queue, status, visitor_digest, member_id, customer_name, created_at,"
      " last_message_at, end_reason, last_seq, ticket_id, rating, rating_comment) VALUES ($1, $S, 'general', 'ended',"
      " 'visitor-$1', $M, '$N', $T, $T, 'customer', 3, $1, 4, '$N觉得客服很耐心')",
      "INSERT INTO chat_messages(conversation_id, seq, sender, client_msg_id, kind, body, created_at) VALUES"
      " ($1, 1, 'customer', 'c1', 'text', '我叫$N，手机$P', $T),"
      " ($1, 2, 'agent', 'a1', 'text', '$N您好，请稍等', $T),"
      " ($1, 3, 'system', '', 'text', '会话已结束', $T)",
      "INSERT INTO chat_photos(id, conversation_id, digest, content_type, size, filename, sender, created_at) VALUES"
      " ($1, $1, 'sha-chat-$1', 'image/png', 10, 'receipt.png', 'customer', $T)",
      "INSERT INTO bot_turns(id, conversation_id, store_id, queue, created_at, question, question_seq, act, guesses,"
      " confidence_ppm, handoff, verdict, handed_over, unanswered, handled) VALUES ($1, $1, $S, 'general', $T,"
      " '我叫$N，外套起球怎么办', 1, 'handoff', '[]', 0, 'low_confidence', '', 1, 0, '')",
      "INSERT INTO kb_entries(id, status, audience, question, similar_questions, answer, keywords, version,"
      " created_at, created_by, updated_at, updated_by) VALUES ($1, 'published', 'customer', '衣服起球怎么办', '[]',"
      " '可以换货', '[]', 1, $T, $F, $T, $F)",
      "INSERT INTO kb_signals(id, query, entry_id, source, store_id, conversation_id, created_at, updated_at) VALUES"
      " ($1, '$N的外套起球', $1, 'handoff', $S, $1, $T, $T)",
      "INSERT INTO feedback_items(id, store_id, touchpoint, source, source_ref, said_at, received_at, text, rating,"
      " member_id, contact_phone, author, ticket_id, conversation_id, topic_predicted, topic_score_ppm,"
      " sentiment_predicted, sentiment_score_ppm, topic_confirmed, sentiment_confirmed, topic, sentiment) VALUES"
      " ($1, $S, 'desk', 'form', '', $T, $T, '我是$N，服务台态度不好', 2, $M, '$P', '$N', NULL, NULL, 'staff',"
      " 900000, 'negative', 900000, 0, 0, 'staff', 'negative')",
      "INSERT INTO feedback_photos(id, item_id, n, digest, content_type, filename, size, created_at) VALUES"
      " ($1, $1, 1, 'sha-feedback-$1', 'image/jpeg', 'desk.jpg', 10, $T)",
      "INSERT INTO feedback_examples(id, text, topic, sentiment, origin, item_id, created_at, updated_at) VALUES"
      " ($1, '我是$N，服务台态度不好', 'staff', 'negative', 'corrected', $1, $T, $T)",
      "INSERT INTO nps_campaigns(id, name, trigger_kind, question, starts_at, ends_at, sample_ppm, sample_size,"
      " cap_days, link_days, seed, active, created_at, updated_at) VALUES ($1, '售后调查$1', 'ticket_resolved',"
      " '您有多大可能推荐我们？', $T, $T, 1000000, 0, 90, 7, 1, 1, $T, $T)",
      "INSERT INTO nps_invitations(id, campaign_id, store_id, member_id, phone, member_tier, ticket_id, token_digest,"
      " sent_at, expires_at, score, reason, category) VALUES ($1, $1, $S, $M, '$P', 'gold', $1, 'nps-$1', $T, $T, 3,"
      " '$N说停车太难', 'detractor')",
      "INSERT INTO notifications(id, staff_id, kind, ticket_id, title, body, data, created_at) VALUES ($1, $F,"
      " 'escalation', $1, '$N的投诉即将超时', '顾客$N（$P）', '{}', $T)",
      "INSERT INTO email_outbox(id, notification_id, to_addr, subject, body, created_at, next_attempt_at) VALUES"
      " ($1, $1, 'li@example.com', '$N的投诉即将超时', '顾客$N（$P）', $T, $T)",
      "INSERT INTO idempotency(staff_id, key, request_hash, status, body, created_at) VALUES ($F, 'k$1', 'h', 201,"
      " '{\"description\":\"我是$N\"}', $T)",
      "INSERT INTO rate_limits(key, hits, window_start, blocked_until, strikes, forget_at) VALUES"
      " ('submit:phone:$P', 1, $T, 0, 0, $T)",
  };
  for (auto q : sql) {
    if (q.empty()) continue;
    q = replace_all(q, "$1", id(1));
    q = replace_all(q, "$2", id(2));
    q = replace_all(q, "$3", id(3));
    q = replace_all(q, "$4", id(4));
    q = replace_all(q, "$5", id(5));
    q = replace_all(q, "$6", id(6));
    q = replace_all(q, "$M", p.member ? id(1) : "NULL");
    q = replace_all(q, "$N", p.name);
    q = replace_all(q, "$P", p.phone);
    q = replace_all(q, "$Q", p.phone.substr(0, 3) + "****" + p.phone.substr(7));  // as staff saw it
    q = replace_all(q, "$S", std::to_string(store_id));
    q = replace_all(q, "$D", std::to_string(dept));
    q = replace_all(q, "$F", std::to_string(staff));
    q = replace_all(q, "$T", std::to_string(p.at));
    exec_sql(s, q);
  }
}

}  // namespace kefu::storage::testing
