#pragma once
// The chat socket's messages (JSON text frames), both ways. Pure: parsing and rendering
// only; the socket handler calls the use cases (chat/app/conversations.hpp).
//
// Client → server:
//   {"type":"hello","token":"kfc_…","after":N}          the customer resumes after seq N
//   {"type":"watch","conversation_id":ID,"after":N}    staff: follow a conversation from N
//   {"type":"send","client_msg_id":"…","body":"…"[,"conversation_id":ID][,"whisper":true]}
//   {"type":"typing"[,"conversation_id":ID]}
//   {"type":"read","seq":N[,"conversation_id":ID]}
//   {"type":"ping"}
// Server → client:
//   {"type":"message","conversation_id","seq","sender","kind","body","created_at"[,"client_msg_id"][,"staff_id"]}
//   {"type":"ack","client_msg_id","seq","duplicate"}   the message is committed
//   {"type":"queue","position","wait_ms","staffed"}    a waiting customer's place
//   {"type":"error","code","message"[,"client_msg_id"]}
//   {"type":"conversation","conversation":{…}}        the conversation changed (status, reads…)
//   {"type":"typing","conversation_id","sender"}       the other side is typing (this node only)
//   {"type":"pong"}
// A bad frame is answered with an error frame (the socket stays open); numbers are
// integers ≥ 0, ids > 0.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chat/app/conversations.hpp"
#include "chat/domain/conversation.hpp"

namespace kefu::chat::protocol {

enum class Kind { hello, watch, send, typing, read, ping };

struct ClientFrame {
  Kind kind = Kind::ping;
  std::string token;                       // hello
  std::optional<int64_t> conversation_id;  // watch (required), send/typing/read (staff)
  int64_t after = 0;                       // hello, watch
  std::string client_msg_id;               // send
  std::string body;                        // send
  bool whisper = false;                    // send (staff)
  int64_t seq = 0;                         // read
};

// Throws kefu::Error (invalid_json, required, invalid_type, invalid_enum, invalid_field)
// naming the field; render_error turns it into the answer.
ClientFrame parse(std::string_view text);

// For the customer (for_customer): no staff ids, no client ids of others, no whisper text.
nlohmann::json message_json(const Message&, bool for_customer);
std::string render_message(const Message&, bool for_customer);
// The conversation as docs/chat.md describes it; the customer's form has no ids of staff,
// no name, no timestamps of the desk's work.
nlohmann::json conversation_json(const Conversation&, bool for_customer, const std::vector<int64_t>& participants = {});
std::string render_conversation(const Conversation&, bool for_customer, const std::vector<int64_t>& participants = {});
std::string render_typing(int64_t conversation_id, std::string_view sender);
std::string render_ack(const Message&, bool duplicate);
std::string render_queue(const app::QueuePlace&);
std::string render_error(std::string_view code, std::string_view message, std::string_view client_msg_id = {});
std::string render_pong();

}  // namespace kefu::chat::protocol
