#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "auth/app/auth.hpp"
#include "auth/domain/password.hpp"
#include "auth/domain/password_policy.hpp"
#include "cli/commands.hpp"
#include "core/storage/open.hpp"
#include "org/app/org.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::cli {

int64_t wall_clock_ms();

int add_user(const Config& c, const NewUser& u) {
  std::string password = u.password;
  if (password.empty() && std::getenv("KEFU_PASSWORD")) password = std::getenv("KEFU_PASSWORD");
  if (password.empty()) {
    std::cerr << "password: ";
    std::getline(std::cin, password);
  }
  people::check_new_password(password, u.username, "password");
  auto db = storage::open_database(c.database_url, true);
  people::Staff s;
  s.username = u.username;
  s.display_name = u.display_name.empty() ? u.username : u.display_name;
  s.role = people::Role::of(u.role);
  s.password_hash = people::hash_password(password);
  for (const auto& st : db->reader().get<storage::OrgStore>().stores())
    for (const auto& code : u.store_codes)
      if (st.code == code) s.store_ids.push_back(st.id);
  if (s.store_ids.size() != u.store_codes.size()) throw std::runtime_error("unknown store code");
  // The command line acts with administrator rights, recorded as actor 0 in the audit log.
  people::Actor system{.staff_id = 0, .username = "system", .role = "admin"};
  db->write_sync([&](storage::Stores& r) {
    app::Context ctx{r, system, wall_clock_ms(), nullptr};
    s = app::create_staff(ctx, s);
  });
  spdlog::info("added {} ({}) with id {}", s.username, s.role.code(), s.id);
  return 0;
}

}  // namespace kefu::cli
