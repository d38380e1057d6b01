#include "demo/timeline.hpp"

#include <algorithm>
#include <string_view>

#include "demo/calendar.hpp"
#include "demo/parts.hpp"
#include "demo/story.hpp"

namespace kefu::demo::detail {
namespace {

constexpr int64_t kMinute = 60;
constexpr int64_t kHour = 3600;

bool in_person(std::string_view channel) {
  return channel == "service_desk" || channel == "floor_desk" || channel == "brand_counter" || channel == "cashier";
}

// Appends events at increasing times. A step moves the clock by a random delay,
// then forward into opening hours; once a step would pass `now` the timeline
// stops for good.
class Builder {
 public:
  // round_the_clock: a P1 case is followed by the duty manager after closing time too.
  Builder(const Store& store, int64_t created_at, int64_t now, bool round_the_clock, Rng& rng)
      : store_(store), created_(created_at), now_(now), at_(created_at), round_the_clock_(round_the_clock), rng_(rng) {}

  bool alive() const { return alive_; }
  int64_t offset() const { return at_ - created_; }
  int64_t at() const { return at_; }

  bool step(int64_t min_delay, int64_t max_delay, Event event) {
    if (!alive_) return false;
    int64_t at = at_ + rng_.between(std::max<int64_t>(1, min_delay), std::max<int64_t>(1, max_delay));
    if (!round_the_clock_ && !is_open(store_, at)) {
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
  bool round_the_clock_;
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
  return 48 * kHour;  // P3, P4: about the ticket's own 24 hours of opening time
}

class Life {
 public:
  Life(const TimelineInput& in, Rng& rng)
      : in_(in),
        s_(in.scenario),
        t_(in.ticket),
        rng_(rng),
        b_(in.store, in.ticket.created_at, in.now_unix, in.ticket.priority == "P1", rng),
        owner_(in.ticket.owner) {}

  std::vector<Event> run() {
    const bool collaborates = !s_.task_department.empty() && rng_.percent(s_.task_percent);
    first_response(collaborates);
    if (escalates()) hand_over(true);
    if (collaborates) collaborate();
    if (waits_for_supplier()) {
      supplier_wait();
      return b_.take();
    }
    if (s_.hold) {
      hold();
    } else if (late_) {
      // The department's late answer already used the time: the owner settles it at once.
    } else if (!s_.waits.empty() || ((t_.type == "complaint" || t_.type == "return") && rng_.percent(45)) ||
               (t_.type == "service_request" && rng_.percent(20))) {
      wait_for_customer();
    }
    if (t_.type != "inquiry" && t_.type != "praise" && rng_.percent(4)) hand_over(false);
    resolve(collaborates || waited_);
    if (reopens()) reopen();
    close();
    return b_.take();
  }

 private:
  const std::string& pick(const Texts& texts) { return fill(texts[rng_.index(texts.size())]); }
  const std::string& fill(std::string_view tpl) { return scratch_ = in_.slots.fill(tpl); }

  // The first-response target of the ticket's SLA policy (load_sla.cpp), in minutes of
  // opening hours: P1 and special-care customers 15, P2 30, the rest 60.
  int64_t first_response_target() const {
    if (t_.priority == "P1") return 15 * kMinute;
    if (t_.member_index >= 0) {
      const auto& flags = in_.catalog.members[static_cast<size_t>(t_.member_index)].care_flags;
      if (!flags.empty()) return 15 * kMinute;
    }
    return t_.priority == "P2" ? 30 * kMinute : kHour;
  }

  // The resolution target, in hours of opening hours (P1: calendar): P1 4, special care 8,
  // P2 12, the rest 24.
  int64_t resolution_target() const {
    if (t_.priority == "P1") return 4 * kHour;
    if (first_response_target() == 15 * kMinute) return 8 * kHour;
    return t_.priority == "P2" ? 12 * kHour : 24 * kHour;
  }

  // The desk takes the contact and answers well within the target; now and then (more at
  // the weekend evening peak) the answer comes late.
  void first_response(bool collaborates) {
    const std::string_view ch = t_.channel;
    const int64_t target = first_response_target();
    int64_t lo = 15, hi = 4 * kMinute;
    if (ch == "hotline") lo = 30, hi = 3 * kMinute;
    if (ch == "app" || ch == "bot_handoff") lo = kMinute, hi = 20 * kMinute;
    if (ch == "social_media") lo = 3 * kMinute, hi = 25 * kMinute;
    if (ch == "email" || ch == "comment_box") lo = 10 * kMinute, hi = 40 * kMinute;
    hi = std::min(hi, target / 2);
    lo = std::min(lo, hi / 2);
    const int64_t local = local_seconds(t_.created_at) / 3600;
    const int wd = weekday(local_day(t_.created_at));
    const bool peak = (wd == 0 || wd == 6) && local >= 18 && local < 21;
    if (rng_.percent(peak ? 12 : 4)) lo = target + 2 * kMinute, hi = target * 2;
    b_.step(lo, hi, status(owner_, "in_progress"));
    acknowledge(collaborates);
  }

  void acknowledge(bool collaborates) {
    const std::string_view type = t_.type;
    const bool always = type == "complaint" || type == "return" || type == "lost_found" || type == "suggestion";
    // Settled on the spot, face to face: the answer is the first reply.
    if (!always && !collaborates && !s_.hold && in_person(t_.channel)) return;
    b_.step(10, 2 * kMinute, reply(owner_, pick(acknowledgements(type))));
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
    const Texts& answers = s_.feedback.empty() ? generic_feedback(department) : s_.feedback;
    const size_t index = answers.size() == s_.resolutions.size() ? in_.resolution : rng_.index(answers.size());
    const std::string& answer = fill(answers[index]);
    if (department == story::kSlowDepartment && story::within_days(b_.at(), in_.now_unix, story::kSlowDays)) {
      // The story's slow department: the owner chases, the answer comes late.
      b_.step(due * 2 / 5, due * 3 / 5, note(owner_, pick(slow_department_chasers())));
      b_.step(due / 10, due * 3 / 5, note(department_actor(department), answer, department));
    } else {
      // Departments answer well before the deadline; a few answer late.
      // (P1 and P2 well inside the ticket's own resolution target: 4 h, 12 business hours.)
      int64_t lo = t_.priority == "P1" ? 15 * kMinute : kHour, hi = t_.priority == "P2" ? due / 4 : due / 2;
      if (rng_.percent(2)) lo = due + kHour, hi = due * 3 / 2, late_ = true;
      b_.step(lo, hi, note(department_actor(department), answer, department));
    }
    b_.step(2 * kMinute, 30 * kMinute, status(owner_, "in_progress"));
  }

  // A handful of recent complaints about goods wait on the brand's supplier (a
  // test report, a spare part): open past their resolution target, with the reason in
  // their timeline.
  bool waits_for_supplier() {
    const int64_t age = in_.now_unix - t_.created_at;
    if (t_.purchase_ref.empty() || t_.type != "complaint") return false;
    return age > 3 * kDay && age < 8 * kDay && rng_.percent(1);
  }

  void supplier_wait() {
    const std::string& actor = department_actor("brand_counter");
    Event task{0, "task", owner_, pick(supplier_tasks()), "", "brand_counter", "", 0};
    if (!b_.step(5 * kMinute, 2 * kHour, std::move(task))) return;
    b_.last().due_offset_seconds = b_.offset() + 10 * kDay;
    b_.step(10, 90, status(owner_, "waiting_internal"));
    b_.step(2 * kHour, 8 * kHour, note(actor, pick(supplier_notes())));
    b_.step(10 * kMinute, kHour,
            reply(owner_, fill("{hello}，商品已寄厂家检测，厂家承诺7个工作日内出具报告，有结果我们第一时间联系您。")));
  }

  // The story's slipping agent reopens more of this last month's tickets.
  bool reopens() {
    const std::string_view type = t_.type;
    const bool slipping =
        owner_ == story::kSlippingAgent && story::within_days(t_.created_at, in_.now_unix, story::kSlippingDays);
    if (slipping) return rng_.percent(type == "complaint" ? 30 : type == "return" ? 20 : 6);
    return (type == "complaint" && rng_.percent(6)) || (type == "return" && rng_.percent(3));
  }

  void hold() {
    const Texts& asks = s_.waits.empty() ? generic_waits() : s_.waits;
    b_.step(kMinute, 10 * kMinute, reply(owner_, pick(asks)));
    b_.step(10, 60, status(owner_, "waiting_customer"));
    // Until the customer comes back for it (the clock waits with the desk).
    b_.step(3 * kHour, 6 * kDay, status(owner_, "in_progress"));
  }

  void wait_for_customer() {
    const Texts& asks = s_.waits.empty() ? generic_waits() : s_.waits;
    const size_t ask = rng_.index(asks.size());
    b_.step(2 * kMinute, 30 * kMinute, reply(owner_, fill(asks[ask])));
    b_.step(10, 60, status(owner_, "waiting_customer"));
    b_.step(4 * kHour, 5 * kDay, status(owner_, "in_progress"));
    waited_ = true;
    const std::string answer =
        s_.waits.empty() ? std::string(customer_returns_notes()[ask]) : std::string("顾客已回电，同意处理方案。");
    b_.step(kMinute, 10 * kMinute, note(owner_, answer));
  }

  // Quick matters are settled in minutes; a complaint or a return without another
  // department's help still takes the owner a few hours to look into.
  void resolve(bool collaborated) {
    const bool quick = t_.type == "inquiry" || t_.type == "service_request" || t_.type == "praise";
    const std::string& text = fill(s_.resolutions[in_.resolution]);
    int64_t lo = quick ? kMinute : 5 * kMinute, hi = quick ? 10 * kMinute : kHour;
    const bool looked_into = t_.type == "complaint" || t_.type == "return" || t_.type == "suggestion";
    if (looked_into && !collaborated && t_.priority != "P1")
      lo = std::min<int64_t>(2 * kHour, resolution_target() / 8), hi = resolution_target() * 3 / 4;
    b_.step(lo, hi, reply(owner_, text));
    b_.step(30, 10 * kMinute, status(owner_, "resolved"));
  }

  void reopen() {
    b_.step(12 * kHour, 2 * 24 * kHour, status(owner_, "in_progress"));
    b_.step(kMinute, 10 * kMinute, note(owner_, pick(reopen_notes())));
    b_.step(30 * kMinute, resolution_target() * 2 / 3,
            reply(owner_, fill("{hello}，非常抱歉让您再次费心，承诺的处理已全部落实，后续有任何问题请直接联系我。")));
    b_.step(30, 10 * kMinute, status(owner_, "resolved"));
  }

  void close() {
    const bool follow_up = t_.type == "complaint" || t_.priority == "P1" || (t_.type == "return" && rng_.percent(50));
    // The callback (回访) within its target: P1 and special care 24 h, P2 48 h, the rest 72 h.
    const bool care = first_response_target() == 15 * kMinute;
    if (follow_up) {
      int64_t lo = 20 * kHour, hi = 54 * kHour;
      if (t_.priority == "P2") lo = 16 * kHour, hi = 32 * kHour;
      if (t_.priority == "P1" || care) lo = 3 * kHour, hi = 12 * kHour;
      b_.step(lo, hi, note(owner_, pick(callback_notes())));
      b_.step(kMinute, 20 * kMinute, status(owner_, "closed"));
      return;
    }
    std::string text = rng_.percent(40) ? pick(closing_notes()) : std::string();
    if (in_person(t_.channel) && rng_.percent(50)) {
      b_.step(10, 5 * kMinute, status(owner_, "closed", std::move(text)));
    } else {
      b_.step(care ? 3 * kHour : 16 * kHour, care ? 12 * kHour : 30 * kHour, status(owner_, "closed", std::move(text)));
    }
  }

  const TimelineInput& in_;
  const Scenario& s_;
  const Ticket& t_;
  Rng& rng_;
  Builder b_;
  std::string owner_;
  std::string scratch_;
  bool late_ = false;    // a collaboration task was answered after its deadline
  bool waited_ = false;  // the customer was asked for something and came back
};

}  // namespace

std::vector<Event> make_timeline(const TimelineInput& in, Rng& rng) {
  // A ticket gets as far as its life reached by now: the open tickets are the young ones,
  // and the few old ones still waiting on someone (a supplier, the slow department).
  return Life(in, rng).run();
}

}  // namespace kefu::demo::detail
