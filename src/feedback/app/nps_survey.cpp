#include "feedback/app/nps_survey.hpp"

#include "auth/domain/password.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/app/feedback_items.hpp"
#include "feedback/domain/errors.hpp"
#include "feedback/storage/nps_store.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "public_tickets/storage/contact_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

storage::NpsStore& nps(Context& c) { return c.store<storage::NpsStore>(); }

Error invalid_link() { return make_error(errors::kInvalidLink, {{"what", Text("调查链接", "survey link")}}); }

// The invitation behind a live link: 403 for a token that names none, 410 past its expiry.
feedback::Invitation linked(Context& c, const std::string& token) {
  if (token.empty() || token.size() > 100) throw invalid_link();
  auto v = nps(c).invitation_by_digest(people::token_digest(token));
  if (!v) throw invalid_link();
  if (c.now_ms >= v->expires_at) throw make_error(errors::kLinkExpired, {{"what", Text("调查链接", "survey link")}});
  return *v;
}

}  // namespace

std::optional<int64_t> invite_after_resolution(Context& c, const ticket::Ticket& t) {
  auto campaigns = nps(c).running_campaigns(t.store_id, "resolved_ticket", c.now_ms);
  if (campaigns.empty()) return std::nullopt;
  if (!nps(c).invitations({.ticket_id = t.id, .limit = 1}).empty()) return std::nullopt;
  feedback::Invitation v;
  v.member_id = t.member_id;
  if (t.member_id)
    if (auto m = c.store<storage::MemberStore>().member(*t.member_id)) {
      v.phone = m->phone;
      v.member_tier = m->tier;
    }
  if (!t.member_id)
    if (auto contact = c.store<storage::ContactStore>().ticket_contact(t.id)) v.phone = contact->phone;
  if (!v.member_id && v.phone.empty()) return std::nullopt;
  const auto last = nps(c).last_invited_at(v.member_id, v.phone);
  const auto key = "ticket:" + std::to_string(t.id);
  for (const auto& k : campaigns) {
    if (!feedback::in_sample(k.seed, key, k.sample_ppm)) continue;
    if (feedback::capped(last, k.cap_days, c.now_ms)) continue;
    v.campaign_id = k.id;
    v.store_id = t.store_id;
    v.ticket_id = t.id;
    v.sent_at = c.now_ms;
    v.id = nps(c).insert_invitation(v, "");
    record_event(c, t.id, "nps_invited", "已纳入净推荐值调查，可在「反馈 › 净推荐值」生成调查链接发给顾客",
                 {{"invitation_id", v.id}, {"campaign_id", k.id}}, false);
    return v.id;
  }
  return std::nullopt;
}

NpsSurveyView open_survey(Context& c, const std::string& token) {
  auto v = linked(c, token);
  auto k = nps(c).campaign(v.campaign_id);
  NpsSurveyView out;
  if (auto s = c.store<storage::OrgStore>().store(v.store_id)) out.store_name = s->name;
  out.question = k ? feedback::question_for(*k, out.store_name) : "";
  out.expires_at = v.expires_at;
  out.answered = v.answered_at.has_value();
  out.score = v.score;
  out.reason = v.reason;
  nps(c).mark_opened(v.id, c.now_ms);
  return out;
}

NpsAnswer answer_survey(Context& c, const std::string& token, int score, const std::string& reason) {
  auto v = linked(c, token);
  NpsAnswer out;
  out.score = score;
  out.category = feedback::nps_category(score);
  check_text("reason", reason, kNpsReasonMax, false);
  if (v.answered_at) throw make_error(errors::kNpsAnswered);
  if (!reason.empty()) {
    NewFeedback in;
    in.store_id = v.store_id;
    in.source = "nps";
    in.source_ref = "nps:" + std::to_string(v.id);
    in.text = reason;
    in.member_id = v.member_id;
    in.contact_phone = v.phone;
    in.ticket_id = v.ticket_id;
    out.feedback_item_id = record_item(c, in).item.id;
  }
  if (!nps(c).answer(v.id, score, reason, out.category, c.now_ms, out.feedback_item_id))
    throw make_error(errors::kNpsAnswered);
  return out;
}

}  // namespace kefu::app
