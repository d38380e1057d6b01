#pragma once
// NPS campaigns (净推荐值调查) and what staff do with their invitations: the campaigns'
// settings, the list of invitations (who was asked, who answered, the detractors), the link
// staff hand a customer (kefu has no SMS: the link is shown to staff to send, or printed),
// a sample of members on demand, and the service-recovery ticket for a detractor.
// docs/feedback.md "## NPS"; the rules of who is asked: feedback/domain/nps_campaign.hpp.
//
// Who:
// - Reading campaigns and invitations: staff (agents and above) with feedback:read; a
//   campaign is seen by those who serve one of its stores, an invitation by those who serve
//   its store (else 404 not_found; admins: all).
// - Creating and editing campaigns, sampling members: managers and above with
//   feedback:write, serving every store the campaign names (else 404 not_found).
// - Issuing a link: agents and above with feedback:write of the invitation's store; opening
//   a recovery ticket: agents and above with tickets:write (what it writes is a ticket).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "feedback/domain/nps_campaign.hpp"

namespace kefu::app {

inline constexpr std::size_t kNpsNameMax = 60;       // characters
inline constexpr std::size_t kNpsQuestionMax = 120;  // characters

// A campaign as a manager sets it; id, seed (0: a random one), created_* are kept or made.
feedback::Campaign create_campaign(Context&, feedback::Campaign);
// Every setting but the seed (so the draws already made stay replayable) and created_*.
feedback::Campaign update_campaign(Context&, int64_t id, const feedback::Campaign&);
feedback::Campaign get_campaign(Context&, int64_t id);
std::vector<feedback::Campaign> list_campaigns(Context&);

struct InvitationQuery {
  std::optional<int64_t> campaign_id;
  std::optional<int64_t> store_id;  // none: every store the caller serves
  std::string category;             // promoter | passive | detractor
  std::optional<bool> answered;
  std::optional<int64_t> before_id;
  int limit = 50;  // 1..200
};
std::vector<feedback::Invitation> list_invitations(Context&, const InvitationQuery&);

struct NpsLink {
  std::string token;
  std::string path;  // "/m/nps/<token>", the customer's page
  int64_t expires_at = 0;
};
// A fresh link for an unanswered invitation (409 nps_answered otherwise), valid for the
// campaign's link_days; the previous link of the invitation stops working. Only the
// token's digest is kept, so the token is shown once.
NpsLink issue_link(Context&, int64_t invitation_id);

struct SampleRun {
  int64_t candidates = 0;  // members of the campaign's stores
  int64_t capped = 0;      // left out by the frequency cap
  std::vector<feedback::Invitation> invited;
};
// member_sample campaigns (409 invalid_field "trigger" for others, and when not running):
// the members of the campaign's stores not capped, drawn with the campaign's seed and the
// day of `now` (the same day gives the same sample); sample_size > 0 takes the lowest draws
// up to that many, else each member whose draw is below the rate. Invitations carry no
// link yet: staff issue one per invitation.
SampleRun sample_members(Context&, int64_t campaign_id);

// A detractor's answer (409 not_detractor otherwise) becomes a complaint ticket of the
// invitation's store for the member (or phone), owned by the caller, with the score and the
// reason, linked to the invitation. Opening it twice returns the first ticket.
int64_t open_recovery_ticket(Context&, int64_t invitation_id);

}  // namespace kefu::app
