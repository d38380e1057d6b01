#pragma once
// Everything the handlers need, wired once in main.cpp.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

#include "auth/api/auth_cache.hpp"
#include "core/api/static_site.hpp"
#include "core/api/worker_pool.hpp"
#include "core/http/router.hpp"
#include "core/storage/database.hpp"
#include "core/text/segmenter.hpp"
#include "notifications/api/notification_hub.hpp"

namespace kefu::app {
class Knowledge;       // bot/app/bot.hpp: what the FAQ bot knows
class FeedbackModels;  // feedback/app/feedback_training.hpp: the feedback classifier in use
}  // namespace kefu::app

namespace kefu::api {

class ChatHub;  // chat/api/chat_hub.hpp

struct Services {
  storage::Database& db;
  std::shared_ptr<const text::Segmenter> segmenter;
  std::function<int64_t()> now_ms;  // the clock, injectable for tests
  std::filesystem::path attachments_dir;
  WorkerPool& workers;
  // The session cookie's Secure flag: "auto" sets it unless the request came over plain
  // HTTP from this host (a loopback peer without X-Forwarded-Proto: https); "always";
  // "never" (plain HTTP on a trusted network, chosen knowingly).
  std::string secure_cookies = "auto";
  AuthCache auth_cache{};
  NotificationHub* hub = nullptr;                  // live notification streams; null = no stream endpoint
  ChatHub* chat = nullptr;                         // live chat sockets; null = no socket endpoints
  const app::Knowledge* knowledge = nullptr;       // the FAQ bot's; null = it knows nothing yet
  std::function<void()> knowledge_changed;         // a committed write changed it: rebuild now
  app::FeedbackModels* feedback_models = nullptr;  // the feedback classifier; null = none (classify answers busy)
  // The FAQ bot's calls to stores' model servers (generative answers; bot/api/phrase_first):
  // a few threads of their own, joined before the services go. Null: no generative answers.
  WorkerPool* phrasing = nullptr;
  const StaticSite* site = nullptr;  // the built web app; null = the API only
  // Loaded by `kefu demo` (the settings row "demo"): the console shows a 演示环境 banner and
  // GET /auth/session says so. A real installation has no known password.
  bool demo = false;
};

// Registers every /api/v1 route.
http::Router build_router(Services&);

// The larger body limit for attachment uploads.
constexpr std::size_t kMaxAttachmentBytes = 10 * 1024 * 1024;

}  // namespace kefu::api
