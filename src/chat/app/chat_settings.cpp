#include "chat/app/chat_settings.hpp"

#include <nlohmann/json.hpp>

#include "chat/domain/queue.hpp"
#include "chat/storage/canned_store.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

void require_store(Context& c, int64_t store_id) {
  if (!c.actor.in_store(store_id) || !c.store<storage::OrgStore>().store_exists(store_id))
    throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
}

void check_range(const char* field, int value, int max) {
  if (value >= 1 && value <= max) return;
  const auto range = std::to_string(1) + " – " + std::to_string(max);
  throw make_error(errors::kInvalidField,
                   {{"field", field}, {"problem", Text("应在 " + range + " 之间", "it must be " + range)}}, field);
}

void check_probability(const char* field, double value) {
  if (value >= 0 && value <= 1) return;
  throw make_error(errors::kInvalidField, {{"field", field}, {"problem", Text("应在 0 – 1 之间", "it must be 0 – 1")}},
                   field);
}

// The endpoint's fields: plain http only (the bot's client speaks no TLS), a model when on.
void check_generative(const chat::Generative& g) {
  check_text("generative.base_url", g.base_url, chat::kMaxGenerativeText, false);
  check_text("generative.model", g.model, chat::kMaxGenerativeText, false);
  check_text("generative.api_key", g.api_key, chat::kMaxGenerativeText, false);
  if (g.timeout_ms < chat::kMinGenerativeTimeoutMs || g.timeout_ms > chat::kMaxGenerativeTimeoutMs)
    throw make_error(errors::kInvalidField,
                     {{"field", "generative.timeout_ms"},
                      {"problem", Text("应在 500 – 60000 毫秒之间", "it must be 500 – 60000 ms")}},
                     "generative.timeout_ms");
  const bool http = (g.base_url.rfind("http://", 0) == 0 && g.base_url.size() > 7) ||
                    (g.base_url.rfind("https://", 0) == 0 && g.base_url.size() > 8);
  if ((g.enabled || !g.base_url.empty()) && !http)
    throw make_error(errors::kInvalidField,
                     {{"field", "generative.base_url"},
                      {"problem", Text("应以 http:// 或 https:// 开头", "it must start with http:// or https://")}},
                     "generative.base_url");
  if (g.enabled && g.model.empty())
    throw make_error(errors::kRequired, {{"what", "generative.model"}}, "generative.model");
}

nlohmann::json snapshot(const chat::Settings& s) {
  return {{"idle_end_minutes", s.idle_end_minutes},
          {"first_reply_seconds", s.first_reply_seconds},
          {"reply_gap_seconds", s.reply_gap_seconds},
          {"welcome", s.welcome},
          {"offline_text", s.offline_text},
          {"queue_targets", chat::encode_queue_targets(s.queue_targets)},
          {"bot_queues", s.bot_queues},
          {"bot_answer", s.bot_answer},
          {"bot_suggest", s.bot_suggest},
          {"generative",
           {{"enabled", s.generative.enabled},
            {"base_url", s.generative.base_url},
            {"model", s.generative.model},
            {"timeout_ms", s.generative.timeout_ms},
            {"api_key_set", !s.generative.api_key.empty()}}}};  // never the key
}

}  // namespace

chat::Settings chat_settings(Context& c, int64_t store_id) {
  if (auto row = c.store<storage::CannedStore>().chat_settings(store_id)) return row->settings;
  return chat::Settings{.store_id = store_id};
}

chat::Settings get_chat_settings(Context& c, int64_t store_id) {
  require_scope(c.actor, "chat:read");
  require_store(c, store_id);
  return chat_settings(c, store_id);
}

chat::Settings put_chat_settings(Context& c, chat::Settings in, bool keep_api_key) {
  require_scope(c.actor, "chat:write");
  require_store(c, in.store_id);
  require_role(c.actor, "supervisor");
  check_range("idle_end_minutes", in.idle_end_minutes, chat::kMaxIdleEndMinutes);
  check_range("first_reply_seconds", in.first_reply_seconds, chat::kMaxReplySeconds);
  check_range("reply_gap_seconds", in.reply_gap_seconds, chat::kMaxReplySeconds);
  for (const auto& [queue, t] : in.queue_targets) {
    parse_enum<chat::Queue>("queue_targets", queue);
    check_range("first_reply_seconds", t.first_reply_seconds, chat::kMaxReplySeconds);
    check_range("reply_gap_seconds", t.reply_gap_seconds, chat::kMaxReplySeconds);
  }
  for (const auto& queue : in.bot_queues) parse_enum<chat::Queue>("bot_queues", queue);
  check_probability("bot_answer", in.bot_answer);
  check_probability("bot_suggest", in.bot_suggest);
  if (in.bot_suggest > in.bot_answer)
    throw make_error(
        errors::kInvalidField,
        {{"field", "bot_suggest"}, {"problem", Text("不能高于自动回答的阈值", "it must not be above bot_answer")}},
        "bot_suggest");
  check_generative(in.generative);
  check_text("welcome", in.welcome, chat::kMaxSettingsText, false);
  check_text("offline_text", in.offline_text, chat::kMaxSettingsText, false);
  const auto before = chat_settings(c, in.store_id);
  if (keep_api_key) in.generative.api_key = before.generative.api_key;
  c.store<storage::CannedStore>().put_chat_settings(
      {.settings = in, .updated_at = c.now_ms, .updated_by = c.actor.staff_id});
  audit(c, "chat_settings.update", "store", in.store_id, snapshot(before), snapshot(in));
  return in;
}

}  // namespace kefu::app
