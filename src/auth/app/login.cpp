#include "auth/app/login.hpp"

#include <deque>
#include <memory>
#include <mutex>
#include <optional>

#include "auth/domain/password.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app {
namespace {

const std::string& dummy_hash() {
  static const std::string h = people::hash_password("kefu-no-such-user");
  return h;
}

// Password checks take at most kMaxRunningChecks of the worker pool at once (uploads share
// it: an anonymous login flood must not starve them); up to kMaxWaitingChecks more wait
// their turn here, and beyond that a login is refused with busy (503-like 429) at once.
constexpr int kMaxRunningChecks = 1;
constexpr std::size_t kMaxWaitingChecks = 32;

struct Job {
  RunSlow run_slow;
  std::function<void()> work;
  std::function<void()> refuse;  // when the pool takes no more work
};

class CheckGate {
 public:
  // False when too many checks wait already.
  bool enter(Job job) {
    {
      std::lock_guard lock(m_);
      if (running_ >= kMaxRunningChecks) {
        if (waiting_.size() >= kMaxWaitingChecks) return false;
        waiting_.push_back(std::move(job));
        return true;
      }
      ++running_;
    }
    start(std::move(job));
    return true;
  }

 private:
  void start(Job job) {
    const bool queued = job.run_slow([this, work = job.work] {
      work();
      leave();
    });
    if (!queued) {
      job.refuse();
      leave();
    }
  }
  void leave() {
    Job next;
    {
      std::lock_guard lock(m_);
      if (waiting_.empty()) {
        --running_;
        return;
      }
      next = std::move(waiting_.front());
      waiting_.pop_front();
    }
    start(std::move(next));
  }

  std::mutex m_;
  int running_ = 0;
  std::deque<Job> waiting_;
};

CheckGate& gate() {
  static CheckGate g;
  return g;
}

}  // namespace

void log_in(storage::Database& db, const RunSlow& run_slow, std::function<int64_t()> clock, Credentials in,
            LoginDone done) {
  check_text("username", in.username, 40, true);
  check_text("password", in.password, 200, true);
  auto& reader = db.reader();
  check_login_allowed(reader, in.username, in.remote, clock());
  auto staff = reader.get<storage::OrgStore>().staff_by_username(in.username);
  auto refuse = [done] { done(std::make_exception_ptr(make_error(errors::kBusy)), nullptr); };
  auto work = [&db, clock, in = std::move(in), staff, done = std::move(done)]() mutable {
    const bool password_ok = people::verify_password(in.password, staff ? staff->password_hash : dummy_hash());
    auto outcome = std::make_shared<std::optional<LoginOutcome>>();
    db.write(
        [clock, in, staff, password_ok, outcome](storage::Stores& r) {
          const auto now = clock();
          check_login_allowed(r, in.username, in.remote, now);
          *outcome = finish_login(r, in.username, staff, password_ok, in.remote, now);
        },
        [outcome, done](std::exception_ptr e) {
          if (!e && !*outcome) e = std::make_exception_ptr(invalid_credentials());
          done(e, e ? nullptr : &**outcome);
        });
  };
  if (!gate().enter(Job{run_slow, std::move(work), std::move(refuse)})) throw make_error(errors::kBusy);
}

}  // namespace kefu::app
