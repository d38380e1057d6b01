#pragma once
#include <cstdint>
#include <string>

namespace kefu::ticket {

// The number a customer quotes: "KF" + yymmdd (China time, UTC+8) + the id padded
// to six digits, e.g. KF261122000123. Unique because the id is.
std::string ticket_number(int64_t id, int64_t created_at_ms);

}  // namespace kefu::ticket
