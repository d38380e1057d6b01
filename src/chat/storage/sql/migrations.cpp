// The schema of live chat: conversations, their numbered messages, agents' chat state,
// canned replies and each store's chat settings.
#include "chat/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kChat[] = {
    {.number = 1,
     .sql = R"SQL(
CREATE TABLE conversations(
  id {id}, store_id {int} NOT NULL REFERENCES stores(id), queue TEXT NOT NULL, status TEXT NOT NULL,
  visitor_digest TEXT NOT NULL, member_id {int} REFERENCES members(id), customer_name TEXT NOT NULL,
  agent_id {int} REFERENCES staff(id), created_at {int} NOT NULL, queued_at {int}, assigned_at {int},
  first_reply_at {int}, last_message_at {int} NOT NULL, ended_at {int}, end_reason TEXT NOT NULL,
  last_seq {int} NOT NULL);
CREATE INDEX conversations_waiting ON conversations(store_id, queue, status, queued_at);
CREATE INDEX conversations_agent ON conversations(agent_id, status);
CREATE UNIQUE INDEX conversations_visitor ON conversations(visitor_digest);
CREATE TABLE chat_messages(
  conversation_id {int} NOT NULL REFERENCES conversations(id), seq {int} NOT NULL, sender TEXT NOT NULL,
  staff_id {int} REFERENCES staff(id), client_msg_id TEXT NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL,
  attachment_id {int}, created_at {int} NOT NULL, PRIMARY KEY(conversation_id, seq));
CREATE UNIQUE INDEX chat_messages_client ON chat_messages(conversation_id, sender, client_msg_id)
  WHERE client_msg_id <> '';
CREATE TABLE chat_agents(
  staff_id {int} PRIMARY KEY REFERENCES staff(id), presence TEXT NOT NULL, presence_at {int} NOT NULL,
  on_call {int} NOT NULL, capacity {int}, queues TEXT NOT NULL, last_assigned_at {int});
)SQL",
     // Several nodes: a committed message or conversation change wakes every node's sockets.
     .pg = R"SQL(
CREATE TRIGGER chat_messages_notify AFTER INSERT ON chat_messages
  FOR EACH STATEMENT EXECUTE FUNCTION kefu_notify_change();
CREATE TRIGGER conversations_notify AFTER INSERT OR UPDATE ON conversations
  FOR EACH STATEMENT EXECUTE FUNCTION kefu_notify_change();
)SQL"},
    // Read receipts, the ticket made from a conversation, the customer's rating; colleagues
    // invited into a conversation; photos; and the change feed the live hub follows
    // (one row per change, by id; rows older than an hour are pruned).
    {.number = 2,
     .sql = R"SQL(
ALTER TABLE conversations ADD COLUMN agent_read_seq {int} NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN customer_read_seq {int} NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN ticket_id {int} REFERENCES tickets(id);
ALTER TABLE conversations ADD COLUMN rating {int};
ALTER TABLE conversations ADD COLUMN rating_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE chat_agents ADD COLUMN seen_at {int} NOT NULL DEFAULT 0;
CREATE INDEX conversations_activity ON conversations(store_id, status, last_message_at);
CREATE TABLE chat_participants(
  conversation_id {int} NOT NULL REFERENCES conversations(id), staff_id {int} NOT NULL REFERENCES staff(id),
  invited_by {int} REFERENCES staff(id), invited_at {int} NOT NULL, PRIMARY KEY(conversation_id, staff_id));
CREATE INDEX chat_participants_staff ON chat_participants(staff_id);
CREATE TABLE chat_photos(
  id {id}, conversation_id {int} NOT NULL REFERENCES conversations(id), digest TEXT NOT NULL,
  content_type TEXT NOT NULL, size {int} NOT NULL, filename TEXT NOT NULL, sender TEXT NOT NULL, created_at {int} NOT NULL);
CREATE INDEX chat_photos_conversation ON chat_photos(conversation_id);
CREATE TABLE chat_feed(
  id {id}, conversation_id {int} NOT NULL REFERENCES conversations(id), store_id {int} NOT NULL,
  created_at {int} NOT NULL);
)SQL",
     .pg = R"SQL(
CREATE TRIGGER chat_feed_notify AFTER INSERT ON chat_feed
  FOR EACH STATEMENT EXECUTE FUNCTION kefu_notify_change();
)SQL"},
    // Canned replies: a store's (owner_id NULL) or a person's own (store_id NULL); a
    // shortcut is unique within each set. Settings: one row per store that has its own.
    {.number = 3, .sql = R"SQL(
CREATE TABLE chat_canned(
  id {id}, store_id {int} REFERENCES stores(id), owner_id {int} REFERENCES staff(id), shortcut TEXT NOT NULL,
  title TEXT NOT NULL, body TEXT NOT NULL, created_at {int} NOT NULL, updated_at {int} NOT NULL,
  created_by {int} NOT NULL REFERENCES staff(id), CHECK ((store_id IS NULL) <> (owner_id IS NULL)));
CREATE UNIQUE INDEX chat_canned_store_shortcut ON chat_canned(store_id, shortcut) WHERE owner_id IS NULL;
CREATE UNIQUE INDEX chat_canned_own_shortcut ON chat_canned(owner_id, shortcut) WHERE store_id IS NULL;
CREATE TABLE chat_settings(
  store_id {int} PRIMARY KEY REFERENCES stores(id), idle_end_minutes {int} NOT NULL,
  first_reply_seconds {int} NOT NULL, reply_gap_seconds {int} NOT NULL, welcome TEXT NOT NULL,
  offline_text TEXT NOT NULL, updated_at {int} NOT NULL, updated_by {int} NOT NULL REFERENCES staff(id));
)SQL"},
    // An agent's last assignment is read from the conversations (MAX(assigned_at)) rather
    // than kept on their chat_agents row: assigning then writes only the conversation, and
    // two PostgreSQL writers assigning in one store no longer lock agents' rows in opposite
    // orders (they deadlocked under concurrent starts; bench/chat.sh found it). The old
    // column stays unused.
    {.number = 4, .sql = R"SQL(
CREATE INDEX conversations_agent_assigned ON conversations(agent_id, assigned_at);
)SQL"},
    // A feed row names the message its change appended (0: none), so the hub reads the
    // new messages with the feed. Every change to a conversation or its messages writes
    // a feed row in the same transaction, and that row's trigger wakes the other nodes;
    // the two triggers dropped only added two more pg_notify calls to each message.
    // Lists and the idle search use active_at (chat/domain/conversation.hpp: kActivityStepMs)
    // instead of last_message_at, which each message changes and so kept every message's
    // update out of place.
    {.number = 5,
     .sql = R"SQL(
ALTER TABLE chat_feed ADD COLUMN seq {int} NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN active_at {int} NOT NULL DEFAULT 0;
UPDATE conversations SET active_at = last_message_at;
DROP INDEX conversations_activity;
CREATE INDEX conversations_activity ON conversations(store_id, status, active_at);
)SQL",
     .pg = R"SQL(
DROP TRIGGER chat_messages_notify ON chat_messages;
DROP TRIGGER conversations_notify ON conversations;
)SQL"},
    // A queue's own reply targets ("returns:120:300;parking:30:90", chat/domain/settings.hpp).
    {.number = 6, .sql = "ALTER TABLE chat_settings ADD COLUMN queue_targets TEXT NOT NULL DEFAULT '';"},
    // The queues the FAQ bot answers first, comma-separated codes ("general,parking").
    {.number = 7, .sql = "ALTER TABLE chat_settings ADD COLUMN bot_queues TEXT NOT NULL DEFAULT '';"},
    // The bot's thresholds per store (probabilities, chat/domain/settings.hpp), kept in
    // thousandths: integers export and compare alike on both engines.
    {.number = 8, .sql = R"SQL(
ALTER TABLE chat_settings ADD COLUMN bot_answer_permille {int} NOT NULL DEFAULT 600;
ALTER TABLE chat_settings ADD COLUMN bot_suggest_permille {int} NOT NULL DEFAULT 300;
)SQL"},
    // Generative answers per store (chat/domain/settings.hpp: Generative); off by default.
    {.number = 9, .sql = R"SQL(
ALTER TABLE chat_settings ADD COLUMN gen_enabled {int} NOT NULL DEFAULT 0;
ALTER TABLE chat_settings ADD COLUMN gen_base_url TEXT NOT NULL DEFAULT '';
ALTER TABLE chat_settings ADD COLUMN gen_model TEXT NOT NULL DEFAULT '';
ALTER TABLE chat_settings ADD COLUMN gen_api_key TEXT NOT NULL DEFAULT '';
ALTER TABLE chat_settings ADD COLUMN gen_timeout_ms {int} NOT NULL DEFAULT 8000;
)SQL"},
};

constexpr CountedTable kTables[] = {{"conversations"}, {"chat_photos"}, {"chat_canned"}, {"chat_settings"}};

}  // namespace

SchemaModule chat_schema() { return {"chat", kChat, kTables}; }

}  // namespace kefu::storage::sql
