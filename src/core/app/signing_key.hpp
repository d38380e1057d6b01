#pragma once
// Server keys for signed links (core/domain/signed_link.hpp), kept as hex in the settings table:
// "csat_link_key" for survey links, "ticket_access_key" for the customer's access to their
// own ticket. Separate keys, so a token made for one purpose never verifies for another.
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"

namespace kefu::app {

// The key under `setting`, created on first use (call inside a write).
std::vector<unsigned char> signing_key(Context&, const std::string& setting);

// The key when one exists (reads only); nullopt = no link was ever signed with it.
std::optional<std::vector<unsigned char>> existing_signing_key(Context&, const std::string& setting);

}  // namespace kefu::app
