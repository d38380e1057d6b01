#pragma once
// Inspections (质检): the queue and the results, scoring with comments on the exact message,
// the agent's acknowledgement or appeal (申诉) and the second inspector's decision. The
// moves are quality::check_move's (domain/inspection_status.hpp); every one is audited.
//
// Who sees what: supervisors and above see the inspections of the stores they serve
// (admins: all); an agent (or dept head) sees only their own, once scored. Nobody scores
// their own work.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "quality/app/coaching.hpp"
#include "quality/domain/scorecard.hpp"
#include "quality/storage/inspection_store.hpp"

namespace kefu::app {

struct InspectionQuery {
  std::optional<int64_t> store_id;  // must be in reach (404)
  std::optional<std::string> status;
  std::optional<int64_t> staff_id;
  bool mine = false;  // the caller's own results (what an agent always gets)
  int limit = 200;    // 1 … 500
};

std::vector<storage::Inspection> list_inspections(Context&, const InspectionQuery&);

struct InspectionView {
  storage::Inspection inspection;
  quality::Scorecard card;  // the version it is scored on
  std::vector<storage::QaComment> comments;
  std::vector<CoachingView> coaching;      // assigned from this inspection
  std::vector<CoachingView> improvements;  // earlier coaching whose next inspection is this one
};

// quality:read; 404 outside the caller's stores; the agent (scored or later) or a
// supervisor and above (403 otherwise).
InspectionView inspection_view(Context&, int64_t id);

struct CommentInput {
  std::string anchor;  // "event" (a ticket event id), "message" (a chat message seq) or ""
  std::optional<int64_t> anchor_id;
  std::string item;  // a scorecard item or ""
  std::string body;  // 1 … 500 characters
};

struct SubmitInput {
  std::vector<quality::Mark> marks;
  std::string summary;  // at most 1000 characters
  std::vector<CommentInput> comments;
};

// An inspector (supervisor and above of the store, quality:write) scores a queued
// inspection: the marks on its scorecard (quality::score), the comments, the appeal
// window from the settings (appeal_due_at); the agent is notified (qa_result).
storage::Inspection submit_inspection(Context&, int64_t id, const SubmitInput&);

// An inspector adds a comment at any time (the anchor must fit the subject: events on
// tickets, messages on chats).
storage::QaComment add_qa_comment(Context&, int64_t id, const CommentInput&);

// The agent (or an admin for them) acknowledges the result.
storage::Inspection acknowledge_inspection(Context&, int64_t id);

// The agent (or an admin for them) appeals before appeal_due_at with a reason (1 … 500
// characters); the store's supervisors and managers but the first inspector are notified.
storage::Inspection appeal_inspection(Context&, int64_t id, const std::string& reason);

struct AppealDecision {
  bool accept = false;                              // false: uphold (the score stands)
  std::string note;                                 // 1 … 500 characters
  std::optional<std::vector<quality::Mark>> marks;  // required to accept: the new marks
};

// Another inspector (not the first, supervisor and above of the store) decides an
// appeal; accepting re-scores (first_score_x10 keeps the old score). The agent is notified.
storage::Inspection decide_appeal(Context&, int64_t id, const AppealDecision&);

// Internal to the capability: the inspection in the caller's reach (404 otherwise).
storage::Inspection inspection_in_reach(Context&, int64_t id);

}  // namespace kefu::app
