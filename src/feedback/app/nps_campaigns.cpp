#include "feedback/app/nps_campaigns.hpp"

#include <algorithm>
#include <functional>

#include "auth/domain/password.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/domain/errors.hpp"
#include "feedback/storage/nps_store.hpp"
#include "org/storage/org_store.hpp"
#include "public_tickets/storage/contact_store.hpp"
#include "tickets/app/record.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::app {
namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;

storage::NpsStore& nps(Context& c) { return c.store<storage::NpsStore>(); }

Error not_found(const char* zh, const char* en) { return make_error(errors::kNotFound, {{"what", Text(zh, en)}}); }

void require_reader(Context& c) {
  require_role(c.actor, "agent");
  require_scope(c.actor, "feedback:read");
}

void require_writer(Context& c, people::Role role) {
  require_role(c.actor, role);
  require_scope(c.actor, "feedback:write");
}

bool sees(const people::Actor& a, const feedback::Campaign& k) {
  return std::any_of(k.store_ids.begin(), k.store_ids.end(), [&](int64_t s) { return a.in_store(s); });
}

bool serves_all(const people::Actor& a, const std::vector<int64_t>& stores) {
  return std::all_of(stores.begin(), stores.end(), [&](int64_t s) { return a.in_store(s); });
}

feedback::Campaign visible_campaign(Context& c, int64_t id) {
  auto k = nps(c).campaign(id);
  if (!k || !sees(c.actor, *k)) throw not_found("净推荐值调查", "NPS campaign");
  return *k;
}

feedback::Invitation visible_invitation(Context& c, int64_t id) {
  auto v = nps(c).invitation(id);
  if (!v || !c.actor.in_store(v->store_id)) throw not_found("净推荐值邀请", "NPS invitation");
  return *v;
}

// Texts, stores (served by the caller and existing), then the numbers.
void check(Context& c, feedback::Campaign& k) {
  check_text("name", k.name, kNpsNameMax, true);
  if (k.question.empty()) k.question = std::string(feedback::kDefaultNpsQuestion);
  check_text("question", k.question, kNpsQuestionMax, true);
  std::sort(k.store_ids.begin(), k.store_ids.end());
  k.store_ids.erase(std::unique(k.store_ids.begin(), k.store_ids.end()), k.store_ids.end());
  for (int64_t s : k.store_ids)
    if (!c.actor.in_store(s) || !c.store<storage::OrgStore>().store_exists(s)) throw not_found("门店", "store");
  feedback::check_campaign(k);
}

int64_t random_seed() {
  return static_cast<int64_t>(std::hash<std::string>{}(people::new_token()) & 0x7FFFFFFFFFFFFFFFULL);
}

std::string day_key(int64_t ms) { return std::to_string((ms + 8 * 3600 * 1000) / kDayMs); }

}  // namespace

feedback::Campaign create_campaign(Context& c, feedback::Campaign k) {
  require_writer(c, "manager");
  check(c, k);
  k.id = 0;
  if (k.seed == 0) k.seed = random_seed();
  k.created_by = c.actor.staff_id;
  k.created_at = k.updated_at = c.now_ms;
  k.id = nps(c).put_campaign(k);
  audit(c, "nps_campaign.create", "nps_campaign", k.id, nullptr, {{"name", k.name}, {"trigger", k.trigger}});
  return *nps(c).campaign(k.id);
}

feedback::Campaign update_campaign(Context& c, int64_t id, const feedback::Campaign& in) {
  require_writer(c, "manager");
  auto before = visible_campaign(c, id);
  if (!serves_all(c.actor, before.store_ids)) throw not_found("净推荐值调查", "NPS campaign");
  auto k = in;
  check(c, k);
  k.id = id;
  k.seed = before.seed;
  k.created_by = before.created_by;
  k.created_at = before.created_at;
  k.updated_at = c.now_ms;
  nps(c).put_campaign(k);
  audit(c, "nps_campaign.update", "nps_campaign", id, {{"active", before.active}, {"name", before.name}},
        {{"active", k.active}, {"name", k.name}});
  return *nps(c).campaign(id);
}

feedback::Campaign get_campaign(Context& c, int64_t id) {
  require_reader(c);
  return visible_campaign(c, id);
}

std::vector<feedback::Campaign> list_campaigns(Context& c) {
  require_reader(c);
  auto all = nps(c).campaigns();
  std::erase_if(all, [&](const feedback::Campaign& k) { return !sees(c.actor, k); });
  return all;
}

std::vector<feedback::Invitation> list_invitations(Context& c, const InvitationQuery& q) {
  require_reader(c);
  storage::NpsFilter f;
  f.campaign_id = q.campaign_id;
  if (q.store_id) {
    if (!c.actor.in_store(*q.store_id)) throw not_found("门店", "store");
    f.store_ids = {*q.store_id};
  } else if (!c.actor.is_admin()) {
    f.store_ids = c.actor.store_ids;
    if (f.store_ids.empty()) return {};
  }
  if (!q.category.empty()) parse_enum<feedback::NpsCategory>("category", q.category);
  f.category = q.category;
  f.answered = q.answered;
  f.before_id = q.before_id;
  f.limit = std::clamp(q.limit, 1, 200);
  return nps(c).invitations(f);
}

NpsLink issue_link(Context& c, int64_t invitation_id) {
  require_writer(c, "agent");
  auto v = visible_invitation(c, invitation_id);
  if (v.answered_at) throw make_error(errors::kNpsAnswered);
  auto k = nps(c).campaign(v.campaign_id);
  NpsLink link;
  link.token = people::new_token();
  link.path = "/m/nps/" + link.token;
  link.expires_at = c.now_ms + (k ? k->link_days : 14) * kDayMs;
  nps(c).set_link(v.id, people::token_digest(link.token), link.expires_at);
  audit(c, "nps_invitation.link", "nps_invitation", v.id, nullptr, {{"expires_at", link.expires_at}});
  return link;
}

SampleRun sample_members(Context& c, int64_t campaign_id) {
  require_writer(c, "manager");
  auto k = visible_campaign(c, campaign_id);
  if (!serves_all(c.actor, k.store_ids)) throw not_found("净推荐值调查", "NPS campaign");
  if (k.trigger != "member_sample" || !feedback::running(k, c.now_ms))
    throw make_error(
        errors::kInvalidField,
        {{"field", "trigger"},
         {"problem", Text("只有进行中的会员抽样调查可以抽样", "only a running member sample campaign samples")}},
        "trigger");
  SampleRun run;
  struct Drawn {
    double draw;
    storage::NpsCandidate who;
  };
  std::vector<Drawn> pool;
  const auto day = day_key(c.now_ms);
  for (const auto& m : nps(c).members_of(k.store_ids)) {
    ++run.candidates;
    if (feedback::capped(nps(c).last_invited_at(m.member_id, m.phone), k.cap_days, c.now_ms)) {
      ++run.capped;
      continue;
    }
    const auto key = "member:" + std::to_string(m.member_id) + ":" + day;
    if (k.sample_size == 0 && !feedback::in_sample(k.seed, key, k.sample_ppm)) continue;
    pool.push_back({feedback::sample_draw(k.seed, key), m});
  }
  std::sort(pool.begin(), pool.end(), [](const Drawn& a, const Drawn& b) {
    return a.draw != b.draw ? a.draw < b.draw : a.who.member_id < b.who.member_id;
  });
  if (k.sample_size > 0 && static_cast<int64_t>(pool.size()) > k.sample_size) pool.resize(k.sample_size);
  for (const auto& d : pool) {
    feedback::Invitation v;
    v.campaign_id = k.id;
    v.store_id = d.who.store_id;
    v.member_id = d.who.member_id;
    v.phone = d.who.phone;
    v.member_tier = d.who.tier;
    v.sent_at = c.now_ms;
    v.id = nps(c).insert_invitation(v, "");
    run.invited.push_back(v);
  }
  audit(c, "nps_campaign.sample", "nps_campaign", k.id, nullptr,
        {{"candidates", run.candidates}, {"capped", run.capped}, {"invited", run.invited.size()}});
  return run;
}

int64_t open_recovery_ticket(Context& c, int64_t invitation_id) {
  require_role(c.actor, "agent");
  require_scope(c.actor, "tickets:write");  // what it writes is a ticket
  auto v = visible_invitation(c, invitation_id);
  if (v.recovery_ticket_id) return *v.recovery_ticket_id;
  if (v.category != "detractor") throw make_error(errors::kNotDetractor);
  NewTicket t;
  t.store_id = v.store_id;
  t.type = "complaint";
  t.channel = "hotline";
  t.subject = "服务补救：净推荐值调查 " + std::to_string(*v.score) + " 分";
  t.description = "顾客在净推荐值调查中打了 " + std::to_string(*v.score) + " 分。理由：" +
                  (v.reason.empty() ? std::string("（未填写）") : v.reason);
  t.member_id = v.member_id;
  auto ticket = create_ticket(c, t);
  if (!v.member_id && !v.phone.empty())
    c.store<storage::ContactStore>().insert_ticket_contact({ticket.id, "", v.phone, c.now_ms});
  nps(c).set_recovery_ticket(v.id, ticket.id);
  record_event(c, ticket.id, "nps_recovery", "", {{"invitation_id", v.id}, {"score", *v.score}}, false);
  audit(c, "nps_invitation.recovery", "nps_invitation", v.id, nullptr, {{"ticket_id", ticket.id}});
  return ticket.id;
}

}  // namespace kefu::app
