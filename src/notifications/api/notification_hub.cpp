#include "notifications/api/notification_hub.hpp"
#include "notifications/storage/notification_store.hpp"
#include "tickets/storage/timeline_store.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace kefu::api {

std::string notification_json(const storage::Notification& n) {
  auto data = nlohmann::json::parse(n.data, nullptr, false);
  return nlohmann::json{{"id", n.id},
                        {"kind", n.kind},
                        {"ticket_id", n.ticket_id ? nlohmann::json(*n.ticket_id) : nlohmann::json(nullptr)},
                        {"title", n.title},
                        {"body", n.body},
                        {"data", data.is_discarded() ? nlohmann::json::object() : data},
                        {"created_at", n.created_at},
                        {"read_at", n.read_at ? nlohmann::json(*n.read_at) : nlohmann::json(nullptr)}}
      .dump();
}

NotificationHub::NotificationHub(storage::Database& db, std::chrono::milliseconds interval)
    : db_(db), interval_(interval) {}

NotificationHub::~NotificationHub() { stop(); }

void NotificationHub::start() {
  int64_t last_notification = 0, last_event = 0;
  {
    auto& repo = db_.reader();
    storage::Snapshot snap(repo);
    last_notification = repo.get<storage::NotificationStore>().last_notification_id();
    last_event = repo.get<storage::TimelineStore>().last_event_id();
  }
  std::lock_guard lock(mu_);
  if (started_) return;
  started_ = true;
  last_seen_ = last_notification;
  notifications_ = IdTracker(last_notification);
  events_ = IdTracker(last_event);
  thread_ = std::thread([this] { run(); });
}

void NotificationHub::stop() {
  {
    std::lock_guard lock(mu_);
    if (!started_ || stopping_) return;
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mu_);
  for (auto& s : subs_) s.stream->close();
  subs_.clear();
}

void NotificationHub::subscribe(Audience who, std::shared_ptr<http::EventStream> stream,
                                std::optional<int64_t> after_id) {
  {
    std::lock_guard lock(mu_);
    // Even without after_id the subscriber catches up from the last id seen, so a
    // notification committed while it subscribed is not lost.
    subs_.push_back({std::move(who), std::move(stream), after_id.value_or(last_seen_), true});
  }
  poke();
}

bool NotificationHub::Subscriber::serves(int64_t store_id) const {
  if (!who.tickets) return false;
  return who.all_stores || std::find(who.store_ids.begin(), who.store_ids.end(), store_id) != who.store_ids.end();
}

std::size_t NotificationHub::subscribers() const {
  std::lock_guard lock(mu_);
  return subs_.size();
}

void NotificationHub::poke() {
  {
    std::lock_guard lock(mu_);
    poked_ = true;
  }
  cv_.notify_all();
}

void NotificationHub::check_credentials(CredentialCheck still_valid, std::chrono::milliseconds every) {
  std::lock_guard lock(mu_);
  still_valid_ = std::move(still_valid);
  check_every_ = every;
}

void NotificationHub::recheck() {
  {
    std::lock_guard lock(mu_);
    recheck_ = true;
    poked_ = true;
  }
  cv_.notify_all();
}

// On the poller thread: closes the streams whose credential ended (each credential asked
// once however many streams it holds).
void NotificationHub::close_ended(storage::Stores& repo) {
  std::vector<std::shared_ptr<http::EventStream>> streams;
  std::vector<std::string> credentials;
  CredentialCheck still_valid;
  {
    std::lock_guard lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    if (!still_valid_ || (!recheck_ && now - checked_at_ < check_every_)) return;
    recheck_ = false;
    checked_at_ = now;
    still_valid = still_valid_;
    for (const auto& s : subs_) {
      streams.push_back(s.stream);
      credentials.push_back(s.who.credential);
    }
  }
  std::unordered_map<std::string, bool> verdict;
  for (std::size_t i = 0; i < streams.size(); ++i) {
    auto [it, fresh] = verdict.try_emplace(credentials[i], true);
    if (fresh) it->second = still_valid(repo, credentials[i]);
    if (!it->second) streams[i]->close();
  }
}

void NotificationHub::run() {
  auto& repo = db_.reader();  // this thread's own read connection
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
      spdlog::warn("notification hub: {}", e.what());
    }
  }
}

std::string activity_json(const storage::TicketActivity& a) {
  return nlohmann::json{{"event_id", a.event_id}, {"ticket_id", a.ticket_id}, {"number", a.number},
                        {"store_id", a.store_id}, {"kind", a.kind},           {"created_at", a.created_at}}
      .dump();
}

// A new subscriber's missed notifications: (sent_up_to, last], oldest first.
void NotificationHub::catch_up(storage::Stores& repo, Subscriber& s, int64_t last) {
  std::vector<storage::Notification> missed;
  std::optional<int64_t> before;
  for (;;) {  // newest first from the repository: page back to sent_up_to
    auto page = repo.get<storage::NotificationStore>().notifications(s.who.staff_id, before, false, 200);
    bool more = page.size() == 200;
    for (auto& n : page)
      if (n.id > s.sent_up_to && n.id <= last) missed.push_back(std::move(n));
    if (!more || page.back().id <= s.sent_up_to) break;
    before = page.back().id;
  }
  std::sort(missed.begin(), missed.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  for (const auto& n : missed) s.stream->send("notification", notification_json(n), std::to_string(n.id));
  s.sent_up_to = std::max(s.sent_up_to, last);
  s.backlog = false;
}

void NotificationHub::poll_once(storage::Stores& repo) {
  // Copy the subscriber list so the database is read without holding the lock; sends
  // happen only on this thread, so each stream's order is the order of delivery.
  std::vector<Subscriber> subs;
  {
    std::lock_guard lock(mu_);
    subs = subs_;
  }
  const int64_t now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count();
  for (auto& s : subs)
    if (s.backlog) catch_up(repo, s, notifications_.top());
  notifications_.follow(
      now, 500, [&](int64_t after) { return repo.get<storage::NotificationStore>().notifications_after(after, 500); },
      [](const storage::Notification& n) { return n.id; },
      [&](const storage::Notification& n) {
        for (auto& s : subs)
          if (s.who.staff_id == n.staff_id && n.id > s.sent_up_to)
            s.stream->send("notification", notification_json(n), std::to_string(n.id));
      });
  events_.follow(
      now, 500, [&](int64_t after) { return repo.get<storage::TimelineStore>().ticket_activity_after(after, 500); },
      [](const storage::TicketActivity& a) { return a.event_id; },
      [&](const storage::TicketActivity& a) {
        for (auto& s : subs)
          if (s.serves(a.store_id)) s.stream->send("ticket", activity_json(a));
      });
  std::lock_guard lock(mu_);
  last_seen_ = notifications_.top();
  // Write back progress; drop closed streams; keep subscribers that arrived meanwhile.
  for (auto& live : subs_)
    for (const auto& s : subs)
      if (live.stream == s.stream) {
        live.sent_up_to = std::max(live.sent_up_to, s.sent_up_to);
        live.backlog = live.backlog && s.backlog;
      }
  std::erase_if(subs_, [](const Subscriber& s) { return !s.stream->open(); });
}

}  // namespace kefu::api
