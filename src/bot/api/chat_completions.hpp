#pragma once
// The bot's generative answers over an OpenAI-compatible endpoint (app::Phraser): plain
// HTTP/1.1 with Boost.Beast, one connection per call, the whole call (resolve, connect,
// request, response) within the store's timeout_ms. No TLS: base URLs are http:// (a local
// model server, or a gateway in front of a cloud one); the settings refuse https://.
//
//   POST {base_url}/v1/chat/completions
//   Authorization: Bearer <api_key>        (when one is set; never logged)
//   {"model": …, "temperature": 0, "messages": [{"role":"system",…},{"role":"user",…}]}
//   → 200 {"choices":[{"message":{"content":"…"}}]}
// Anything else (another status, no content, a timeout, a refused connection) is nullopt.
#include "bot/app/phrasing.hpp"

namespace kefu::api {

class ChatCompletions final : public app::Phraser {
 public:
  std::optional<std::string> complete(const chat::Generative&, const bot::Prompt&) const override;
};

// The process's one client (stateless; safe from any thread).
const app::Phraser& chat_completions();

}  // namespace kefu::api
