#pragma once
// The bot's generative answers over an OpenAI-compatible endpoint (app::Phraser), through
// libcurl (already kefu's for SMTP): http:// for a model server on the network, https://
// for a cloud one, the peer's certificate checked against the system's CAs (and a
// private CA file when the installation sets one: bot.ca_file). One connection per call;
// the whole call (resolve, connect, TLS, request, response) within the store's timeout_ms;
// no redirects followed.
//
//   POST {base_url}/v1/chat/completions
//   Authorization: Bearer <api_key>        (when one is set; never logged)
//   {"model": …, "temperature": 0, "messages": [{"role":"system",…},{"role":"user",…}]}
//   → 200 {"choices":[{"message":{"content":"…"}}]}
// Anything else (another status, no content, a timeout, a refused connection, a
// certificate that does not verify) is nullopt.
#include <string>

#include "bot/app/phrasing.hpp"

namespace kefu::api {

class ChatCompletions final : public app::Phraser {
 public:
  explicit ChatCompletions(std::string ca_file = {}) : ca_file_(std::move(ca_file)) {}
  std::optional<std::string> complete(const chat::Generative&, const bot::Prompt&) const override;

 private:
  std::string ca_file_;  // extra CA bundle ("" : the system's only)
};

// The process's one client (stateless; safe from any thread). `ca_file` is read on the
// first call only (serve passes bot.ca_file).
const app::Phraser& chat_completions(const std::string& ca_file = {});

}  // namespace kefu::api
