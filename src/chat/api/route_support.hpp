#pragma once
// What live chat's REST handlers share (routes.cpp for staff, customer_routes.cpp for the
// customer): writes that poke the chat hub after their commit, one conversation's writes on
// one writer connection, and the JSON of messages, queue places and photos.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bot/app/bot.hpp"
#include "chat/app/conversations.hpp"
#include "chat/domain/conversation.hpp"
#include "chat/domain/settings.hpp"
#include "chat/storage/chat_desk_store.hpp"
#include "core/api/services.hpp"
#include "core/api/support.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::api::chat_support {

std::string token_of(const http::Request&);
// The reply, then a poke of the live hub when it reports a commit.
http::Reply poking(http::Reply reply, ChatHub* hub);
// write(), then a poke of the live hub once committed; a conversation's writes keep to one
// writer connection (`affinity` = its id: Database::write_for).
void chat_write(Services&, http::Request&, http::Reply, people::Actor, WriteFn, int64_t affinity = 0);
nlohmann::json messages_json(const std::vector<chat::Message>&, bool for_customer);
nlohmann::json place_json(const app::QueuePlace&);
nlohmann::json appended_json(const storage::Appended&, bool for_customer);
bool opt_bool(const nlohmann::json& body, const char* field);
int64_t after_of(const http::Request&);  // ?after=N, default 0
// A store's reply targets and its queues' own: {first_reply_seconds, reply_gap_seconds,
// queue_targets: {returns: {first_reply_seconds, reply_gap_seconds}, …}}.
nlohmann::json targets_json(const chat::Settings&);
// What the FAQ bot knows here (app::no_knowledge() until a knowledge base is loaded).
const app::Knowledge& knowledge_of(const Services&);
// A chat photo's facts from the stored upload.
storage::ChatPhoto photo_from(const ticket::Attachment&);

}  // namespace kefu::api::chat_support
