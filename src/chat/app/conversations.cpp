#include "chat/app/conversations.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "auth/domain/password.hpp"
#include "chat/app/chat_settings.hpp"
#include "chat/domain/assignment.hpp"
#include "chat/domain/errors.hpp"
#include "chat/domain/queue.hpp"
#include "chat/storage/chat_desk_store.hpp"
#include "core/app/rate_limit.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "feedback/app/feedback_flow_ins.hpp"
#include "org/storage/org_store.hpp"
#include "quality/app/auto_checks.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

using storage::ChatAgentStore;
using storage::ConversationStore;

ConversationStore& chats(Context& c) { return c.store<ConversationStore>(); }
ChatAgentStore& agents(Context& c) { return c.store<ChatAgentStore>(); }

Error not_found() { return make_error(errors::kNotFound, {{"what", Text("会话", "conversation")}}); }

storage::Appended event(Context& c, int64_t id, const nlohmann::json& data) { return chat_event(c, id, data); }

chat::Presence presence_of(const std::string& code) {
  if (code == "online") return chat::Presence::online;
  if (code == "away") return chat::Presence::away;
  return chat::Presence::offline;
}

std::vector<chat::AgentLoad> loads(Context& c, int64_t store_id) {
  return agent_loads_of(store_id, agents(c).agent_loads(store_id));
}

void check_message(const std::string& client_msg_id, const std::string& body) {
  check_text("client_msg_id", client_msg_id, 64, true);
  check_text("body", body, chat::kMaxMessageChars, true);
}

void require_open(const chat::Conversation& conv) {
  if (conv.status == "ended") throw make_error(errors::kConversationEnded);
}

chat::Conversation reload(Context& c, int64_t id) { return *chats(c).conversation(id); }

void audit_chat(Context& c, const std::string& action, int64_t id, const nlohmann::json& after) {
  audit(c, action, "conversation", id, nullptr, after);
}

}  // namespace

ChatStarted start_chat(Context& c, const StartChat& in) {
  check_text("customer_name", in.customer_name, 40, false);
  const std::vector<Limit> limits{
      {"chat:addr:" + in.remote,
       {.limit = kChatsPerAddress, .window_ms = 3'600'000, .block_ms = 0, .max_block_ms = 0}}};
  check_limits(c.stores, limits, c.now_ms, errors::kRateLimited);
  hit_limits(c.stores, limits, c.now_ms);
  parse_enum<chat::Queue>("queue", in.queue);
  auto store = c.store<storage::OrgStore>().store(in.store_id);
  if (!store) throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "store_id");
  ChatStarted out;
  out.token = "kfc_" + people::new_token();
  const auto settings = chat_settings(c, in.store_id);
  const bool bot = settings.bot_answers(in.queue);  // the FAQ bot first; a person on handover
  chat::Conversation conv;
  conv.store_id = in.store_id;
  conv.queue = in.queue;
  conv.status = bot ? "bot" : "queued";
  conv.visitor_digest = people::token_digest(out.token);
  conv.customer_name = in.customer_name;
  conv.created_at = conv.last_message_at = c.now_ms;
  if (!bot) conv.queued_at = c.now_ms;
  conv.id = chats(c).insert_conversation(conv);
  event(c, conv.id, {{"event", bot ? "bot" : "queued"}, {"queue", in.queue}});
  if (!settings.welcome.empty())
    event(c, conv.id, {{"event", "welcome"}, {"text", settings.welcome}});  // the store's own greeting
  if (!bot) dispatch(c, in.store_id, in.queue);
  out.conversation = reload(c, conv.id);
  out.place = queue_place(c, out.conversation);
  return out;
}

chat::Conversation chat_for_token(Context& c, const std::string& token) {
  if (token.size() < 8 || token.size() > 128) throw make_error(errors::kInvalidChatToken);
  // The token's digest is indexed; equal digests mean equal tokens.
  auto id = chats(c).conversation_by_visitor(people::token_digest(token));
  if (!id) throw make_error(errors::kInvalidChatToken);
  return *id;
}

storage::Appended customer_say(Context& c, const std::string& token, const std::string& client_msg_id,
                               const std::string& body, std::optional<int64_t> known) {
  check_message(client_msg_id, body);
  chat::Message m;
  m.sender = "customer";
  m.client_msg_id = client_msg_id;
  m.kind = "text";
  m.body = body;
  m.created_at = c.now_ms;
  if (known) {  // the common case: an open conversation takes it in one statement
    m.conversation_id = *known;
    if (auto out = chats(c).append_while_open(m)) return *out;
  }
  auto conv = chat_for_token(c, token);
  const bool reopen = conv.status == "ended" && conv.end_reason != "offline_message" && !conv.rating && conv.ended_at &&
                      c.now_ms - *conv.ended_at <= kReopenWindowMs;
  if (!reopen) require_open(conv);
  m.conversation_id = conv.id;
  auto out = chats(c).append_message(m);
  if (reopen && !out.duplicate) {
    // Back in the queue it came from; whoever is free (often the same agent) takes it.
    chats(c).reopen(conv.id, c.now_ms);
    event(c, conv.id, {{"event", "reopened"}});
    dispatch(c, conv.store_id, conv.queue);
  }
  return out;
}

std::vector<chat::Message> customer_messages(Context& c, const std::string& token, int64_t after, int limit) {
  auto conv = chat_for_token(c, token);
  auto all = chats(c).messages_after(conv.id, after, std::clamp(limit, 1, 500));
  // Whispers keep their numbers (the customer's cursor skips them), not their content;
  // no message carries a staff identity.
  for (auto& m : all) {
    if (m.kind == "whisper") m.body.clear();
    m.staff_id.reset();
  }
  return all;
}

chat::Conversation customer_end(Context& c, const std::string& token) {
  auto conv = chat_for_token(c, token);
  if (chats(c).end_conversation(conv.id, "customer", c.now_ms)) {
    event(c, conv.id, {{"event", "ended"}, {"by", "customer"}});
    feedback_from_chat(c, conv.id);  // the customer's lines are feedback
    if (conv.status == "queued") return reload(c, conv.id);
    dispatch(c, conv.store_id, conv.queue);  // a slot freed
  }
  return reload(c, conv.id);
}

QueuePlace queue_place(Context& c, const chat::Conversation& conv) {
  QueuePlace p;
  const chat::Wanted wanted{conv.store_id, conv.queue};
  const int capacity = chat::staffed_capacity(loads(c, conv.store_id), wanted);
  p.staffed = capacity > 0;
  if (conv.status != "queued") return p;
  p.position = static_cast<int>(chats(c).waiting_ahead(conv)) + 1;
  p.wait_ms = chat::estimated_wait_ms(p.position, capacity, kDefaultHandlingMs);
  return p;
}

std::vector<QueuePlace> queue_places(Context& c, const std::vector<chat::Conversation>& convs) {
  std::map<int64_t, std::vector<chat::AgentLoad>> agents;                   // store → its agents' loads
  std::map<std::pair<int64_t, std::string>, std::map<int64_t, int>> lines;  // (store, queue) → id → position
  std::vector<QueuePlace> out;
  out.reserve(convs.size());
  for (const auto& conv : convs) {
    auto a = agents.find(conv.store_id);
    if (a == agents.end()) a = agents.emplace(conv.store_id, loads(c, conv.store_id)).first;
    QueuePlace p;
    const chat::Wanted wanted{conv.store_id, conv.queue};
    const int capacity = chat::staffed_capacity(a->second, wanted);
    p.staffed = capacity > 0;
    if (conv.status == "queued") {
      const std::pair<int64_t, std::string> key{conv.store_id, conv.queue};
      auto line = lines.find(key);
      if (line == lines.end()) {
        line = lines.emplace(key, std::map<int64_t, int>{}).first;
        int n = 0;
        for (const auto& w : chats(c).waiting(conv.store_id, conv.queue, 0)) line->second[w.id] = ++n;
      }
      auto it = line->second.find(conv.id);
      p.position = it == line->second.end() ? 0 : it->second;
      if (p.position) p.wait_ms = chat::estimated_wait_ms(p.position, capacity, kDefaultHandlingMs);
    }
    out.push_back(p);
  }
  return out;
}

chat::Conversation staff_conversation(Context& c, int64_t id) {
  auto conv = chats(c).conversation(id);
  if (!conv || !c.actor.in_store(conv->store_id)) throw not_found();
  return *conv;
}

storage::Appended agent_say(Context& c, int64_t id, const std::string& client_msg_id, const std::string& body,
                            bool whisper) {
  check_message(client_msg_id, body);
  auto conv = staff_conversation(c, id);
  require_open(conv);
  if (!whisper && conv.agent_id != c.actor.staff_id && !c.actor.at_least("supervisor")) {
    const auto invited = c.store<storage::ChatDeskStore>().participants(id);
    if (std::find(invited.begin(), invited.end(), c.actor.staff_id) == invited.end())
      throw make_error(errors::kNotYourConversation);
  }
  chat::Message m;
  m.conversation_id = id;
  m.sender = "agent";
  m.staff_id = c.actor.staff_id;
  m.client_msg_id = client_msg_id;
  m.kind = whisper ? "whisper" : "text";
  m.body = body;
  m.created_at = c.now_ms;
  auto out = chats(c).append_message(m);
  if (!out.duplicate && !whisper) auto_check_chat_message(c, conv, out.message);  // 自动质检, same write
  return out;
}

std::vector<chat::Message> staff_messages(Context& c, int64_t id, int64_t after, int limit) {
  staff_conversation(c, id);
  return chats(c).messages_after(id, after, std::clamp(limit, 1, 500));
}

storage::ChatAgent set_presence(Context& c, const std::string& presence, std::optional<bool> on_call) {
  parse_enum<chat::PresenceTerm>("presence", presence);
  auto a = agents(c).agent(c.actor.staff_id).value_or(storage::ChatAgent{.staff_id = c.actor.staff_id});
  a.presence = presence;
  a.presence_at = c.now_ms;
  if (on_call) a.on_call = *on_call;
  agents(c).put_agent(a);
  agents(c).touch_agent(a.staff_id, c.now_ms);
  if (presence == "online" && !a.on_call)
    for (auto store : c.actor.store_ids)
      for (const auto& q : chat::kQueues) dispatch(c, store, std::string(q.code));
  return a;
}

storage::ChatAgent set_chat_agent(Context& c, int64_t staff_id, std::optional<int> capacity,
                                  const std::vector<std::string>& queues) {
  require_role(c.actor, "supervisor");
  auto staff = c.store<storage::OrgStore>().staff(staff_id);
  const bool shares_store = staff && std::any_of(staff->store_ids.begin(), staff->store_ids.end(),
                                                 [&](int64_t s) { return c.actor.in_store(s); });
  if (!staff || !shares_store) throw make_error(errors::kNotFound, {{"what", Text("员工", "staff")}});
  if (capacity && (*capacity < 0 || *capacity > 50))
    throw make_error(errors::kInvalidField,
                     {{"field", "capacity"}, {"problem", Text("应在 0 到 50 之间", "it must be 0 to 50")}}, "capacity");
  for (const auto& q : queues) parse_enum<chat::Queue>("queues", q);
  auto a = agents(c).agent(staff_id).value_or(storage::ChatAgent{.staff_id = staff_id, .presence_at = c.now_ms});
  a.capacity = capacity;
  a.queues = queues;
  agents(c).put_agent(a);
  audit_chat(c, "chat_agent.update", staff_id,
             {{"capacity", capacity ? nlohmann::json(*capacity) : nullptr}, {"queues", queues}});
  for (auto store : staff->store_ids)
    for (const auto& q : chat::kQueues) dispatch(c, store, std::string(q.code));
  return a;
}

std::vector<int64_t> dispatch(Context& c, int64_t store_id, const std::string& queue) {
  std::vector<int64_t> assigned;
  const chat::Wanted wanted{store_id, queue};
  // An agent first: with nobody free the queue is not read at all, however long it is.
  for (;;) {
    auto agent = chat::choose_agent(loads(c, store_id), wanted);
    if (!agent) break;
    const auto waiting = chats(c).waiting(store_id, queue, 1);
    if (waiting.empty()) break;
    const auto& next = waiting.front();
    // Inside one write the compare-and-set cannot lose; it guards the rule, not a race.
    if (!chats(c).assign(next.id, "queued", std::nullopt, *agent, c.now_ms)) break;
    event(c, next.id, {{"event", "assigned"}, {"agent_id", *agent}});
    assigned.push_back(next.id);
  }
  return assigned;
}

chat::Conversation pick(Context& c, int64_t id) {
  auto conv = staff_conversation(c, id);
  require_open(conv);
  if (!chats(c).assign(id, "queued", std::nullopt, c.actor.staff_id, c.now_ms))
    throw make_error(errors::kConversationTaken);
  event(c, id, {{"event", "assigned"}, {"agent_id", c.actor.staff_id}, {"picked", true}});
  return reload(c, id);
}

chat::Conversation assign_to(Context& c, int64_t id, int64_t agent_id) {
  require_role(c.actor, "supervisor");
  auto conv = staff_conversation(c, id);
  require_open(conv);
  auto staff = c.store<storage::OrgStore>().staff(agent_id);
  if (!staff || !staff->active ||
      std::find(staff->store_ids.begin(), staff->store_ids.end(), conv.store_id) == staff->store_ids.end())
    throw make_error(errors::kUnknownReference, {{"what", Text("客服", "agent")}}, "agent_id");
  if (!agents(c).agent(agent_id))
    agents(c).put_agent({.staff_id = agent_id, .presence = "offline", .presence_at = c.now_ms});
  if (!chats(c).assign(id, conv.status, conv.agent_id, agent_id, c.now_ms))
    throw make_error(errors::kConversationTaken);
  event(c, id, {{"event", "assigned"}, {"agent_id", agent_id}, {"by", c.actor.staff_id}});
  audit_chat(c, "conversation.assign", id, {{"agent_id", agent_id}});
  if (conv.agent_id) dispatch(c, conv.store_id, conv.queue);
  return reload(c, id);
}

chat::Conversation transfer(Context& c, int64_t id, std::optional<int64_t> to_agent,
                            const std::optional<std::string>& to_queue, const std::string& note) {
  check_text("note", note, 500, false);
  auto conv = staff_conversation(c, id);
  // Who may act before what state it is in (403 before 409), as the route declares.
  if (conv.agent_id != c.actor.staff_id && !c.actor.at_least("supervisor"))
    throw make_error(errors::kNotYourConversation);
  require_open(conv);
  if (to_agent.has_value() == to_queue.has_value())
    throw make_error(errors::kRequired,
                     {{"what", Text("转接对象（客服或技能组，二选一）", "one of to_agent, to_queue")}}, "to_agent");
  if (!note.empty()) agent_say(c, id, "transfer-" + std::to_string(c.now_ms), note, true);
  if (to_agent) {
    auto staff = c.store<storage::OrgStore>().staff(*to_agent);
    if (!staff || !staff->active ||
        std::find(staff->store_ids.begin(), staff->store_ids.end(), conv.store_id) == staff->store_ids.end())
      throw make_error(errors::kUnknownReference, {{"what", Text("客服", "agent")}}, "to_agent");
    if (!agents(c).agent(*to_agent))
      agents(c).put_agent({.staff_id = *to_agent, .presence = "offline", .presence_at = c.now_ms});
    if (!chats(c).assign(id, conv.status, conv.agent_id, *to_agent, c.now_ms))
      throw make_error(errors::kConversationTaken);
    event(c, id, {{"event", "transferred"}, {"agent_id", *to_agent}, {"from", c.actor.staff_id}});
  } else {
    parse_enum<chat::Queue>("to_queue", *to_queue);
    chats(c).requeue(id, *to_queue, c.now_ms);
    event(c, id, {{"event", "transferred"}, {"queue", *to_queue}, {"from", c.actor.staff_id}});
    dispatch(c, conv.store_id, *to_queue);
  }
  if (conv.agent_id) dispatch(c, conv.store_id, conv.queue);  // the old agent has a free slot
  audit_chat(c, "conversation.transfer", id,
             {{"to_agent", to_agent ? nlohmann::json(*to_agent) : nullptr},
              {"to_queue", to_queue ? nlohmann::json(*to_queue) : nullptr}});
  return reload(c, id);
}

std::vector<chat::AgentLoad> agent_loads_of(int64_t store_id, const std::vector<storage::ChatAgentLoad>& stored) {
  std::vector<chat::AgentLoad> out;
  for (const auto& l : stored)
    out.push_back({l.agent.staff_id,
                   presence_of(l.agent.presence),
                   l.agent.on_call,
                   l.agent.capacity.value_or(chat::default_capacity(l.role)),
                   l.active,
                   l.agent.last_assigned_at,
                   {store_id},
                   l.agent.queues});
  return out;
}

chat::Conversation hand_over(Context& c, int64_t id, const nlohmann::json& why) {
  auto conv = reload(c, id);
  if (conv.status != "bot") return conv;  // already with people (or ended)
  chats(c).requeue(id, conv.queue, c.now_ms);
  auto data = why;
  data["event"] = "handoff";
  event(c, id, data);
  dispatch(c, conv.store_id, conv.queue);
  return reload(c, id);
}

storage::Appended chat_event(Context& c, int64_t id, const nlohmann::json& data) {
  chat::Message m;
  m.conversation_id = id;
  m.sender = "system";
  m.kind = "event";
  m.body = data.dump();
  m.created_at = c.now_ms;
  return chats(c).append_message(m);
}

chat::Conversation end_chat(Context& c, int64_t id) {
  auto conv = staff_conversation(c, id);
  if (conv.agent_id != c.actor.staff_id && !c.actor.at_least("supervisor"))
    throw make_error(errors::kNotYourConversation);
  require_open(conv);
  chats(c).end_conversation(id, "agent", c.now_ms);
  event(c, id, {{"event", "ended"}, {"by", "agent"}});
  feedback_from_chat(c, id);  // the customer's lines are feedback
  dispatch(c, conv.store_id, conv.queue);
  return reload(c, id);
}

}  // namespace kefu::app
