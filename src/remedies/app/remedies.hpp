#pragma once
// 办结 (resolution) with authority limits (授权额度) and the approval flow.
//
// A ticket's owner (or a supervisor+) proposes how it was resolved. Within the
// proposer's authority limit the resolution is applied on the spot and the ticket moves
// to `resolved`; above it the resolution waits (status `pending`) for a role whose limit
// covers the amount (remedies/domain/authority.hpp), at least a supervisor: only
// supervisors and above may resolve a ticket they do not own. The approver approves
// (the resolution is applied and the ticket resolved, in the approver's name) or
// rejects with a reason (the ticket stays open). Every step is on the ticket's
// timeline (kind "resolution") and in its audit log; approvers and requesters are
// notified (approval_request, approval_decided).
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "remedies/domain/authority.hpp"
#include "remedies/storage/remedy_store.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

struct RemedyOutcome {
  storage::Remedy remedy;
  ticket::Ticket ticket;  // after the change (resolved when the resolution was applied)
};

// The ticket must be in the caller's stores (else not_found), owned (409 unclaimed),
// not finished (409 ticket_finished) and without a pending resolution (409
// approval_pending); the caller must be its owner or a supervisor+ (403 forbidden).
// Input errors are remedy::validate's (400, naming the field).
RemedyOutcome propose_remedy(Context&, int64_t ticket_id, const remedy::Proposal&);

// Approve (reason optional, ≤ 500 characters) or reject (reason required). The
// resolution's ticket must be in the caller's stores (else not_found); the resolution
// pending (409 already_decided); the caller allowed to approve its amount for its
// approver role and not its requester (403 forbidden). Approving a resolution whose
// ticket was finished meanwhile is 409 ticket_finished (reject it, or reopen the ticket).
RemedyOutcome decide_remedy(Context&, int64_t remedy_id, bool approve, const std::string& reason);

// A ticket's resolutions, oldest first.
std::vector<storage::Remedy> ticket_remedies(Context&, int64_t ticket_id);

// Pending resolutions the caller may decide: in the caller's stores (admins: all),
// for approver roles ranked at most the caller's, with the amount within the caller's
// limit, not requested by the caller. Oldest first.
struct PendingApproval {
  storage::Remedy remedy;
  ticket::Ticket ticket;
};
std::vector<PendingApproval> pending_approvals(Context&);

// The limits in force: the stored table, or remedy::default_limits() while it is empty.
remedy::Limits authority_limits(Context&);
// Admin only. Replaces the whole table (a role left out gets limit 0); validated with
// remedy::validate_limits first, so a refused table changes nothing.
remedy::Limits set_authority_limits(Context&, const remedy::Limits&);

}  // namespace kefu::app
