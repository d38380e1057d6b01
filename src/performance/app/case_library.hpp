#pragma once
// The case library (案例库 / 经验教训分享): notable tickets and chats, good and bad, kept
// with a lesson for training. The story is built from the ticket's or chat's messages and
// anonymised for the customer when saved (performance/domain/anonymise.hpp), so the
// library never holds the customer's name, phone or member ids. Supervisors+ write
// entries; every staff member of the store browses and searches them; the quality
// capability's coaching assigns entries to study by id.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "performance/domain/records.hpp"

namespace kefu::app {

struct NewCase {
  std::optional<int64_t> ticket_id;
  std::optional<int64_t> conversation_id;
  performance::CaseKind kind;
  std::string title;                 // 1..100 characters
  std::string lesson;                // 1..2000
  std::vector<std::string> tags;     // at most 10, each 1..20 characters without commas
  std::optional<std::string> story;  // default: the messages of the ticket or chat
};

// Supervisor+, quality:write. Exactly one of ticket_id and conversation_id (400
// invalid_field, field "ticket_id"), in the caller's stores (404); the story at most
// 20,000 characters, anonymised. Audit "case_entry.create".
performance::CaseEntry create_case(Context&, const NewCase&);

struct CasePatch {
  std::optional<performance::CaseKind> kind;
  std::optional<std::string> title, lesson, story;
  std::optional<std::vector<std::string>> tags;
  std::optional<int64_t> version;  // 409 version_conflict when stale
};
// Supervisor+, quality:write, the entry's store (404). A new story is anonymised again.
performance::CaseEntry update_case(Context&, int64_t id, const CasePatch&);

// quality:read; the entry's store must be the caller's (404).
performance::CaseEntry case_entry(Context&, int64_t id);

struct CaseQuery {
  std::optional<int64_t> store_id;  // default: every store of the caller
  std::optional<std::string> kind;
  std::string q, tag;
  std::optional<int64_t> before_id;
  int limit = 50;
};
std::vector<performance::CaseEntry> case_library(Context&, const CaseQuery&);

// The anonymised story of a ticket or chat (what create_case stores by default: the
// ticket's subject, description, replies, customer replies and notes — not the notes that
// name staff for a complaint or praise — or the chat's messages without whispers), for the
// editor: supervisor+ with quality:read; the source in the caller's stores (404).
std::string preview_case_story(Context&, std::optional<int64_t> ticket_id, std::optional<int64_t> conversation_id,
                               int64_t* store_id);

}  // namespace kefu::app
