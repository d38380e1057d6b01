// `kefu keys list` and `kefu keys rotate`: the key rings that sign customers' links
// (core/app/signing_key.hpp). Safe beside a running server: a rotation is one write, and
// servers read the ring at every link they sign or check.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "cli/commands.hpp"
#include "core/app/signing_key.hpp"
#include "core/storage/open.hpp"

namespace kefu::cli {

int64_t wall_clock_ms();

namespace {

// The command line acts with administrator rights, recorded as actor 0 in the audit log.
const people::Actor kSystem{.staff_id = 0, .username = "system", .role = "admin"};

std::string when(std::optional<int64_t> ms) { return ms ? std::to_string(*ms) : "-"; }

}  // namespace

int list_keys(const Config& c) {
  auto db = storage::open_database(c.database_url, false);
  app::Context ctx{db->reader(), kSystem, wall_clock_ms(), nullptr};
  std::printf("%-14s %6s %-10s %15s %15s\n", "purpose", "id", "state", "created_at", "retired_at");
  for (const auto& k : app::signing_key_states(ctx))
    std::printf("%-14s %6lld %-10s %15lld %15s\n", k.purpose.c_str(), static_cast<long long>(k.id), k.state.c_str(),
                static_cast<long long>(k.created_at), when(k.retired_at).c_str());
  return 0;
}

int rotate_keys(const Config& c, const KeyOptions& o) {
  std::vector<std::string> purposes;
  if (o.purpose.empty())
    purposes.assign(std::begin(app::kLinkPurposes), std::end(app::kLinkPurposes));
  else if (std::any_of(std::begin(app::kLinkPurposes), std::end(app::kLinkPurposes),
                       [&](const char* p) { return o.purpose == p; }))
    purposes.push_back(o.purpose);
  else
    throw std::runtime_error("--purpose must be csat_link or ticket_access");
  auto db = storage::open_database(c.database_url, false);
  for (const auto& purpose : purposes) {
    app::KeyRotation r;
    db->write_sync([&](storage::Stores& s) {
      app::Context ctx{s, kSystem, wall_clock_ms(), nullptr};
      r = app::rotate_signing_key(ctx, purpose, o.revoke);
    });
    std::printf("%s: key %lld signs from now on; %d older key(s) still verify, %d deleted%s\n", purpose.c_str(),
                static_cast<long long>(r.new_key_id), r.retired, r.deleted,
                o.revoke ? " (links signed before no longer work)" : "");
    spdlog::info("signing key {} rotated{}: new key {}", purpose, o.revoke ? " with revoke" : "", r.new_key_id);
  }
  return 0;
}

}  // namespace kefu::cli
