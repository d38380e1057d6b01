#include "demo/timeline.hpp"

#include <algorithm>
#include <string_view>

#include "demo/calendar.hpp"
#include "demo/parts.hpp"

namespace kefu::demo::detail {
namespace {

constexpr int64_t kMinute = 60;
constexpr int64_t kHour = 3600;

bool in_person(std::string_view channel) {
  return channel == "service_desk" || channel == "floor_desk" || channel == "brand_counter" || channel == "cashier";
}

// Appends events at increasing times. A step moves the clock by a random delay,
// then forward into opening hours; once a step would pass `now` (or the ticket
// has used up its status budget) the timeline stops for good.
class Builder {
 public:
  Builder(const Store& store, int64_t created_at, int64_t now, int status_budget, Rng& rng)
      : store_(store), created_(created_at), now_(now), at_(created_at), budget_(status_budget), rng_(rng) {}

  bool alive() const { return alive_; }
  int64_t offset() const { return at_ - created_; }

  bool step(int64_t min_delay, int64_t max_delay, Event event) {
    if (!alive_) return false;
    if (!event.to_status.empty() && budget_-- <= 0) return alive_ = false;
    int64_t at = at_ + rng_.between(std::max<int64_t>(1, min_delay), std::max<int64_t>(1, max_delay));
    if (!is_open(store_, at)) {
      const int64_t open = next_open(store_, at);
      if (open < 0) return alive_ = false;
      at = open + rng_.between(kMinute, 15 * kMinute);
      if (!is_open(store_, at)) at = open;
    }
    if (at > now_) return alive_ = false;
    at_ = at;
    event.offset_seconds = at - created_;
    events_.push_back(std::move(event));
    return true;
  }

  Event& last() { return events_.back(); }
  std::vector<Event> take() { return std::move(events_); }

 private:
  const Store& store_;
  int64_t created_;
  int64_t now_;
  int64_t at_;
  int budget_;
  Rng& rng_;
  bool alive_ = true;
  std::vector<Event> events_;
};

Event status(const std::string& actor, std::string_view to, std::string text = {}) {
  return {0, "status", actor, std::move(text), std::string(to), "", "", 0};
}
Event reply(const std::string& actor, std::string text) { return {0, "reply", actor, std::move(text), "", "", "", 0}; }
Event note(const std::string& actor, std::string text, std::string department = {}) {
  return {0, "note", actor, std::move(text), "", std::move(department), "", 0};
}

int64_t due_seconds(std::string_view priority) {
  if (priority == "P1") return 2 * kHour;
  if (priority == "P2") return 24 * kHour;
  if (priority == "P3") return 48 * kHour;
  return 72 * kHour;
}

class Life {
 public:
  Life(const TimelineInput& in, Rng& rng, int budget)
      : in_(in),
        s_(in.scenario),
        t_(in.ticket),
        rng_(rng),
        b_(in.store, in.ticket.created_at, in.now_unix, budget, rng),
        owner_(in.ticket.owner) {}

  std::vector<Event> run() {
    first_response();
    acknowledge();
    if (escalates()) hand_over(true);
    if (!s_.task_department.empty() && rng_.percent(s_.task_percent)) collaborate();
    if (s_.hold) {
      hold();
    } else if (!s_.waits.empty() || ((t_.type == "complaint" || t_.type == "return") && rng_.percent(22))) {
      wait_for_customer();
    }
    if (t_.type != "inquiry" && t_.type != "praise" && rng_.percent(4)) hand_over(false);
    resolve();
    if ((t_.type == "complaint" && rng_.percent(6)) || (t_.type == "return" && rng_.percent(3))) reopen();
    close();
    return b_.take();
  }

 private:
  const std::string& pick(const Texts& texts) { return fill(texts[rng_.index(texts.size())]); }
  const std::string& fill(std::string_view tpl) { return scratch_ = in_.slots.fill(tpl); }

  void first_response() {
    const std::string_view ch = t_.channel;
    const bool urgent = t_.priority == "P1";
    int64_t lo = 15, hi = 4 * kMinute;
    if (ch == "hotline") lo = 30, hi = 5 * kMinute;
    if (ch == "app" || ch == "bot_handoff") lo = kMinute, hi = 30 * kMinute;
    if (ch == "social_media") lo = urgent ? 5 * kMinute : 10 * kMinute, hi = urgent ? 30 * kMinute : 2 * kHour;
    if (ch == "email") lo = 30 * kMinute, hi = 4 * kHour;
    if (ch == "comment_box") lo = 4 * kHour, hi = 30 * kHour;
    b_.step(lo, hi, status(owner_, "in_progress"));
  }

  void acknowledge() {
    const std::string_view type = t_.type;
    const bool always = type == "complaint" || type == "return" || type == "lost_found" || type == "suggestion";
    if (!always && (in_person(t_.channel) || !rng_.percent(60))) return;
    b_.step(30, 5 * kMinute, reply(owner_, pick(acknowledgements(type))));
    if ((type == "complaint" || type == "return") && rng_.percent(45)) {
      b_.step(5 * kMinute, 40 * kMinute, note(owner_, pick(fact_finding_notes())));
    }
  }

  bool escalates() {
    if (t_.priority == "P1") return t_.channel == "social_media" || rng_.percent(70);
    if (t_.priority == "P2") return rng_.percent(30);
    if (t_.priority == "P3") return rng_.percent(6);
    return false;
  }

  void hand_over(bool escalation) {
    const std::string target = escalation ? escalation_target() : colleague();
    if (target.empty() || target == owner_) return;
    Event e{0, "handover", owner_, target, "", "", std::string(rng_.pick(handover_reasons(escalation))), 0};
    if (escalation && t_.priority == "P1")
      e.reason =
          t_.channel == "social_media" ? "涉及媒体曝光，升级至店长统一处理" : "涉及顾客人身及食品安全，升级至店长";
    if (b_.step(2 * kMinute, escalation ? 20 * kMinute : 6 * kHour, std::move(e))) owner_ = target;
  }

  std::string escalation_target() const {
    const auto& code = t_.store_code;
    auto managers = staff_with(in_.catalog, code, "manager");
    auto supervisors = staff_with(in_.catalog, code, "supervisor");
    const bool to_manager = t_.priority == "P1" || role_of(owner_) == "supervisor";
    const auto& pool = to_manager || supervisors.empty() ? managers : supervisors;
    return pool.empty() || role_of(owner_) == "manager" ? std::string() : pool.front();
  }

  std::string colleague() {
    auto pool = staff_with(in_.catalog, t_.store_code, "agent", t_.department_code);
    std::erase(pool, owner_);
    if (pool.empty()) {
      pool = staff_with(in_.catalog, t_.store_code, "agent", "desk");
      std::erase(pool, owner_);
    }
    return pool.empty() ? std::string() : rng_.pick(pool);
  }

  std::string role_of(const std::string& username) const {
    for (const auto& s : in_.catalog.staff) {
      if (s.username == username) return s.role;
    }
    return {};
  }

  std::string department_actor(std::string_view department) {
    auto pool = staff_with(in_.catalog, t_.store_code, "dept_head", department);
    if (pool.empty()) pool = staff_with(in_.catalog, t_.store_code, "agent", department);
    if (pool.empty()) pool = staff_with(in_.catalog, t_.store_code, "supervisor");
    return pool.empty() ? owner_ : rng_.pick(pool);
  }

  void collaborate() {
    const std::string department(s_.task_department);
    const int64_t due = due_seconds(t_.priority);
    const Texts& tasks = s_.tasks.empty() ? generic_tasks(department) : s_.tasks;
    Event task{0, "task", owner_, pick(tasks), "", department, "", 0};
    if (!b_.step(3 * kMinute, 30 * kMinute, std::move(task))) return;
    b_.last().due_offset_seconds = b_.offset() + due;
    b_.step(10, 90, status(owner_, "waiting_internal"));
    // Most departments answer before the deadline; a few answer late.
    int64_t lo = t_.priority == "P1" ? 15 * kMinute : kHour, hi = due * 4 / 5;
    if (rng_.percent(12)) lo = due + kHour, hi = due * 2;
    const Texts& answers = s_.feedback.empty() ? generic_feedback(department) : s_.feedback;
    const size_t index = answers.size() == s_.resolutions.size() ? in_.resolution : rng_.index(answers.size());
    b_.step(lo, hi, note(department_actor(department), fill(answers[index]), department));
    b_.step(2 * kMinute, 30 * kMinute, status(owner_, "in_progress"));
  }

  void hold() {
    const Texts& asks = s_.waits.empty() ? generic_waits() : s_.waits;
    b_.step(kMinute, 10 * kMinute, reply(owner_, pick(asks)));
    b_.step(10, 60, status(owner_, "waiting_customer"));
    b_.step(kHour, 3 * 24 * kHour, status(owner_, "in_progress"));
  }

  void wait_for_customer() {
    const Texts& asks = s_.waits.empty() ? generic_waits() : s_.waits;
    const size_t ask = rng_.index(asks.size());
    b_.step(2 * kMinute, 30 * kMinute, reply(owner_, fill(asks[ask])));
    b_.step(10, 60, status(owner_, "waiting_customer"));
    b_.step(2 * kHour, 2 * 24 * kHour, status(owner_, "in_progress"));
    const std::string answer =
        s_.waits.empty() ? std::string(customer_returns_notes()[ask]) : std::string("顾客已回电，同意处理方案。");
    b_.step(kMinute, 10 * kMinute, note(owner_, answer));
  }

  void resolve() {
    const bool quick = t_.type == "inquiry" || t_.type == "service_request" || t_.type == "praise";
    const std::string& text = fill(s_.resolutions[in_.resolution]);
    b_.step(quick ? kMinute : 5 * kMinute, quick ? 10 * kMinute : kHour, reply(owner_, text));
    b_.step(30, 10 * kMinute, status(owner_, "resolved"));
  }

  void reopen() {
    b_.step(12 * kHour, 2 * 24 * kHour, status(owner_, "in_progress"));
    b_.step(kMinute, 10 * kMinute, note(owner_, pick(reopen_notes())));
    b_.step(30 * kMinute, 24 * kHour,
            reply(owner_, fill("{hello}，非常抱歉让您再次费心，承诺的处理已全部落实，后续有任何问题请直接联系我。")));
    b_.step(30, 10 * kMinute, status(owner_, "resolved"));
  }

  void close() {
    const bool follow_up = t_.type == "complaint" || t_.priority == "P1" || (t_.type == "return" && rng_.percent(50));
    if (follow_up) {
      const int64_t lo = t_.priority == "P1" ? 4 * kHour : 24 * kHour;
      b_.step(lo, lo * 3, note(owner_, pick(callback_notes())));
      b_.step(kMinute, 20 * kMinute, status(owner_, "closed"));
      return;
    }
    std::string text = rng_.percent(40) ? pick(closing_notes()) : std::string();
    if (in_person(t_.channel) && rng_.percent(50)) {
      b_.step(10, 5 * kMinute, status(owner_, "closed", std::move(text)));
    } else {
      b_.step(24 * kHour, 3 * 24 * kHour, status(owner_, "closed", std::move(text)));
    }
  }

  const TimelineInput& in_;
  const Scenario& s_;
  const Ticket& t_;
  Rng& rng_;
  Builder b_;
  std::string owner_;
  std::string scratch_;
};

// How far a ticket may get: fresh tickets are mostly still new or in progress,
// and a few old ones got stuck.
int status_budget(const TimelineInput& in, Rng& rng) {
  const int64_t age = in.now_unix - in.ticket.created_at;
  const int fresh = age < 6 * kHour ? 75 : age < 24 * kHour ? 60 : age < 48 * kHour ? 30 : 0;
  if (rng.percent(fresh)) {
    static constexpr int kWeights[] = {35, 50, 15};
    return static_cast<int>(rng.weighted(kWeights));
  }
  if (age > 4 * 24 * kHour) {
    const std::string_view ch = in.ticket.channel;
    const bool remote = ch == "app" || ch == "email" || ch == "comment_box" || ch == "social_media";
    if (remote && in.ticket.priority != "P1" && rng.percent(1)) return 0;
    const std::string_view type = in.ticket.type;
    const bool slow = type == "complaint" || type == "return" || type == "lost_found";
    if (rng.percent(slow ? 6 : 2)) return static_cast<int>(rng.between(1, 3));
  }
  return 1000;
}

}  // namespace

std::vector<Event> make_timeline(const TimelineInput& in, Rng& rng) {
  const int budget = status_budget(in, rng);
  return Life(in, rng, budget).run();
}

}  // namespace kefu::demo::detail
