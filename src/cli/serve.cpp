#include <spdlog/spdlog.h>

#include <chrono>

#include "auth/app/auth.hpp"
#include "bot/api/chat_completions.hpp"
#include "chat/api/chat_hub.hpp"
#include "chat/jobs/chat_keeper.hpp"
#include "cli/clock.hpp"
#include "cli/commands.hpp"
#include "core/api/error_mapping.hpp"
#include "core/api/services.hpp"
#include "core/http/server.hpp"
#include "core/storage/open.hpp"
#include "core/storage/platform_stores.hpp"
#include "core/text/segmenter.hpp"
#include "feedback/api/intake_routes.hpp"
#include "feedback/app/feedback_training.hpp"
#include "feedback/jobs/action_keeper.hpp"
#include "feedback/jobs/hot_watch.hpp"
#include "feedback/jobs/model_keeper.hpp"
#include "kb/app/knowledge.hpp"
#include "kb/jobs/knowledge_keeper.hpp"
#include "members/jobs/member_keeper.hpp"
#include "notifications/api/notification_hub.hpp"
#include "notifications/jobs/outbox.hpp"
#include "org/storage/org_store.hpp"
#include "privacy/api/blobs.hpp"
#include "privacy/jobs/retention_keeper.hpp"
#include "quality/jobs/auto_keeper.hpp"
#include "sla/jobs/scheduler.hpp"

namespace kefu::cli {

int serve(const Config& c) {
  auto started = std::chrono::steady_clock::now();
  auto db = storage::open_database(c.database_url, true);
  auto segmenter = text::Segmenter::load(c.dictionary);
  api::WorkerPool workers(2, 256);
  auto now_ms = server_clock();
  api::Services services{*db, segmenter, now_ms, c.attachments_dir, workers, c.secure_cookies};
  // The FAQ bot's calls to model servers: four at once, 64 waiting, beyond that the plain
  // answer. Declared after the services, so it is joined before they go.
  api::WorkerPool phrasing(4, 64);
  services.phrasing = &phrasing;
  {
    auto& r = db->reader();
    services.demo = r.get<storage::SettingStore>().setting("demo") == "true";
    if (services.demo)
      spdlog::warn("this is a DEMO installation (kefu demo): its accounts' passwords are public");
    else if (r.get<storage::OrgStore>().staff_list().empty())
      spdlog::warn(
          "no staff account yet: create the first admin with `kefu user add --username NAME --role admin` (it reads "
          "the password from standard input or KEFU_PASSWORD)");
  }
  auto site = api::StaticSite::load(c.web_dir);
  services.site = site.get();
  if (site)
    spdlog::info("serving the web app from {} ({} files)", c.web_dir, site->files());
  else
    spdlog::warn("no web app in {} (run `npm run build` in web/): serving the API only", c.web_dir);
  api::NotificationHub hub(*db);
  services.hub = &hub;
  // A live stream ends with the session or token it was opened with: at once when this
  // node ends it (logout, password change, deactivation, revocation: hub.recheck()), within
  // a few seconds when another node does.
  hub.check_credentials(
      [now_ms](storage::Stores& r, const std::string& credential) {
        return app::resolve_actor(r, credential, now_ms()).has_value();
      },
      std::chrono::seconds(5));
  api::ChatHub chat(*db, now_ms);
  services.chat = &chat;
  // What the FAQ bot knows: built from the knowledge base off the request path, kept in step.
  app::KbKnowledge knowledge;
  services.knowledge = &knowledge;
  // Traditional → simplified, loaded once (OpenCC's dictionaries) for the matcher and the
  // feedback classifier alike: the converter is immutable and thread-safe.
  const auto t2s = kb::T2s::load();
  jobs::KnowledgeKeeper knowledge_keeper(*db, knowledge, {segmenter, t2s}, now_ms);
  services.knowledge_changed = [&knowledge_keeper] { knowledge_keeper.poke(); };
  // The feedback classifier: the seed set and the first version at the first start, the
  // active version loaded on every node, retrained at night when the examples changed.
  app::FeedbackModels feedback_models({segmenter, t2s});
  services.feedback_models = &feedback_models;
  jobs::ModelKeeper model_keeper(*db, feedback_models, now_ms);
  api::chat_completions(c.bot_ca_file);  // the generative answers' client, with the installation's CA file
  chat.check_credentials(
      [now_ms](storage::Stores& r, const std::string& credential) {
        return app::resolve_actor(r, credential, now_ms()).has_value();
      },
      std::chrono::seconds(5));
  // Other nodes' commits (PostgreSQL NOTIFY) wake the live streams and sockets at once.
  db->watch_changes([&hub, &chat] {
    hub.poke();
    chat.poke();
  });
  jobs::ChatKeeper chat_keeper(*db, now_ms, [&chat] { chat.poke(); });
  jobs::OutboxSender outbox(*db,
                            notify::SmtpMailer({.url = c.smtp_url,
                                                .from = c.smtp_from,
                                                .from_name = c.smtp_from_name,
                                                .username = c.smtp_username,
                                                .password = c.smtp_password,
                                                .starttls = c.smtp_starttls}),
                            now_ms);
  jobs::EscalationScheduler scheduler(*db, now_ms, {.tick = std::chrono::milliseconds(c.sla_tick_ms)}, [&] {
    hub.poke();
    outbox.poke();
  });
  // Improvement actions: verification once the after window has passed, overdue escalation.
  jobs::ActionKeeper action_keeper(*db, now_ms, std::chrono::milliseconds(c.sla_tick_ms), [&] {
    hub.poke();
    outbox.poke();
  });
  // Members at night: tiers re-evaluated, last year's points expired in January.
  jobs::MemberKeeper member_keeper(*db, now_ms);
  // Hot issues told to the stores' managers once, and the weekly digest on Monday mornings.
  jobs::HotWatch hot_watch(*db, now_ms, [&] {
    hub.poke();
    outbox.poke();
  });
  // Personal-data retention rules, applied once a night (privacy/jobs/retention_keeper.hpp).
  jobs::RetentionKeeper retention_keeper(*db, now_ms, segmenter,
                                         [&services](const auto& shas) { api::delete_freed_blobs(services, shas); });

  // Automatic quality checks that need time to pass: ended chats, promise windows.
  jobs::AutoKeeper auto_keeper(*db, now_ms, std::chrono::seconds(15), [&hub] { hub.poke(); });

  http::ServerOptions opt;
  opt.address = c.address;
  opt.port = static_cast<unsigned short>(c.port);
  opt.threads = c.threads;
  opt.request_timeout = std::chrono::seconds(c.request_timeout_s);
  opt.access_log = c.access_log;
  opt.access_log_path = c.access_log_file;
  opt.metrics_token = c.metrics_token;
  opt.trusted_proxies = c.trusted_proxies;
  opt.body_limit_by_route["/api/v1/tickets/{id}/attachments"] = api::kMaxAttachmentBytes;
  opt.body_limit_by_route["/api/v1/public/tickets/{token}/attachments"] = api::kMaxAttachmentBytes;
  opt.body_limit_by_route["/api/v1/public/chats/{token}/photos"] = api::kMaxAttachmentBytes;
  opt.body_limit_by_route["/api/v1/chat/conversations/{id}/photos"] = api::kMaxAttachmentBytes;
  opt.body_limit_by_route["/api/v1/public/feedback"] = api::kMaxFeedbackFormBytes;  // words + 3 photos
  opt.body_limit_by_route["/api/v1/feedback/actions/{id}/photos"] = api::kMaxAttachmentBytes;
  // A POS export (an XLSX is sent whole with offset/limit for each part).
  opt.body_limit_by_route["/api/v1/purchases/imports"] = api::kMaxAttachmentBytes;
  opt.body_limit_by_route["/api/v1/purchases/imports/preview"] = api::kMaxAttachmentBytes;

  http::Server server(opt, api::build_router(services),
                      [](const http::Request& req, std::exception_ptr e) { return api::error_response(req, e); });
  server.on_drained([&] { db->flush(); });
  hub.start();
  chat.start();
  chat_keeper.start();
  knowledge_keeper.start();
  model_keeper.start();
  if (c.feedback_watch) hot_watch.start();
  outbox.start();
  if (c.sla_scheduler) scheduler.start();
  if (c.sla_scheduler) action_keeper.start();
  retention_keeper.start();
  auto_keeper.start();
  if (c.sla_scheduler) member_keeper.start();
  server.start();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  spdlog::info("kefu listening on http://{}:{}/ (database {}, ready in {} ms)", c.address, server.port(),
               display_url(c.database_url), ms);
  server.run();
  scheduler.stop();
  action_keeper.stop();
  member_keeper.stop();
  chat_keeper.stop();
  knowledge_keeper.stop();
  model_keeper.stop();
  hot_watch.stop();
  retention_keeper.stop();
  auto_keeper.stop();
  outbox.stop();
  db->watch_changes({});
  hub.stop();
  chat.stop();
  spdlog::info("kefu stopped; every acknowledged write is committed");
  return 0;
}

int migrate(const Config& c) {
  int v = storage::migrate_database(c.database_url);
  spdlog::info("database {} is at schema version {}", display_url(c.database_url), v);
  return 0;
}

}  // namespace kefu::cli
