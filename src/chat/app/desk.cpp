#include "chat/app/desk.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "bot/app/bot.hpp"
#include "callbacks/domain/rating.hpp"
#include "chat/app/chat_settings.hpp"
#include "chat/app/conversations.hpp"
#include "chat/domain/assignment.hpp"
#include "chat/domain/errors.hpp"
#include "chat/domain/queue.hpp"
#include "chat/domain/reply_stats.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "feedback/app/feedback_flow_ins.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::app {
namespace {

using storage::ChatAgentStore;
using storage::ChatDeskStore;
using storage::ConversationStore;

ConversationStore& chats(Context& c) { return c.store<ConversationStore>(); }
ChatAgentStore& agents(Context& c) { return c.store<ChatAgentStore>(); }
ChatDeskStore& desk(Context& c) { return c.store<ChatDeskStore>(); }

std::vector<chat::Message> all_messages(Context& c, int64_t id) {
  std::vector<chat::Message> out;
  for (int64_t after = 0;;) {
    auto page = chats(c).messages_after(id, after, 500);
    out.insert(out.end(), page.begin(), page.end());
    if (page.size() < 500) break;
    after = page.back().seq;
  }
  return out;
}

// The conversation's turns for the chat SLA (chat/domain/reply_stats.hpp): words to and
// from the customer, and what the events say about who serves it.
std::vector<chat::Turn> turns_of(const std::vector<chat::Message>& messages) {
  using What = chat::Turn::What;
  std::vector<chat::Turn> out;
  for (const auto& m : messages) {
    if (m.kind == "text" || m.kind == "photo") {
      if (m.sender == "customer") out.push_back({What::customer, m.created_at});
      if (m.sender == "agent") out.push_back({What::agent, m.created_at});
      continue;
    }
    if (m.kind != "event") continue;  // whispers are no turn
    const auto e = nlohmann::json::parse(m.body, nullptr, false);
    if (!e.is_object()) continue;
    const auto what = e.value("event", std::string());
    if (what == "assigned" || (what == "transferred" && e.contains("agent_id")))
      out.push_back({What::served, m.created_at});
    else if (what == "queued" || what == "transferred" || what == "reopened")
      out.push_back({What::unserved, m.created_at});
    else if (what == "ended")
      out.push_back({What::ended, m.created_at});
  }
  return out;
}

chat::ReplyStats stats_of(Context& c, int64_t id) { return chat::reply_stats(turns_of(all_messages(c, id))); }

// The chat so far as plain lines for a ticket's description: the customer's and the
// desk's words (no whispers, no events), newest kept when it is too long.
std::string transcript(Context& c, int64_t id, std::size_t max_bytes) {
  std::vector<std::string> lines;
  for (const auto& m : all_messages(c, id)) {
    if (m.kind == "event" || m.kind == "whisper") continue;
    const char* who = m.sender == "customer" ? "顾客" : m.sender == "bot" ? "智能客服" : "客服";
    const auto words = m.kind == "photo" ? std::string("[图片]") : m.kind == "bot" ? bot_text(m) : m.body;
    lines.push_back(std::string(who) + "：" + words);
  }
  std::string out;
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    if (out.size() + it->size() + 1 > max_bytes) break;
    out = *it + (out.empty() ? "" : "\n") + out;
  }
  return out;
}

// At most n characters (code points) of UTF-8 text.
std::string first_chars(const std::string& s, std::size_t n) {
  std::size_t i = 0, chars = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n) break;
  return s.substr(0, i);
}

Percentiles percentiles(std::vector<int64_t> v) {
  Percentiles p;
  p.count = static_cast<int>(v.size());
  if (v.empty()) return p;
  std::sort(v.begin(), v.end());
  int64_t sum = 0;
  for (auto x : v) sum += x;
  p.avg_ms = sum / p.count;
  p.p90_ms = v[(v.size() * 9 + 9) / 10 - 1];  // nearest rank
  return p;
}

void require_writer(Context& c, const chat::Conversation& conv) {
  if (conv.agent_id == c.actor.staff_id || c.actor.at_least("supervisor")) return;
  const auto who = desk(c).participants(conv.id);
  if (std::find(who.begin(), who.end(), c.actor.staff_id) == who.end()) throw make_error(errors::kNotYourConversation);
}

}  // namespace

std::vector<chat::Conversation> list_conversations(Context& c, const ConversationQuery& q) {
  require_scope(c.actor, "chat:read");
  if (!q.status.empty() && q.status != "open" && q.status != "queued" && q.status != "assigned" && q.status != "ended")
    check_enum("status", q.status, false);
  storage::ConversationFilter f;
  if (q.store_id) {
    if (!c.actor.in_store(*q.store_id)) throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    f.store_ids = {*q.store_id};
  } else {
    f.all_stores = c.actor.is_admin();
    f.store_ids = c.actor.store_ids;
  }
  f.status = q.status;
  if (q.mine) f.staff_id = c.actor.staff_id;
  f.before_activity = q.before;
  f.limit = std::clamp(q.limit, 1, 200);
  return desk(c).conversations(f);
}

std::vector<int64_t> conversation_participants(Context& c, int64_t id) { return desk(c).participants(id); }

void customer_read(Context& c, const std::string& token, int64_t seq) {
  auto conv = chat_for_token(c, token);
  if (seq < 0 || seq > conv.last_seq)
    throw make_error(errors::kInvalidField,
                     {{"field", "seq"}, {"problem", Text("超出会话消息范围", "beyond the last message")}}, "seq");
  desk(c).set_read(conv.id, true, seq, c.now_ms);
}

void staff_read(Context& c, int64_t id, int64_t seq) {
  auto conv = staff_conversation(c, id);
  if (seq < 0 || seq > conv.last_seq)
    throw make_error(errors::kInvalidField,
                     {{"field", "seq"}, {"problem", Text("超出会话消息范围", "beyond the last message")}}, "seq");
  // Only those who answer the customer mark it read for them (a supervisor looking in does not).
  if (conv.agent_id == c.actor.staff_id) desk(c).set_read(id, false, seq, c.now_ms);
}

chat::Conversation invite(Context& c, int64_t id, int64_t staff_id, const std::string& note) {
  require_scope(c.actor, "chat:write");
  check_text("note", note, 500, false);
  auto conv = staff_conversation(c, id);
  require_writer(c, conv);  // who may act before what state it is in (403 before 409)
  if (conv.status == "ended") throw make_error(errors::kConversationEnded);
  auto staff = c.store<storage::OrgStore>().staff(staff_id);
  if (!staff || !staff->active ||
      std::find(staff->store_ids.begin(), staff->store_ids.end(), conv.store_id) == staff->store_ids.end())
    throw make_error(errors::kUnknownReference, {{"what", Text("同事", "colleague")}}, "staff_id");
  if (desk(c).add_participant(id, staff_id, c.actor.staff_id, c.now_ms)) {
    if (!note.empty()) agent_say(c, id, "invite-" + std::to_string(staff_id), note, true);
    chat_event(c, id, {{"event", "invited"}, {"staff_id", staff_id}, {"by", c.actor.staff_id}});
    audit(c, "conversation.invite", "conversation", id, nullptr, {{"staff_id", staff_id}});
  }
  return *chats(c).conversation(id);
}

chat::Conversation link_member(Context& c, int64_t id, std::optional<int64_t> member_id) {
  require_scope(c.actor, "chat:write");
  auto conv = staff_conversation(c, id);
  if (member_id && !c.store<storage::MemberStore>().member(*member_id))
    throw make_error(errors::kUnknownReference, {{"what", Text("会员", "member")}}, "member_id");
  desk(c).set_member(id, member_id, c.now_ms);
  audit(c, "conversation.member", "conversation", id,
        {{"member_id", conv.member_id ? nlohmann::json(*conv.member_id) : nullptr}},
        {{"member_id", member_id ? nlohmann::json(*member_id) : nullptr}});
  return *chats(c).conversation(id);
}

int64_t make_ticket(Context& c, int64_t id, const ChatTicket& in) {
  require_scope(c.actor, "tickets:write");
  auto conv = staff_conversation(c, id);
  if (conv.ticket_id) throw make_error(errors::kConversationHasTicket);
  NewTicket nt;
  nt.store_id = conv.store_id;
  nt.type = in.type;
  nt.channel = "live_chat";
  nt.priority = in.priority;
  nt.member_id = conv.member_id;
  nt.description = transcript(c, id, 4800);
  nt.subject = in.subject;
  if (nt.subject.empty()) {
    for (const auto& m : chats(c).messages_after(id, 0, 200))
      if (m.sender == "customer" && m.kind == "text") {
        nt.subject = first_chars(m.body, 60);
        break;
      }
    if (nt.subject.empty()) nt.subject = "在线咨询";
  }
  if (nt.description.empty()) nt.description = nt.subject;
  auto t = create_ticket(c, nt);
  claim_ticket(c, t.id);  // 首问负责制: the agent who turns the chat into a ticket owns it
  desk(c).set_ticket(id, t.id, c.now_ms);
  chat_event(c, id, {{"event", "ticket"}, {"number", t.number}});
  return t.id;
}

PublicSubmitted leave_message(Context& c, const std::string& token, const LeaveMessage& in) {
  auto conv = chat_for_token(c, token);
  if (conv.status == "assigned") throw make_error(errors::kConversationAssigned);
  if (conv.ticket_id) throw make_error(errors::kConversationHasTicket);
  PublicSubmission s;
  s.store_id = conv.store_id;
  s.type = "inquiry";
  s.channel = "live_chat";
  s.subject = "在线留言";
  s.description = in.body;
  s.name = in.name.empty() ? conv.customer_name : in.name;
  s.phone = in.phone;
  s.remote = in.remote;
  s.context = transcript(c, conv.id, kChatContextMax);
  auto out = submit_public_ticket(c, s);
  desk(c).set_ticket(conv.id, out.ticket.id, c.now_ms);
  if (conv.status != "ended") {
    chats(c).end_conversation(conv.id, "offline_message", c.now_ms);
    chat_event(c, conv.id, {{"event", "ended"}, {"by", "offline_message"}, {"ticket", out.ticket.number}});
  }
  return out;
}

chat::Conversation rate_chat(Context& c, const std::string& token, int rating, const std::string& comment) {
  auto conv = chat_for_token(c, token);
  csat::check_rating(rating, comment);
  if (conv.status != "ended") throw make_error(errors::kConversationOpen);
  if (!desk(c).set_rating(conv.id, rating, comment, c.now_ms)) throw make_error(errors::kConversationRated);
  return *chats(c).conversation(conv.id);
}

storage::Appended customer_photo(Context& c, const std::string& token, const storage::ChatPhoto& p) {
  auto conv = chat_for_token(c, token);
  if (conv.status == "ended") throw make_error(errors::kConversationEnded);
  auto photo = p;
  photo.conversation_id = conv.id;
  photo.sender = "customer";
  photo.created_at = c.now_ms;
  chat::Message m;
  m.conversation_id = conv.id;
  m.sender = "customer";
  m.kind = "photo";
  m.attachment_id = desk(c).insert_photo(photo);
  m.created_at = c.now_ms;
  return chats(c).append_message(m);
}

storage::Appended staff_photo(Context& c, int64_t id, const storage::ChatPhoto& p) {
  require_scope(c.actor, "chat:write");
  auto conv = staff_conversation(c, id);
  require_writer(c, conv);  // who may act before what state it is in (403 before 409)
  if (conv.status == "ended") throw make_error(errors::kConversationEnded);
  auto photo = p;
  photo.conversation_id = id;
  photo.sender = "agent";
  photo.created_at = c.now_ms;
  chat::Message m;
  m.conversation_id = id;
  m.sender = "agent";
  m.staff_id = c.actor.staff_id;
  m.kind = "photo";
  m.attachment_id = desk(c).insert_photo(photo);
  m.created_at = c.now_ms;
  return chats(c).append_message(m);
}

storage::ChatPhoto photo_of(Context& c, int64_t conversation_id, int64_t photo_id) {
  auto p = desk(c).photo(photo_id);
  if (!p || p->conversation_id != conversation_id)
    throw make_error(errors::kNotFound, {{"what", Text("图片", "photo")}});
  return *p;
}

Monitor monitor(Context& c, int64_t store_id) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "chat:read");
  if (!c.actor.in_store(store_id)) throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
  Monitor m;
  m.targets = chat_settings(c, store_id);
  auto& org = c.store<storage::OrgStore>();
  const auto stored = agents(c).agent_loads(store_id);
  const auto loads = agent_loads_of(store_id, stored);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    const auto& l = stored[i];
    auto staff = org.staff(l.agent.staff_id);
    m.agents.push_back({l.agent.staff_id, staff ? staff->display_name : "", l.role, l.agent.presence,
                        l.agent.presence_at, loads[i].capacity, l.active, l.agent.queues});
  }
  for (const auto& q : chat::kQueues) {
    const std::string code(q.code);
    const auto waiting = chats(c).waiting(store_id, code, 1);
    MonitorQueue mq{code, static_cast<int>(chats(c).waiting_count(store_id, code)), 0,
                    chat::staffed_capacity(loads, chat::Wanted{store_id, code}) > 0};
    if (!waiting.empty() && waiting.front().queued_at) mq.longest_wait_ms = c.now_ms - *waiting.front().queued_at;
    m.queues.push_back(mq);
  }
  storage::ConversationFilter f{.store_ids = {store_id}, .status = "assigned", .limit = 200};
  for (const auto& conv : desk(c).conversations(f)) {
    const auto stats = stats_of(c, conv.id);
    const auto targets = m.targets.targets_for(conv.queue);
    bool late = !conv.first_reply_at && conv.assigned_at &&
                c.now_ms - *conv.assigned_at > int64_t{targets.first_reply_seconds} * 1000;
    if (stats.pending_since && c.now_ms - *stats.pending_since > int64_t{targets.reply_gap_seconds} * 1000) late = true;
    if (late) m.late.push_back(conv);
  }
  return m;
}

ChatReport chat_report(Context& c, int64_t store_id, int64_t from, int64_t to) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "chat:read");
  if (!c.actor.in_store(store_id)) throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
  if (to <= from)
    throw make_error(errors::kInvalidField,
                     {{"field", "to"}, {"problem", Text("应晚于开始时间", "it must be after from")}}, "to");
  ChatReport r;
  r.targets = chat_settings(c, store_id);
  for (const auto& q : chat::kQueues) r.queues.push_back({std::string(q.code)});
  const auto list =
      desk(c).conversations({.store_ids = {store_id}, .created_from = from, .created_to = to, .limit = kReportMax + 1});
  r.truncated = static_cast<int>(list.size()) > kReportMax;
  std::vector<int64_t> waits, firsts, handling;
  int64_t rating_sum = 0;
  for (std::size_t i = 0; i < list.size() && static_cast<int>(i) < kReportMax; ++i) {
    const auto& conv = list[i];
    const auto stats = stats_of(c, conv.id);
    ++r.conversations;
    auto q = std::find_if(r.queues.begin(), r.queues.end(), [&](const auto& x) { return x.queue == conv.queue; });
    if (q != r.queues.end()) ++q->conversations;
    if (stats.first_assigned_at) {
      ++r.served;
      if (q != r.queues.end()) ++q->served;
      waits.push_back(*stats.first_assigned_at - conv.created_at);
      if (conv.ended_at) handling.push_back(*conv.ended_at - *stats.first_assigned_at);
    } else if (conv.status == "ended" && conv.end_reason != "offline_message") {
      ++r.abandoned;  // left (or timed out) before anyone served them
      if (q != r.queues.end()) ++q->abandoned;
    }
    if (conv.end_reason == "offline_message") ++r.left_messages;
    if (conv.status != "ended") ++r.open;
    // Each conversation is held to its own queue's targets.
    const auto targets = r.targets.targets_for(conv.queue);
    if (stats.first_reply_ms) {
      firsts.push_back(*stats.first_reply_ms);
      const bool within = *stats.first_reply_ms <= int64_t{targets.first_reply_seconds} * 1000;
      if (within) ++r.first_reply_within;
      if (q != r.queues.end()) {
        ++q->first_replies;
        if (within) ++q->first_reply_within;
      }
    }
    const int gaps = static_cast<int>(stats.gaps_ms.size()),
              over = stats.gaps_over(int64_t{targets.reply_gap_seconds} * 1000);
    r.gaps += gaps;
    r.gaps_over += over;
    if (q != r.queues.end()) {
      q->gaps += gaps;
      q->gaps_over += over;
    }
    r.longest_gap_ms = std::max(r.longest_gap_ms, stats.longest_gap_ms());
    if (conv.rating) {
      ++r.ratings;
      rating_sum += *conv.rating;
    }
  }
  r.wait = percentiles(waits);
  r.first_reply = percentiles(firsts);
  r.handling = percentiles(handling);
  if (r.ratings) r.rating_avg = static_cast<double>(rating_sum) / r.ratings;
  return r;
}

ChatMe chat_me(Context& c) {
  auto a = agents(c).agent(c.actor.staff_id).value_or(storage::ChatAgent{.staff_id = c.actor.staff_id});
  const int active = static_cast<int>(chats(c).agent_conversations(c.actor.staff_id).size());
  return {a, a.capacity.value_or(chat::default_capacity(std::string(c.actor.role.code()))), active};
}

int end_idle(Context& c) {
  int ended = 0;
  // The shortest idle time any store may set bounds the first query; each conversation is
  // then held to its own store's setting.
  for (const auto& conv : desk(c).idle(c.now_ms - 60'000, 200)) {
    const auto s = chat_settings(c, conv.store_id);
    if (c.now_ms - conv.last_message_at < int64_t{s.idle_end_minutes} * 60'000) continue;
    if (!chats(c).end_conversation(conv.id, "idle", c.now_ms)) continue;
    chat_event(c, conv.id, {{"event", "ended"}, {"by", "idle"}, {"minutes", s.idle_end_minutes}});
    feedback_from_chat(c, conv.id);  // the customer's lines are feedback
    if (conv.status == "assigned") dispatch(c, conv.store_id, conv.queue);
    ++ended;
  }
  return ended;
}

void agent_seen(Context& c) { agents(c).touch_agent(c.actor.staff_id, c.now_ms); }

std::vector<int64_t> expire_presence(Context& c) {
  return agents(c).expire_presence(c.now_ms - kPresenceTimeoutMs, c.now_ms);
}

int64_t prune_chat_feed(Context& c) { return desk(c).prune_feed(c.now_ms - 3'600'000); }

}  // namespace kefu::app
