#include <algorithm>
#include <stdexcept>

#include "core/http/router.hpp"
#include "core/http/url.hpp"

namespace kefu::http {
namespace {

bool is_param(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// "/a/b/" -> {"a", "b", ""}; "/" -> {}. Requires a leading '/'.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.size() <= 1) return out;
  path.remove_prefix(1);
  for (;;) {
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

// Same shape = same literals at the same places and parameters at the same places.
bool same_shape(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const bool pa = is_param(a[i]), pb = is_param(b[i]);
    if (pa != pb || (!pa && a[i] != b[i])) return false;
  }
  return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  if (!handler) throw std::invalid_argument("route has no handler: " + pattern);
  std::vector<std::string> segments;
  std::vector<std::string_view> names;
  for (const auto seg : split_path(pattern)) {
    if (is_param(seg)) {
      const auto name = seg.substr(1, seg.size() - 2);
      if (name.empty()) throw std::invalid_argument("empty route parameter in " + pattern);
      for (const auto other : names) {
        if (other == name) throw std::invalid_argument("repeated route parameter in " + pattern);
      }
      names.push_back(name);
    }
    segments.emplace_back(seg);
  }
  for (const auto& e : entries_) {
    if (e.method == method && same_shape(e.segments, segments)) {
      throw std::invalid_argument("duplicate route " + method + " " + pattern + " (clashes with " + e.pattern + ")");
    }
  }
  entries_.push_back(Entry{std::move(method), std::move(pattern), std::move(segments), std::move(handler), group_});
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match out;
  if (path.empty() || path.front() != '/') return out;
  std::vector<std::string> segments;
  for (const auto raw : split_path(path)) {
    auto decoded = percent_decode(raw);
    segments.push_back(decoded ? std::move(*decoded) : std::string(raw));
  }

  const auto path_matches = [&](const Entry& e) {
    if (e.segments.size() != segments.size()) return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      if (is_param(e.segments[i]) ? segments[i].empty() : e.segments[i] != segments[i]) return false;
    }
    return true;
  };
  // Both match the same path, so where both are literals they are equal: the first
  // position where exactly one is a parameter decides.
  const auto more_specific = [](const Entry& a, const Entry& b) {
    for (std::size_t i = 0; i < a.segments.size(); ++i) {
      const bool pa = is_param(a.segments[i]), pb = is_param(b.segments[i]);
      if (pa != pb) return !pa;
    }
    return false;
  };

  const Entry* best = nullptr;
  const Entry* any_method = nullptr;
  for (const auto& e : entries_) {
    if (!path_matches(e)) continue;
    if (e.method != method) {
      if (!any_method || more_specific(e, *any_method)) any_method = &e;
      if (std::find(out.allowed.begin(), out.allowed.end(), e.method) == out.allowed.end()) {
        out.allowed.push_back(e.method);
      }
      continue;
    }
    if (!best || more_specific(e, *best)) best = &e;
  }

  if (!best) {
    if (any_method) {
      out.method_not_allowed = true;
      out.pattern = any_method->pattern;
    } else {
      out.allowed.clear();
      if (auto f = fallbacks_.find(std::string(method)); f != fallbacks_.end()) {
        out.handler = &f->second;
        out.pattern = "*";
      }
    }
    return out;
  }
  out.allowed.clear();
  out.handler = &best->handler;
  out.pattern = best->pattern;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& seg = best->segments[i];
    if (is_param(seg)) out.params.emplace(seg.substr(1, seg.size() - 2), std::move(segments[i]));
  }
  return out;
}

void Router::fallback(std::string method, Handler handler) { fallbacks_[std::move(method)] = std::move(handler); }

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  out.reserve(entries_.size());
  for (const auto& e : entries_) out.push_back(RouteInfo{e.method, e.pattern, e.group});
  return out;
}

}  // namespace kefu::http
