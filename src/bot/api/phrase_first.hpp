#pragma once
// Generative answers on the request path (bot/app/phrasing.hpp): a customer's message in a
// bot chat whose store has them on is phrased first, on a small pool of its own (a model
// takes seconds: never on an io thread, never on the worker pool that hashes passwords,
// never inside the write; Services::phrasing, 4 threads and 64 waiting per node, set by
// serve and joined before the services go), and the message is then written with the
// phrasing. Everyone
// else goes straight on. A full pool means no phrasing (the plain answer), not an error.
//
// The customer's message is stored when the phrasing is done (at most the store's
// timeout_ms later): a second message sent meanwhile by the same customer may be stored
// before it. Acceptable for a chat where the customer waits for the bot's answer anyway.
#include <functional>
#include <optional>
#include <string>

#include "bot/app/bot.hpp"
#include "core/api/services.hpp"

namespace kefu::api {

void phrase_first(Services&, const app::Knowledge&, int64_t conversation_id, const std::string& text,
                  std::function<void(std::optional<app::Phrased>)> then);

}  // namespace kefu::api
