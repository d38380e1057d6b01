#include "chat/api/chat_hub.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "auth/domain/actor.hpp"
#include "chat/api/protocol.hpp"
#include "chat/app/conversations.hpp"
#include "chat/storage/chat_desk_store.hpp"
#include "chat/storage/conversation_store.hpp"

namespace kefu::api {
namespace {

int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// The most messages one poll sends one conversation's followers; the rest follow on the
// next poll (a socket far behind, e.g. a resume after hours, does not hold up the others).
constexpr int kPage = 500;
constexpr int kPagesPerPoll = 4;
constexpr auto kQueueRefresh = std::chrono::seconds(5);

}  // namespace

ChatHub::ChatHub(storage::Database& db, std::function<int64_t()> now_ms, std::chrono::milliseconds interval)
    : db_(db), now_ms_(std::move(now_ms)), interval_(interval) {}

ChatHub::~ChatHub() { stop(); }

void ChatHub::start() {
  int64_t last = 0;
  {
    auto& repo = db_.reader();
    storage::Snapshot snap(repo);
    last = repo.get<storage::ChatDeskStore>().last_feed_id();
  }
  std::lock_guard lock(mu_);
  if (started_) return;
  started_ = true;
  feed_ = IdTracker(last);
  thread_ = std::thread([this] { run(); });
}

void ChatHub::stop() {
  {
    std::lock_guard lock(mu_);
    if (!started_ || stopping_) return;
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mu_);
  for (auto& s : subs_) s->ws->close();
  subs_.clear();
  customers_.clear();
  staff_.clear();
}

void ChatHub::poke() {
  {
    std::lock_guard lock(mu_);
    poked_ = true;
  }
  cv_.notify_all();
}

bool ChatHub::Sub::serves(int64_t store_id) const {
  if (who.customer) return false;
  return who.all_stores || std::find(who.store_ids.begin(), who.store_ids.end(), store_id) != who.store_ids.end();
}

ChatHub::Id ChatHub::join(std::shared_ptr<http::WebSocket> ws, Audience who, int64_t after) {
  auto sub = std::make_shared<Sub>();
  sub->who = std::move(who);
  sub->ws = std::move(ws);
  {
    std::lock_guard lock(mu_);
    sub->id = next_id_++;
    subs_.push_back(sub);
    if (sub->who.customer)
      customers_.emplace(sub->who.conversation_id, sub);
    else
      staff_.push_back(sub);
    if (sub->who.customer) pending_.push_back({sub, sub->who.conversation_id, after});
  }
  poke();
  return sub->id;
}

void ChatHub::watch(Id id, int64_t conversation_id, int64_t after) {
  {
    std::lock_guard lock(mu_);
    auto it = std::find_if(subs_.begin(), subs_.end(), [&](const auto& s) { return s->id == id; });
    if (it == subs_.end()) return;
    pending_.push_back({*it, conversation_id, after});
  }
  poke();
}

void ChatHub::typing(Id from, int64_t conversation_id, int64_t store_id) {
  std::vector<std::shared_ptr<Sub>> to;
  bool from_customer = false;
  {
    std::lock_guard lock(mu_);
    for (const auto& s : subs_)
      if (s->id == from) from_customer = s->who.customer;
    for (const auto& s : subs_) {
      if (s->id == from) continue;
      // The customer's typing goes to the store's staff sockets; staff typing to the customer.
      if (from_customer ? s->serves(store_id) : (s->who.customer && s->who.conversation_id == conversation_id))
        to.push_back(s);
    }
  }
  const auto frame = chat::protocol::render_typing(conversation_id, from_customer ? "customer" : "agent");
  for (const auto& s : to) s->ws->send(frame);
}

int ChatHub::sockets_of(int64_t staff_id) const {
  std::lock_guard lock(mu_);
  return static_cast<int>(std::count_if(subs_.begin(), subs_.end(), [&](const auto& s) {
    return !s->who.customer && s->who.staff_id == staff_id && s->ws->open();
  }));
}

std::size_t ChatHub::sockets() const {
  std::lock_guard lock(mu_);
  return subs_.size();
}

void ChatHub::check_credentials(CredentialCheck still_valid, std::chrono::milliseconds every) {
  std::lock_guard lock(mu_);
  still_valid_ = std::move(still_valid);
  check_every_ = every;
}

void ChatHub::recheck() {
  {
    std::lock_guard lock(mu_);
    recheck_ = poked_ = true;
  }
  cv_.notify_all();
}

void ChatHub::close_ended(storage::Stores& repo) {
  std::vector<std::shared_ptr<Sub>> staff;
  CredentialCheck still_valid;
  {
    std::lock_guard lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    if (!still_valid_ || (!recheck_ && now - checked_at_ < check_every_)) return;
    recheck_ = false;
    checked_at_ = now;
    still_valid = still_valid_;
    for (const auto& s : subs_)
      if (!s->who.customer) staff.push_back(s);
  }
  std::map<std::string, bool> verdict;
  for (const auto& s : staff) {
    auto [it, fresh] = verdict.try_emplace(s->who.credential, true);
    if (fresh) it->second = still_valid(repo, s->who.credential);
    if (!it->second) s->ws->close();
  }
}

void ChatHub::run() {
  auto& repo = db_.reader();
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, interval_, [this] { return stopping_ || poked_; });
      if (stopping_) return;
      poked_ = false;
    }
    try {
      storage::Snapshot snap(repo);
      close_ended(repo);
      poll_once(repo);
    } catch (const std::exception& e) {
      spdlog::warn("chat hub: {}", e.what());
    }
  }
}

void ChatHub::poll_once(storage::Stores& repo) {
  std::vector<std::shared_ptr<Sub>> subs, staff;
  std::vector<Watch> watches;
  {
    std::lock_guard lock(mu_);
    const auto closed = [](const auto& s) { return !s->ws->open(); };
    if (std::erase_if(subs_, closed) > 0) {
      std::erase_if(customers_, [&](const auto& entry) { return closed(entry.second); });
      std::erase_if(staff_, closed);
    }
    subs = subs_;
    staff = staff_;
    watches.swap(pending_);
  }
  auto& chats = repo.get<storage::ConversationStore>();
  auto& desk = repo.get<storage::ChatDeskStore>();

  // What changed: the feed since the last poll, and what sockets just asked to follow.
  std::set<int64_t> changed;
  for (auto& w : watches) {
    w.sub->sent[w.conversation_id] = w.after;
    changed.insert(w.conversation_id);
    if (w.sub->who.customer) w.sub->last_queue.clear();  // a (re)joined customer is told their place again
  }
  // The feed brings each changed conversation as it is now and the messages appended, so
  // a busy poll costs one query, not two per conversation (docs/benchmarks.md).
  std::unordered_map<int64_t, chat::Conversation> current;
  std::unordered_map<int64_t, std::map<int64_t, chat::Message>> appended;
  feed_.follow(
      steady_ms(), 1000, [&](int64_t after) { return desk.feed_after(after, 1000); },
      [](const storage::ChatFeedRow& r) { return r.id; },
      [&](const storage::ChatFeedRow& r) {
        changed.insert(r.conversation_id);
        current[r.conversation_id] = r.conversation;
        if (r.message) appended[r.conversation_id].emplace(r.message->seq, *r.message);
      });

  // Each changed conversation's possible followers: its customer's sockets and the staff's.
  std::unordered_map<int64_t, std::vector<Sub*>> candidates;
  {
    std::lock_guard lock(mu_);
    for (int64_t id : changed) {
      auto& c = candidates[id];
      auto [from, to] = customers_.equal_range(id);
      for (auto it = from; it != to; ++it) c.push_back(it->second.get());
    }
  }
  for (const auto& s : staff)
    for (auto& [id, c] : candidates) c.push_back(s.get());

  std::set<int64_t> stores_moved;  // a conversation of the store changed status or agent
  for (int64_t id : changed) {
    std::optional<chat::Conversation> conv;
    if (auto it = current.find(id); it != current.end())
      conv = it->second;
    else
      conv = chats.conversation(id);  // a socket just asked to follow it
    if (!conv) continue;
    const auto& cands = candidates[id];
    std::optional<std::vector<int64_t>> participants;
    auto invited = [&]() -> const std::vector<int64_t>& {
      if (!participants) participants = desk.participants(id);
      return *participants;
    };
    // Who follows it now: its customer, and staff of its store who watch it, serve it or were invited.
    std::vector<Sub*> followers;
    for (auto* s : cands) {
      if (s->who.customer) {
        if (s->who.conversation_id == id && s->sent.count(id)) followers.push_back(s);
        continue;
      }
      if (!s->serves(conv->store_id)) continue;
      if (!s->sent.count(id)) {
        const bool own = conv->agent_id == s->who.staff_id && conv->status == "assigned";
        if (!own && std::find(invited().begin(), invited().end(), s->who.staff_id) == invited().end()) continue;
        s->sent[id] = 0;  // newly theirs: the whole history
      }
      followers.push_back(s);
    }
    if (!followers.empty()) {
      int64_t from = conv->last_seq;
      for (auto* f : followers) from = std::min(from, f->sent[id]);
      // Every message a follower lacks came with the feed, or they are read by number.
      std::vector<chat::Message> fresh;
      if (auto it = appended.find(id); it != appended.end()) {
        int64_t next = from + 1;
        for (auto at = it->second.lower_bound(next); at != it->second.end() && at->first == next; ++at, ++next)
          fresh.push_back(at->second);
        if (next <= conv->last_seq) fresh.clear();
      }
      if (!fresh.empty()) {
        send_messages(followers, id, fresh);
      } else {
        for (int page = 0; page < kPagesPerPoll && from < conv->last_seq; ++page) {
          auto messages = chats.messages_after(id, from, kPage);
          if (messages.empty()) break;
          send_messages(followers, id, messages);
          from = messages.back().seq;
          if (static_cast<int>(messages.size()) < kPage) break;
        }
      }
    }
    // The conversation itself: to its followers; to the whole store's staff when it moved.
    const std::pair<std::string, int64_t> state{conv->status, conv->agent_id.value_or(0)};
    auto known = known_.find(id);
    const bool moved = known == known_.end() || known->second != state;
    if (moved) stores_moved.insert(conv->store_id);
    if (conv->status == "ended")
      known_.erase(id);
    else
      known_[id] = state;
    std::string for_staff, for_customer;
    for (auto* s : cands) {
      const bool follows = std::find(followers.begin(), followers.end(), s) != followers.end();
      if (s->who.customer) {
        if (!follows) continue;
        if (for_customer.empty()) for_customer = chat::protocol::render_conversation(*conv, true);
        s->ws->send(for_customer);
      } else if (follows || (moved && s->serves(conv->store_id))) {
        if (for_staff.empty()) for_staff = chat::protocol::render_conversation(*conv, false, invited());
        s->ws->send(for_staff);
      }
    }
  }

  // Waiting customers hear their place: those in a store where something moved, those who
  // just (re)joined, and every few seconds all who wait (the estimate moves with time).
  const auto now = std::chrono::steady_clock::now();
  const bool periodic = now - queues_at_ >= kQueueRefresh;
  if (periodic) queues_at_ = now;
  std::vector<Sub*> to_tell;
  for (const auto& s : subs) {
    if (!s->who.customer || !s->sent.count(s->who.conversation_id)) continue;
    const bool joined = s->last_queue.empty();
    if (joined || (s->queued && (periodic || stores_moved.count(s->who.store_id)))) to_tell.push_back(s.get());
  }
  if (!to_tell.empty()) refresh_queues(repo, to_tell);
}

// Messages in order to each follower who has not had them; each frame rendered once for
// the customer and once for staff. Whispers are staff only: the customer's number passes.
void ChatHub::send_messages(const std::vector<Sub*>& followers, int64_t id,
                            const std::vector<chat::Message>& messages) {
  for (const auto& m : messages) {
    std::string for_staff, for_customer;
    for (auto* f : followers) {
      int64_t& sent = f->sent[id];
      if (m.seq <= sent) continue;
      sent = m.seq;
      if (f->who.customer && m.kind == "whisper") continue;
      std::string& frame = f->who.customer ? for_customer : for_staff;
      if (frame.empty()) frame = chat::protocol::render_message(m, f->who.customer);
      f->ws->send(frame);
    }
  }
}

// Each of these customers' place, sent when it differs from what they were last told. The
// places are computed together (app::queue_places): per store and queue, not per socket.
void ChatHub::refresh_queues(storage::Stores& repo, const std::vector<Sub*>& subs) {
  app::Context c{repo, people::customer_actor(), now_ms_(), nullptr};
  auto& chats = repo.get<storage::ConversationStore>();
  std::vector<Sub*> to;
  std::vector<chat::Conversation> convs;
  for (auto* s : subs) {
    auto conv = chats.conversation(s->who.conversation_id);
    if (!conv) continue;
    s->queued = conv->status == "queued";
    to.push_back(s);
    convs.push_back(std::move(*conv));
  }
  const auto places = app::queue_places(c, convs);
  for (std::size_t i = 0; i < to.size(); ++i) {
    auto frame = chat::protocol::render_queue(places[i]);
    if (frame == to[i]->last_queue) continue;
    to[i]->last_queue = frame;
    to[i]->ws->send(frame);
  }
}

}  // namespace kefu::api
