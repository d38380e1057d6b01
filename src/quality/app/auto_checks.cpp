#include "quality/app/auto_checks.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "bot/domain/turn.hpp"
#include "chat/storage/chat_agent_store.hpp"
#include "chat/storage/conversation_store.hpp"
#include "kb/domain/t2s.hpp"
#include "notifications/app/notifications.hpp"
#include "org/storage/org_store.hpp"
#include "quality/storage/auto_rule_store.hpp"
#include "quality/storage/auto_source_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

using storage::QaAutoHit;

using Rules = std::shared_ptr<const std::vector<quality::AutoRule>>;

// The rules in force in a store with their phrases folded, kept per store while its saved
// rules (and the chain's) read the same: a message then folds only itself. The key is the
// rules' whole content, so another database in the same process (tests) never shares one.
Rules rules_in(Context& c, int64_t store_id) {
  const auto saved = c.store<storage::QaAutoRuleStore>().rules_for(store_id);
  std::string key;
  for (const auto& r : saved) {
    key += std::to_string(r.store_id) + "|" + r.code + "|" + std::string(r.kind.code()) + "|" + r.name + "|" +
           std::to_string(r.seconds) + "|" + std::to_string(r.threshold) + "|" + (r.red_line ? "r" : "n") +
           (r.enabled ? "e" : "d");
    for (const auto& p : r.phrases) key += "|" + p;
    key += "\n";
  }
  static std::mutex mu;
  static std::map<int64_t, std::pair<std::string, Rules>> cache;
  {
    std::lock_guard lock(mu);
    auto it = cache.find(store_id);
    if (it != cache.end() && it->second.first == key) return it->second.second;
  }
  auto rules = quality::rules_in_force(saved, store_id);
  quality::fold_phrases(rules, auto_t2s());
  auto out = std::make_shared<const std::vector<quality::AutoRule>>(std::move(rules));
  std::lock_guard lock(mu);
  if (cache.size() > 10'000) cache.clear();
  cache[store_id] = {key, out};
  return out;
}

QaAutoHit hit_of(const quality::AutoRule& r, std::string subject_kind, int64_t subject_id, int64_t ref,
                 std::optional<int64_t> staff_id, int64_t store_id, std::string excerpt, std::string detail,
                 int64_t at) {
  return {0,
          r.code,
          std::string(r.kind.code()),
          r.name,
          std::move(subject_kind),
          subject_id,
          ref,
          staff_id,
          store_id,
          r.red_line,
          std::move(excerpt),
          std::move(detail),
          at};
}

// The store's supervisors on duty: those signed in to the chat desk (online or away), else
// every supervisor of the store, else its managers.
std::vector<int64_t> on_duty_supervisors(Context& c, int64_t store_id) {
  std::vector<int64_t> out;
  for (const auto& a : c.store<storage::ChatAgentStore>().agent_loads(store_id))
    if ((a.role == "supervisor" || a.role == "manager") && a.agent.presence != "offline")
      out.push_back(a.agent.staff_id);
  for (const char* role : {"supervisor", "manager"}) {
    if (!out.empty()) break;
    for (const auto& s : c.store<storage::OrgStore>().staff_in_store(store_id, role)) out.push_back(s.id);
  }
  return out;
}

// A red line in a live chat: a notice to the supervisors on duty, linking to the message.
void alert_red_line(Context& c, const chat::Conversation& conv, const QaAutoHit& h) {
  auto who = h.staff_id ? c.store<storage::OrgStore>().staff(*h.staff_id) : std::nullopt;
  const std::string name = who ? who->display_name : "客服";
  Notice n;
  n.kind = "qa_red_line";
  n.title = "服务红线：" + h.rule_name;
  n.body = name + " 在在线会话 #" + std::to_string(conv.id) + " 中：" + h.excerpt;
  n.data = {{"conversation_id", conv.id},
            {"seq", h.message_ref},
            {"hit_id", h.id},
            {"rule_code", h.rule_code},
            {"staff_id", h.staff_id ? nlohmann::json(*h.staff_id) : nlohmann::json(nullptr)},
            {"store_id", conv.store_id},
            {"link", "/chat?c=" + std::to_string(conv.id) + "&seq=" + std::to_string(h.message_ref)}};
  notify(c, on_duty_supervisors(c, conv.store_id), n);
}

std::shared_ptr<const kb::T2s> load_t2s() {
  try {
    return kb::T2s::load();
  } catch (const std::exception&) {
    return nullptr;  // without libopencc-data: the text as written
  }
}

const kb::T2s* t2s_instance() {
  static const std::shared_ptr<const kb::T2s> loaded = load_t2s();
  return loaded.get();
}

std::string convert(std::string_view s) { return t2s_instance()->convert(s); }

}  // namespace

quality::Convert auto_t2s() { return t2s_instance() ? &convert : nullptr; }

void auto_check_chat_message(Context& c, const chat::Conversation& before, const chat::Message& m) {
  if (m.sender != "agent" || m.kind != "text") return;
  const auto rules = rules_in(c, before.store_id);
  std::optional<int64_t> delay;
  if (before.assigned_at) delay = m.created_at - *before.assigned_at;
  const bool first = !before.first_reply_at;
  for (const auto& f : quality::check_reply(*rules, {m.body, first, delay}, auto_t2s())) {
    auto h = hit_of(*f.rule, "conversation", m.conversation_id, m.seq, m.staff_id, before.store_id,
                    quality::excerpt(m.body), f.detail, m.created_at);
    if (c.store<storage::QaAutoHitStore>().insert_hit(h) && h.red_line && before.status != "ended")
      alert_red_line(c, before, h);
  }
}

void auto_check_ticket_reply(Context& c, const ticket::Ticket& t, const ticket::Event& e, bool first) {
  const auto rules = rules_in(c, t.store_id);
  for (const auto& f : quality::check_reply(*rules, {e.body, first, std::nullopt}, auto_t2s())) {
    auto h =
        hit_of(*f.rule, "ticket", t.id, e.id, e.actor_id, t.store_id, quality::excerpt(e.body), f.detail, e.created_at);
    c.store<storage::QaAutoHitStore>().insert_hit(h);
  }
}

namespace {

quality::Chat chat_facts(Context& c, const chat::Conversation& conv) {
  quality::Chat out;
  out.agent_id = conv.agent_id;
  out.assigned_at = conv.assigned_at;
  out.ended_at = conv.ended_at;
  out.has_ticket = conv.ticket_id.has_value();
  auto& chats = c.store<storage::ConversationStore>();
  for (int64_t after = 0;;) {
    auto page = chats.messages_after(conv.id, after, 500);
    for (auto& m : page) out.messages.push_back({m.seq, m.sender, m.staff_id, m.kind, std::move(m.body), m.created_at});
    if (page.size() < 500) break;
    after = out.messages.back().seq;
  }
  return out;
}

}  // namespace

AutoRound auto_check_ended_chats(Context& c, int limit) {
  auto& src = c.store<storage::QaAutoSourceStore>();
  const int64_t after_at = src.cursor("chats_ended_at"), after_id = src.cursor("chats_ended_id");
  const auto ended = src.ended_chats(after_at, after_id, c.now_ms, limit);
  int stored = 0;
  for (const auto& e : ended) {
    auto conv = c.store<storage::ConversationStore>().conversation(e.id);
    if (!conv || conv->status != "ended") continue;  // reopened since: checked at its next end
    const auto rules = rules_in(c, conv->store_id);
    for (auto& f : quality::check_ended_chat(*rules, chat_facts(c, *conv), &bot::anger, auto_t2s())) {
      // The customer's own words stay in the conversation (the finding's excerpt is empty).
      auto h = hit_of(*f.rule, "conversation", conv->id, f.seq, f.staff_id, conv->store_id, std::move(f.excerpt),
                      f.detail, f.at);
      stored += c.store<storage::QaAutoHitStore>().insert_hit(h);
    }
  }
  if (!ended.empty()) {
    src.set_cursor("chats_ended_at", ended.back().ended_at);
    src.set_cursor("chats_ended_id", ended.back().id);
  }
  return {static_cast<int>(ended.size()), stored};
}

AutoRound auto_check_ticket_promises(Context& c, int limit) {
  auto& src = c.store<storage::QaAutoSourceStore>();
  // Replies are decided once the longest promise window of any rule has passed.
  int64_t window_s = 0;
  const auto saved = c.store<storage::QaAutoRuleStore>().all_rules();
  auto rules = quality::rules_in_force(saved, 0);
  rules.insert(rules.end(), saved.begin(), saved.end());
  for (const auto& r : rules)
    if (r.kind == "unkept_promise" && r.enabled) window_s = std::max(window_s, r.seconds);
  if (window_s == 0) return {};
  const auto replies = src.ticket_replies(src.cursor("ticket_replies"), c.now_ms - window_s * 1000, limit);
  int stored = 0;
  for (const auto& reply : replies) {
    const auto rules = rules_in(c, reply.store_id);
    std::optional<std::string> folded;
    for (const auto& r : *rules) {
      if (r.kind != "unkept_promise") continue;
      if (!folded) folded = quality::fold(reply.body, auto_t2s());
      auto phrase = quality::first_phrase(r, *folded, auto_t2s());
      if (!phrase) continue;
      const auto follow = src.follow_ups(reply.ticket_id, reply.at, reply.at + r.seconds * 1000);
      if (quality::promise_kept(reply.at, r.seconds * 1000, follow, c.now_ms) != false) continue;
      auto h = hit_of(r, "ticket", reply.ticket_id, reply.event_id, reply.staff_id, reply.store_id,
                      quality::excerpt(reply.body), *phrase, reply.at);
      stored += c.store<storage::QaAutoHitStore>().insert_hit(h);
    }
  }
  if (!replies.empty()) src.set_cursor("ticket_replies", replies.back().event_id);
  return {static_cast<int>(replies.size()), stored};
}

}  // namespace kefu::app
