#pragma once
// The bot's replies that come from elsewhere than the knowledge base (bot_turn's asides):
// the store's hours from its business calendar and a ticket's status as the public
// tracking page shows it. Each returns the bot message's JSON body.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "bot/domain/intents.hpp"
#include "core/app/context.hpp"

namespace kefu::app {

// {"act":"hours","text","today":{date,weekday,periods,special,name},"open_now","tomorrow"?,"next_open"?}
nlohmann::json hours_reply(Context&, int64_t store_id);

// With the phone and the code: the checks and throttle of app::track_ticket (any mismatch
// the same "not found"; too many attempts: "try later") and the status of
// app::public_ticket_view. Without them: asks for them. Never fails the caller's write.
nlohmann::json ticket_reply(Context&, const bot::TicketQuery&, const std::string& remote);

}  // namespace kefu::app
