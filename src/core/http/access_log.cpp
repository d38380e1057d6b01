#include <spdlog/details/log_msg.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <fmt/format.h>
#include <algorithm>
#include <chrono>
#include <ctime>

#include "core/http/access_log.hpp"

namespace kefu::http {

namespace {

// Filters and paging only: never a person's words, phone, name or a token.
constexpr std::string_view kLoggedQueryParameters[] = {
    "status", "type", "priority", "channel",  "store_id",        "department_id", "owner_id",
    "limit",  "sort", "overdue",  "group_by", "include_retired", "format",        "minutes"};

bool token_like(std::string_view segment) {
  if (segment.size() < 20) return false;
  bool digits_only = true;
  for (char ch : segment) {
    const bool alnum = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    if (!alnum && ch != '-' && ch != '_' && ch != '.' && ch != '%') return false;
    if (!(ch >= '0' && ch <= '9')) digits_only = false;
  }
  return !digits_only;
}

}  // namespace

std::string redact_target(std::string_view target) {
  const auto q = target.find('?');
  const auto path = target.substr(0, q);
  std::string out;
  out.reserve(target.size());
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const auto segment = path.substr(start, end - start);
    out += token_like(segment) ? std::string_view("…") : segment;
    if (end < path.size()) out += '/';
    start = end + 1;
  }
  if (q == std::string_view::npos) return out;
  out += '?';
  auto query = target.substr(q + 1);
  bool first = true;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const auto key = pair.substr(0, eq);
    if (!first) out += '&';
    first = false;
    out += token_like(key) || key.size() > 40 ? std::string_view("…") : key;
    if (eq == std::string_view::npos) continue;
    bool logged = false;
    for (auto k : kLoggedQueryParameters) logged = logged || k == key;
    out += '=';
    out += logged && pair.size() - eq - 1 <= 40 ? pair.substr(eq + 1) : std::string_view("*");
  }
  return out;
}

bool is_loopback(std::string_view a) {
  if (a == "::1") return true;
  if (a.starts_with("::ffff:")) a.remove_prefix(7);
  return a.starts_with("127.");
}

std::string client_address(std::string_view peer, std::string_view xff, const std::vector<std::string>& trusted) {
  auto is_trusted = [&](std::string_view a) { return std::find(trusted.begin(), trusted.end(), a) != trusted.end(); };
  if (!is_trusted(peer)) return std::string(peer);
  while (!xff.empty()) {
    const auto comma = xff.rfind(',');
    auto entry = comma == std::string_view::npos ? xff : xff.substr(comma + 1);
    xff = comma == std::string_view::npos ? std::string_view() : xff.substr(0, comma);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
    const bool address_like =
        !entry.empty() && entry.size() <= 45 && std::all_of(entry.begin(), entry.end(), [](char c) {
          return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
        });
    if (!address_like) break;
    if (!is_trusted(entry)) return std::string(entry);
  }
  return std::string(peer);
}

namespace {

constexpr std::size_t kRotateBytes = 100 * 1024 * 1024;
constexpr std::size_t kRotateFiles = 5;
constexpr auto kFlushEvery = std::chrono::milliseconds(100);
constexpr std::size_t kFlushBytes = 256 * 1024;
constexpr std::size_t kMaxPendingBytes = 64 * 1024 * 1024;

// Appends an ISO-8601 UTC timestamp with milliseconds; the seconds part is formatted
// once per second per thread.
void append_timestamp(std::string& out) {
  thread_local std::time_t cached_second = -1;
  thread_local char cached[24];
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::time_t second = static_cast<std::time_t>(ms / 1000);
  if (second != cached_second) {
    std::tm tm{};
    gmtime_r(&second, &tm);
    std::strftime(cached, sizeof cached, "%Y-%m-%dT%H:%M:%S", &tm);
    cached_second = second;
  }
  out += cached;
  fmt::format_to(std::back_inserter(out), ".{:03d}Z", static_cast<int>(ms % 1000));
}

}  // namespace

AccessLog::AccessLog(const std::string& path) {
  if (path.empty()) {
    sink_ = std::make_shared<spdlog::sinks::stdout_sink_mt>();
  } else {
    sink_ = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path, kRotateBytes, kRotateFiles);
  }
  // A batch is written as one message: no pattern, no extra end of line.
  sink_->set_formatter(std::make_unique<spdlog::pattern_formatter>("%v", spdlog::pattern_time_type::utc, ""));
  pending_.reserve(kFlushBytes * 2);
  writer_ = std::thread([this] { run(); });
}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
}

void AccessLog::write(std::string_view remote, std::string_view method, std::string_view target, int status,
                      std::size_t bytes, double duration_ms) {
  thread_local std::string line;
  line.clear();
  append_timestamp(line);
  fmt::format_to(std::back_inserter(line), " {} \"{} {}\" {} {} {:.3f}ms\n", remote, method, target, status, bytes,
                 duration_ms);
  bool wake = false;
  {
    std::lock_guard lock(mu_);
    if (pending_.size() + line.size() > kMaxPendingBytes) {
      ++dropped_;
      return;
    }
    const bool was_below = pending_.size() < kFlushBytes;
    pending_ += line;
    wake = was_below && pending_.size() >= kFlushBytes;
  }
  if (wake) wake_.notify_one();
}

void AccessLog::run() {
  std::string batch;
  batch.reserve(kFlushBytes * 2);
  for (;;) {
    bool stop = false;
    std::size_t dropped = 0;
    {
      std::unique_lock lock(mu_);
      wake_.wait_for(lock, kFlushEvery, [this] { return stopping_ || pending_.size() >= kFlushBytes; });
      batch.swap(pending_);
      std::swap(dropped, dropped_);
      stop = stopping_;
    }
    if (dropped > 0) batch += fmt::format("access log: {} line(s) dropped, the sink was too slow\n", dropped);
    if (!batch.empty()) {
      try {
        sink_->log(spdlog::details::log_msg(spdlog::string_view_t{}, spdlog::level::info,
                                            spdlog::string_view_t(batch.data(), batch.size())));
        sink_->flush();
      } catch (const std::exception&) {
        // A full disk must not take the server down; the lines are lost.
      }
      batch.clear();
    }
    if (stop) return;
  }
}

}  // namespace kefu::http
