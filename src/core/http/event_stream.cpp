#include "core/http/event_stream.hpp"

#include <spdlog/spdlog.h>
#include <utility>

namespace kefu::http::detail {
namespace {

// Appends "<prefix><line>\n" for every line of text (split at \n, \r\n or \r); an empty
// text is one empty line.
void append_lines(std::string& out, std::string_view prefix, std::string_view text) {
  for (;;) {
    const auto end = text.find_first_of("\r\n");
    out += prefix;
    out += text.substr(0, end);
    out += '\n';
    if (end == std::string_view::npos) return;
    const std::size_t skip = (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1;
    text.remove_prefix(end + skip);
  }
}

void append_field(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ": ";
  for (const char c : value) {
    if (c != '\r' && c != '\n') out += c;
  }
  out += '\n';
}

void run(std::vector<std::function<void()>>& callbacks) {
  for (auto& fn : callbacks) {
    try {
      fn();
    } catch (const std::exception& e) {
      spdlog::error("http: on_close callback threw: {}", e.what());
    } catch (...) {
      spdlog::error("http: on_close callback threw");
    }
  }
}

}  // namespace

std::string StreamChannel::format_event(std::string_view event, std::string_view data, std::string_view id) {
  std::string out;
  out.reserve(data.size() + event.size() + id.size() + 32);
  if (!id.empty()) append_field(out, "id", id);
  if (!event.empty()) append_field(out, "event", event);
  append_lines(out, "data: ", data);
  out += '\n';
  return out;
}

std::string StreamChannel::format_comment(std::string_view text) {
  std::string out;
  append_lines(out, ": ", text);
  out += '\n';
  return out;
}

bool StreamChannel::send(std::string_view event, std::string_view data, std::string_view id) {
  return q_.push(format_event(event, data, id));
}

bool StreamChannel::comment(std::string_view text) { return q_.push(format_comment(text)); }

void SocketChannel::on_message(std::function<void(std::string)> fn) {
  std::lock_guard lock(mu_);
  on_message_ = std::move(fn);
}

void SocketChannel::deliver(std::string text) {
  std::function<void(std::string)> fn;
  {
    std::lock_guard lock(mu_);
    fn = on_message_;
  }
  if (!fn) return;
  try {
    fn(std::move(text));
  } catch (const std::exception& e) {
    spdlog::error("http: websocket on_message threw: {}", e.what());
    close();
  }
}

bool FrameQueue::push(std::string frame) {
  std::vector<std::function<void()>> callbacks;
  {
    std::lock_guard lock(mu_);
    if (closed_) return false;
    if (queued_bytes_ + frame.size() <= max_queued_bytes_) {
      queued_bytes_ += frame.size();
      frames_.push_back(std::move(frame));
      if (armed_ && notify_) {
        armed_ = false;
        notify_(false);
      }
      return true;
    }
    // Too slow a client: drop it rather than grow without bound or block the sender.
    frames_.clear();
    frames_.shrink_to_fit();
    queued_bytes_ = 0;
    closed_ = true;
    armed_ = false;
    callbacks.swap(on_close_);
    if (notify_) notify_(true);
  }
  spdlog::warn("http: {} client too slow (over {} bytes queued); disconnecting it", what_, max_queued_bytes_);
  run(callbacks);
  return false;
}

void FrameQueue::close() {
  std::vector<std::function<void()>> callbacks;
  {
    std::lock_guard lock(mu_);
    if (closed_) return;
    closed_ = true;
    callbacks.swap(on_close_);
    if (armed_ && notify_) {
      armed_ = false;
      notify_(false);
    }
  }
  run(callbacks);
}

bool FrameQueue::open() const {
  std::lock_guard lock(mu_);
  return !closed_;
}

void FrameQueue::on_close(std::function<void()> fn) {
  if (!fn) return;
  {
    std::lock_guard lock(mu_);
    if (!closed_) {
      on_close_.push_back(std::move(fn));
      return;
    }
  }
  std::vector<std::function<void()>> callbacks{std::move(fn)};
  run(callbacks);
}

void FrameQueue::attach(Notify notify) {
  std::lock_guard lock(mu_);
  notify_ = std::move(notify);
}

void FrameQueue::detach() {
  std::lock_guard lock(mu_);
  notify_ = nullptr;
  armed_ = false;
}

bool FrameQueue::take(std::string& out) {
  std::lock_guard lock(mu_);
  for (auto& f : frames_) out += f;
  frames_.clear();
  queued_bytes_ = 0;
  return !closed_;
}

bool FrameQueue::take(std::deque<std::string>& out) {
  std::lock_guard lock(mu_);
  for (auto& f : frames_) out.push_back(std::move(f));
  frames_.clear();
  queued_bytes_ = 0;
  return !closed_;
}

bool FrameQueue::arm() {
  std::lock_guard lock(mu_);
  if (closed_ || !frames_.empty()) return false;
  armed_ = true;
  return true;
}

void FrameQueue::disarm() {
  std::lock_guard lock(mu_);
  armed_ = false;
}

}  // namespace kefu::http::detail
