#pragma once
// Everything kefu holds on one person, across the capabilities' tables: finding it, counting
// it, reading it for an export and erasing it (docs/privacy.md says what each table keeps
// and why). This store reads and writes other capabilities' tables on purpose: a person's
// data is where it is, and one place must know every table that holds it (the app test
// privacy/app/erasure_test scans every text column of the database after an erasure, so a
// table added later that holds the person fails it until it is added here).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

// Who: a member (by id) and/or a normalised phone.
struct PersonKey {
  std::optional<int64_t> member_id;
  std::string phone;
};

// Where the person is: the rows that name them, and what to look for in free texts.
struct Footprint {
  std::vector<int64_t> members, tickets, conversations, feedback_items, nps_invitations;
  std::vector<int64_t> purchase_orders;  // the member's, from the POS
  std::vector<std::string> phones;       // normalised
  std::vector<std::string> names;        // as given (members, ticket contacts, chat names)
  int64_t last_contact_at = 0;           // the newest of their tickets, chats, feedback, invitations, purchases
  bool empty() const {
    return members.empty() && tickets.empty() && conversations.empty() && feedback_items.empty() &&
           nps_invitations.empty() && purchase_orders.empty();
  }
};

// Rows per kind ("tickets", "chat_messages", …) in a fixed order.
using KindCounts = std::vector<std::pair<std::string, int64_t>>;

// A stored photo of the person (a ticket attachment, a chat or feedback photo).
struct PersonPhoto {
  std::string kind;  // attachments | chat_photos | feedback_photos
  int64_t id = 0;
  std::string sha256;
  std::string filename;
  std::string content_type;
};

// What erase() does to free texts. `erased` replaces what the customer wrote; each of
// `redact` (their names and phones) is replaced by "***" in what staff wrote.
struct Redaction {
  std::string erased;
  std::vector<std::string> redact;
  std::string member_name;  // what an anonymised member is called
  int64_t now = 0;
};

class PersonDataStore : public Store {
 public:
  static std::unique_ptr<PersonDataStore> open(Stores&);

  virtual Footprint find_person(const PersonKey&) = 0;
  // Rows held per kind (the dry run shows them before an erasure).
  virtual KindCounts count_rows(const Footprint&) = 0;
  // The rows of one kind as a JSON array (an export's file), every kind of count_rows.
  virtual std::string export_rows(const std::string& kind, const Footprint&) = 0;
  virtual std::vector<PersonPhoto> photos(const Footprint&) = 0;
  // Erases and anonymises everything but the tickets' own rows (the use case saves those
  // through the ticket store, which keeps its cache and search index right); returns the
  // rows changed per kind and the blobs (sha256) no longer named by the erased rows.
  virtual KindCounts erase_person(const Footprint&, const Redaction&) = 0;

  // Retention: people (by a phone or a member) whose last contact is before `before`,
  // at most `limit`, not yet anonymised.
  virtual std::vector<PersonKey> inactive_people(int64_t before, int limit) = 0;
  // Deletes chat or feedback photos stored before `before` (kind: chat_photos |
  // feedback_photos); returns their sha256s.
  virtual std::vector<std::string> delete_old_photos(const std::string& kind, int64_t before) = 0;
  // Replaces the customers' words in bot turns older than `before`; returns how many.
  virtual int64_t clear_bot_questions(int64_t before, const std::string& erased) = 0;
  // Whether any row still names the blob (tickets' attachments, chat, feedback and action photos).
  virtual bool blob_named(const std::string& sha256) = 0;
};

}  // namespace kefu::storage
