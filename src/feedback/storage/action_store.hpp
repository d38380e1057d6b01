#pragma once
// Improvement actions (整改措施, feedback/domain/action.hpp): the actions, their links to
// tickets (items link through feedback_items.action_id, FeedbackStore::set_action), their
// timeline of progress notes and moves, their photos, and the before/after figures that
// verification reads.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

struct FeedbackAction {
  int64_t id = 0;
  int64_t store_id = 0;
  std::string topic;  // a topic code: what recurrence is measured
  std::string title;
  std::string plan;
  std::optional<int64_t> department_id;
  std::optional<int64_t> owner_id;
  std::string due_unit = "business_days";  // business_hours | business_days (as given)
  int due_amount = 0;
  int64_t due_at = 0;  // computed with the store's business calendar
  std::string state = "open";
  int window_days = 28;  // each verification window (before and after done_at)
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::optional<int64_t> done_at;
  std::optional<int64_t> verify_at;  // when the job verifies (done_at + window); cleared when it has
  std::optional<int64_t> verified_at;
  std::string verdict;  // JSON of the last verification with its figures, "" none
  std::string waiver_reason;
  std::optional<int64_t> waived_by;
  std::optional<int64_t> waived_at;
  int escalation_level = 0;  // 0 none, 1 owner and department head, 2 store managers
  std::optional<int64_t> escalated_at;
  std::optional<int64_t> next_escalation_at;  // while open; null once level 2 fired
  std::optional<int64_t> told_at;             // customers told
  friend bool operator==(const FeedbackAction&, const FeedbackAction&) = default;
};

// One entry of an action's timeline: a progress note or a move (done, verify, waive …).
struct ActionUpdate {
  int64_t id = 0;
  int64_t action_id = 0;
  std::string kind = "note";  // note, create, edit, done, verify, waive, reopen, escalate, tell
  std::string note;
  std::optional<int64_t> by;  // null: the system (a job)
  int64_t at = 0;
  friend bool operator==(const ActionUpdate&, const ActionUpdate&) = default;
};

// A photo of progress, its bytes in the blob store (as ticket attachments).
struct ActionPhoto {
  int64_t id = 0;
  int64_t action_id = 0;
  std::optional<int64_t> update_id;  // the note it illustrates (null until one names it)
  std::string sha256;
  std::string content_type;
  std::string filename;
  int64_t size = 0;
  int64_t uploaded_by = 0;
  int64_t created_at = 0;
  friend bool operator==(const ActionPhoto&, const ActionPhoto&) = default;
};

struct ActionFilter {
  std::vector<int64_t> store_ids;  // empty: every store
  std::string state;
  std::optional<int64_t> department_id;
  std::optional<int64_t> overdue_at;  // open with due_at <= this
  std::optional<int64_t> before_id;
  int limit = 50;
};

// A verification window's figures at one store for one topic, [from, to).
// items: the topic's feedback items (effective topic) said in the window.
// contacts: tickets created + chat conversations started + feedback items said that came
//   through neither (no ticket, no conversation): every time a customer reached the store.
// satisfied/responses: the ratings of the affected contacts — each topic item's own rating
//   (1–5), else the CSAT rating of its ticket; satisfied = 4 or 5.
struct WindowFigures {
  int64_t items = 0, contacts = 0, satisfied = 0, responses = 0;
  friend bool operator==(const WindowFigures&, const WindowFigures&) = default;
};

class ActionStore : public Store {
 public:
  static std::unique_ptr<ActionStore> open(Stores&);

  virtual int64_t insert_action(const FeedbackAction&) = 0;  // id ignored; returns the new id
  virtual std::optional<FeedbackAction> action(int64_t id) = 0;
  virtual void update_action(const FeedbackAction&) = 0;  // every field but id, store, created_*
  // Newest first.
  virtual std::vector<FeedbackAction> list_actions(const ActionFilter&) = 0;
  // Links tickets (already linked ones are kept); the linked ticket ids, ascending.
  virtual void link_tickets(int64_t action_id, const std::vector<int64_t>& ticket_ids) = 0;
  virtual std::vector<int64_t> tickets_of(int64_t action_id) = 0;
  virtual int64_t insert_update(const ActionUpdate&) = 0;
  virtual std::vector<ActionUpdate> updates_of(int64_t action_id) = 0;  // oldest first
  virtual int64_t insert_photo(const ActionPhoto&) = 0;
  // Gives the photos of the action named to the update (photos of other actions untouched).
  virtual void attach_photos(int64_t action_id, int64_t update_id, const std::vector<int64_t>& photo_ids) = 0;
  virtual std::vector<ActionPhoto> photos_of(int64_t action_id) = 0;  // oldest first
  virtual bool photo_in_use(const std::string& sha256) = 0;
  virtual WindowFigures window(int64_t store_id, const std::string& topic, int64_t from, int64_t to) = 0;
  // Open actions whose next escalation time has come / done actions whose verification is due.
  virtual std::vector<int64_t> due_for_escalation(int64_t now, int limit) = 0;
  virtual std::vector<int64_t> due_for_verification(int64_t now, int limit) = 0;
};

}  // namespace kefu::storage
