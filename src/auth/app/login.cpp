#include "auth/app/login.hpp"

#include <memory>
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

}  // namespace

void log_in(storage::Database& db, const RunSlow& run_slow, std::function<int64_t()> clock, Credentials in,
            LoginDone done) {
  check_text("username", in.username, 40, true);
  check_text("password", in.password, 200, true);
  auto& reader = db.reader();
  check_login_allowed(reader, in.username, clock());
  auto staff = reader.get<storage::OrgStore>().staff_by_username(in.username);
  const bool queued = run_slow([&db, clock, in = std::move(in), staff, done = std::move(done)]() mutable {
    const bool password_ok = people::verify_password(in.password, staff ? staff->password_hash : dummy_hash());
    auto outcome = std::make_shared<std::optional<LoginOutcome>>();
    db.write(
        [clock, in, staff, password_ok, outcome](storage::Stores& r) {
          const auto now = clock();
          check_login_allowed(r, in.username, now);
          *outcome = finish_login(r, in.username, staff, password_ok, in.remote, now);
        },
        [outcome, done](std::exception_ptr e) {
          if (!e && !*outcome) e = std::make_exception_ptr(invalid_credentials());
          done(e, e ? nullptr : &**outcome);
        });
  });
  if (!queued) throw make_error(errors::kBusy);
}

}  // namespace kefu::app
