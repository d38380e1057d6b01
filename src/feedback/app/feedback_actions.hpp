#pragma once
// Improvement actions (整改措施) and their verification (效果验证): docs/feedback.md,
// "Improvement actions and verification". The states and who may make which move are the
// table in feedback/domain/action.hpp; every use case here checks it, the store scope
// (an action of a store the caller does not serve is 404 not_found) and the token scope
// (feedback:read to read, feedback:write to change). Every change is on the action's
// timeline (updates) and in the audit log.
//
// Verification (verify_now, and the job's verify_due_action): done_at splits two windows of
// window_days each: before [done − W, done) and after [done, min(now, done + W)). In each,
// the topic's items at the store are counted against the store's contacts and the ratings
// of the affected contacts (storage/action_store.hpp, WindowFigures, says exactly what
// counts), and feedback::verify_action gives the verdict: effective → verified (closed;
// the customers are told); not_effective → open again; not_enough_data → stays done (the
// job stops asking once the after window has run its full length: a manager verifies again
// later or waives). NPS is not measured yet (no NPS answers are linked to topics), so the
// verdict guards on CSAT only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "feedback/domain/item.hpp"
#include "feedback/storage/action_store.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

inline constexpr int kActionWindowMaxDays = 180;

struct ActionInput {
  int64_t store_id = 0;  // create only
  std::string topic;     // "" on create: the most frequent topic of the items
  std::string title;
  std::string plan;
  std::optional<int64_t> department_id;
  std::optional<int64_t> owner_id;
  int due_amount = 5;
  std::string due_unit = "business_days";  // business_hours | business_days
  int window_days = 28;
  // Create only: what it groups — items and tickets selected, and/or a hot issue: every
  // item of the store with the topic said in [hot_from, hot_to).
  std::vector<int64_t> item_ids;
  std::vector<int64_t> ticket_ids;
  std::optional<int64_t> hot_from, hot_to;
};

storage::FeedbackAction create_action(Context&, const ActionInput&);
// Edits title, plan, department, owner, deadline (recomputed from now) and window.
storage::FeedbackAction edit_action(Context&, int64_t id, const ActionInput&);

struct LinkedTicket {
  int64_t id = 0;
  std::string number, subject, status;
};
struct ActionDetail {
  storage::FeedbackAction action;
  std::vector<feedback::Item> items;
  std::vector<LinkedTicket> tickets;
  std::vector<storage::ActionUpdate> updates;
  std::vector<storage::ActionPhoto> photos;
};
ActionDetail get_action(Context&, int64_t id);

struct ActionQuery {
  std::optional<int64_t> store_id;
  std::string state;
  std::optional<int64_t> department_id;
  bool overdue = false;
  std::optional<int64_t> before_id;
  int limit = 50;
};
std::vector<storage::FeedbackAction> list_actions(Context&, const ActionQuery&);

// A progress note; photo_ids: photos of this action uploaded before (add_photo).
storage::ActionUpdate add_action_update(Context&, int64_t id, const std::string& note,
                                        const std::vector<int64_t>& photo_ids);
// A photo whose bytes the API stored (the attachment's ticket_id is ignored).
storage::ActionPhoto add_action_photo(Context&, int64_t id, const ticket::Attachment&);
storage::ActionPhoto action_photo(Context&, int64_t id, int64_t photo_id);
// The check add_photo makes, for the API to run before it stores the bytes.
void check_can_add_action_photo(Context&, int64_t id);

storage::FeedbackAction mark_action_done(Context&, int64_t id, const std::string& note);
storage::FeedbackAction verify_action_now(Context&, int64_t id);
storage::FeedbackAction waive_verification(Context&, int64_t id, const std::string& reason);
storage::FeedbackAction reopen_action(Context&, int64_t id, const std::string& reason);
// Tells the customers: a customer-visible event on every linked ticket (and the tickets of
// the grouped items). Returns how many tickets were told.
int tell_customers_of_action(Context&, int64_t id, const std::string& message);

// The board: counts by state (open split into open and overdue) × department × store, and
// the effect sizes of the verified actions.
struct BoardCell {
  int64_t store_id = 0;
  std::optional<int64_t> department_id;
  std::string column;  // open, overdue, done, verified, waived
  int64_t count = 0;
};
struct BoardEffect {
  int64_t action_id = 0;
  int64_t store_id = 0;
  std::string title, topic, verdict;
  double before_rate = 0, after_rate = 0, rate_ratio = 0;
};
struct ActionBoard {
  std::vector<BoardCell> cells;
  std::vector<BoardEffect> effects;  // the last verdict of every action verified at least once
};
ActionBoard action_board(Context&, std::optional<int64_t> store_id);

// Jobs (run as the system): the verification once the after window has passed, and the
// escalation of an overdue action (each level once). Return whether something happened.
bool verify_due_action(Context&, int64_t id);
bool escalate_overdue_action(Context&, int64_t id);

}  // namespace kefu::app
