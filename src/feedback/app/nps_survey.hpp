#pragma once
// The NPS survey itself: invitations made when a ticket is resolved, and the customer's
// page behind the link (GET/POST /api/v1/public/nps/{token}). docs/feedback.md "## NPS".
#include <cstdint>
#include <optional>
#include <string>

#include "core/app/context.hpp"
#include "feedback/domain/nps_campaign.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

inline constexpr std::size_t kNpsReasonMax = 500;  // characters

// Called by change_status in the same transaction when a ticket becomes resolved. For the
// first running resolved_ticket campaign of the ticket's store that draws the ticket into
// its sample ("ticket:<id>" under the campaign's seed): invites the customer (the ticket's
// member, else the phone the customer gave on the mobile page) unless they were invited
// within the campaign's cap_days, or this ticket already led to an invitation. A ticket
// with neither member nor phone invites nobody. The invitation has no link yet (staff issue
// one); an internal timeline event "nps_invited" says so. No role check: the ticket use
// case made its own. Returns the invitation's id when one was made.
std::optional<int64_t> invite_after_resolution(Context&, const ticket::Ticket&);

// What the customer's page shows: the question with the store's name, nothing about the
// member. Opening it records opened_at (the first time).
struct NpsSurveyView {
  std::string question;
  std::string store_name;
  int64_t expires_at = 0;
  bool answered = false;
  std::optional<int> score;
  std::string reason;
};

// Public (c.actor = people::customer_actor()). 403 invalid_link for a token that names no
// invitation, 410 link_expired for one past its expiry.
NpsSurveyView open_survey(Context&, const std::string& token);

struct NpsAnswer {
  int score = 0;
  std::string category;
  std::optional<int64_t> feedback_item_id;
};

// Public. Checks the link (403/410), the score (400 invalid_field "score", 0–10) and the
// reason (optional, at most kNpsReasonMax characters), then stores the answer once (409
// nps_answered after). A reason becomes a feedback item (source nps, key "nps:<invitation
// id>", no rating, the member or phone) so that promoters' and detractors' reasons are
// classified by topic like every other feedback.
NpsAnswer answer_survey(Context&, const std::string& token, int score, const std::string& reason);

}  // namespace kefu::app
