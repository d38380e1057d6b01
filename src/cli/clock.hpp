#pragma once
// The server's clock: the system clock, or — for end-to-end tests only — a fast clock
// set by KEFU_TEST_CLOCK="<anchor_ms>:<rate>": now = anchor + (real - anchor) × rate.
// Every process given the same value agrees on the time, so a test can restart the
// server and the deadlines stay where they were; rate 60 turns a one-minute SLA target
// into a second. Logged loudly when set.
#include <cstdint>
#include <functional>

namespace kefu::cli {

int64_t wall_clock_ms();
std::function<int64_t()> server_clock();

}  // namespace kefu::cli
