#pragma once
// Configuration: defaults, then a TOML file (--config, default ./kefu.toml when it
// exists), then environment variables KEFU_<SECTION>_<KEY> (e.g. KEFU_SERVER_PORT,
// KEFU_DATABASE_URL), then command-line flags.
#include <string>
#include <vector>

namespace kefu::cli {

struct Config {
  std::string address = "127.0.0.1";
  int port = 8080;
  int threads = 2;
  std::string database_url = "sqlite://data/kefu.db";
  std::string attachments_dir = "data/attachments";
  std::string dictionary = "/usr/lib/python3/dist-packages/jieba/dict.txt";
  bool access_log = true;
  std::string access_log_file;  // empty = stdout
  int request_timeout_s = 30;
  std::string secure_cookies = "auto";  // auto | always | never (see api::Services)
  std::string metrics_token;            // for GET /metrics from other hosts
  // Reverse proxies whose X-Forwarded-For names the client (exact addresses; TOML array or
  // a comma-separated string, KEFU_SERVER_TRUSTED_PROXIES).
  std::vector<std::string> trusted_proxies;
  // SLA scheduler: off on a node that should not fire escalations.
  bool sla_scheduler = true;
  int sla_tick_ms = 1000;
  // Feedback's watch (hot issues told to managers, the weekly digest): off on a node that
  // should not send them.
  bool feedback_watch = true;
  // Report rollups (src/reports): tickets marked on every write and their facts kept by a
  // job; off only to measure what keeping them costs.
  bool reports_rollups = true;
  // Email through SMTP; an empty url = in-app notifications only.
  std::string smtp_url;
  std::string smtp_from = "kefu@localhost";
  std::string smtp_from_name = "kefu 客服";
  std::string smtp_username;
  std::string smtp_password;
  bool smtp_starttls = false;
  // The FAQ bot's generative answers over https: an extra CA bundle (a private CA in front of
  // the model server); empty = the system's CAs only.
  std::string bot_ca_file;
  // The built web app (npm run build in web/); not found = the API only.
  std::string web_dir = "web/dist";
};

// Throws std::runtime_error naming the file and key on a bad value.
// A database URL as logs may show it: the password (user:password@, password=…) replaced by ***.
std::string display_url(const std::string& url);

Config load_config(const std::string& path, bool path_given);

}  // namespace kefu::cli
