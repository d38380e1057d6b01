#include "cli/config.hpp"

#include <toml++/toml.h>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace kefu::cli {
namespace {

template <typename T>
void from_toml(const toml::table& t, const char* section, const char* key, T& out) {
  if (auto v = t[section][key].value<T>()) out = *v;
}

// "10.0.0.1, 10.0.0.2" → its non-empty entries, trimmed.
std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s + ",") {
    if (ch == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (ch != ' ') {
      cur += ch;
    }
  }
  return out;
}

void from_env(const char* name, std::string& out) {
  if (const char* v = std::getenv(name)) out = v;
}
void from_env(const char* name, int& out) {
  if (const char* v = std::getenv(name)) {
    try {
      out = std::stoi(v);
    } catch (...) {
      throw std::runtime_error(std::string(name) + " must be a number");
    }
  }
}
void from_env(const char* name, bool& out) {
  if (const char* v = std::getenv(name)) out = std::string(v) == "1" || std::string(v) == "true";
}

}  // namespace

std::string display_url(const std::string& url) {
  std::string out = url;
  const auto scheme = out.find("://");
  if (scheme != std::string::npos) {
    const auto at = out.find('@', scheme + 3);
    const auto slash = out.find('/', scheme + 3);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      const auto colon = out.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  for (std::size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    const auto start = p + 9;
    auto end = out.find_first_of("& ", start);
    if (end == std::string::npos) end = out.size();
    out.replace(start, end - start, "***");
  }
  return out;
}

Config load_config(const std::string& path, bool path_given) {
  Config c;
  if (path_given || std::filesystem::exists(path)) {
    toml::table t;
    try {
      t = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
      throw std::runtime_error("config " + path + ": " + std::string(e.description()));
    }
    from_toml(t, "server", "address", c.address);
    int64_t port = c.port, threads = c.threads, timeout = c.request_timeout_s;
    from_toml(t, "server", "port", port);
    from_toml(t, "server", "threads", threads);
    from_toml(t, "server", "request_timeout_s", timeout);
    c.port = static_cast<int>(port);
    c.threads = static_cast<int>(threads);
    c.request_timeout_s = static_cast<int>(timeout);
    if (auto b = t["server"]["secure_cookies"].value<bool>()) c.secure_cookies = *b ? "always" : "never";
    from_toml(t, "server", "secure_cookies", c.secure_cookies);
    from_toml(t, "server", "metrics_token", c.metrics_token);
    if (auto arr = t["server"]["trusted_proxies"].as_array()) {
      for (const auto& v : *arr)
        if (auto str = v.value<std::string>()) c.trusted_proxies.push_back(*str);
    } else if (auto str = t["server"]["trusted_proxies"].value<std::string>()) {
      c.trusted_proxies = split_list(*str);
    }
    from_toml(t, "database", "url", c.database_url);
    from_toml(t, "storage", "attachments_dir", c.attachments_dir);
    from_toml(t, "text", "dictionary", c.dictionary);
    from_toml(t, "log", "access_log", c.access_log);
    from_toml(t, "log", "access_log_file", c.access_log_file);
    int64_t tick = c.sla_tick_ms;
    from_toml(t, "sla", "scheduler", c.sla_scheduler);
    from_toml(t, "feedback", "watch", c.feedback_watch);
    from_toml(t, "reports", "rollups", c.reports_rollups);
    from_toml(t, "sla", "tick_ms", tick);
    c.sla_tick_ms = static_cast<int>(tick);
    from_toml(t, "smtp", "url", c.smtp_url);
    from_toml(t, "smtp", "from", c.smtp_from);
    from_toml(t, "smtp", "from_name", c.smtp_from_name);
    from_toml(t, "smtp", "username", c.smtp_username);
    from_toml(t, "smtp", "password", c.smtp_password);
    from_toml(t, "smtp", "starttls", c.smtp_starttls);
    from_toml(t, "bot", "ca_file", c.bot_ca_file);
    from_toml(t, "web", "dir", c.web_dir);
  }
  from_env("KEFU_SERVER_ADDRESS", c.address);
  from_env("KEFU_SERVER_PORT", c.port);
  from_env("KEFU_SERVER_THREADS", c.threads);
  from_env("KEFU_SERVER_SECURE_COOKIES", c.secure_cookies);
  if (c.secure_cookies == "true" || c.secure_cookies == "1") c.secure_cookies = "always";
  if (c.secure_cookies == "false" || c.secure_cookies == "0") c.secure_cookies = "never";
  if (c.secure_cookies != "auto" && c.secure_cookies != "always" && c.secure_cookies != "never")
    throw std::runtime_error("server.secure_cookies must be auto, always or never");
  from_env("KEFU_SERVER_METRICS_TOKEN", c.metrics_token);
  if (const char* v = std::getenv("KEFU_SERVER_TRUSTED_PROXIES"); v && *v) c.trusted_proxies = split_list(v);
  from_env("KEFU_DATABASE_URL", c.database_url);
  from_env("KEFU_STORAGE_ATTACHMENTS_DIR", c.attachments_dir);
  from_env("KEFU_TEXT_DICTIONARY", c.dictionary);
  from_env("KEFU_LOG_ACCESS_LOG", c.access_log);
  from_env("KEFU_LOG_ACCESS_LOG_FILE", c.access_log_file);
  from_env("KEFU_SLA_SCHEDULER", c.sla_scheduler);
  from_env("KEFU_SLA_TICK_MS", c.sla_tick_ms);
  from_env("KEFU_FEEDBACK_WATCH", c.feedback_watch);
  from_env("KEFU_REPORTS_ROLLUPS", c.reports_rollups);
  from_env("KEFU_SMTP_URL", c.smtp_url);
  from_env("KEFU_BOT_CA_FILE", c.bot_ca_file);
  from_env("KEFU_SMTP_FROM", c.smtp_from);
  from_env("KEFU_SMTP_FROM_NAME", c.smtp_from_name);
  from_env("KEFU_SMTP_USERNAME", c.smtp_username);
  from_env("KEFU_SMTP_PASSWORD", c.smtp_password);
  from_env("KEFU_SMTP_STARTTLS", c.smtp_starttls);
  from_env("KEFU_WEB_DIR", c.web_dir);
  if (c.port < 0 || c.port > 65535) throw std::runtime_error("server.port must be 0-65535");
  if (c.threads < 1 || c.threads > 64) throw std::runtime_error("server.threads must be 1-64");
  if (c.sla_tick_ms < 50 || c.sla_tick_ms > 60'000) throw std::runtime_error("sla.tick_ms must be 50-60000");
  return c;
}

}  // namespace kefu::cli
