#include "quality/app/auto_rules.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "bot/domain/turn.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "org/storage/org_store.hpp"
#include "quality/app/auto_checks.hpp"
#include "quality/storage/auto_rule_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

Error rule_not_found() { return make_error(errors::kNotFound, {{"what", Text("质检规则", "quality rule")}}); }

// A store the caller serves (404 for another's, as everywhere); 0 is the chain.
void require_store(Context& c, int64_t store_id) {
  if (store_id == 0) return;
  if (!c.actor.in_store(store_id) || !c.store<storage::OrgStore>().store_exists(store_id))
    throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
}

// Who may change a rule of this scope: the chain's an admin, a store's its supervisors.
void require_editor(Context& c, int64_t store_id) {
  require_scope(c.actor, "quality:write");
  require_store(c, store_id);
  require_role(c.actor, store_id == 0 ? people::Role("admin") : people::Role("supervisor"));
}

void check_rule(const quality::AutoRule& r) {
  for (const auto& p : r.phrases)
    if (p.find('\n') != std::string::npos || p.find('\r') != std::string::npos)
      throw make_error(errors::kInvalidField,
                       {{"field", "phrases"}, {"problem", Text("短语不能换行", "a phrase has no line break")}},
                       "phrases");
  if (auto p = quality::validate(r))
    throw make_error(errors::kInvalidField, {{"field", p->field}, {"problem", Text(p->zh, p->en)}}, p->field);
}

nlohmann::json snapshot(const quality::AutoRule& r) {
  return {{"code", r.code},       {"store_id", r.store_id}, {"name", r.name},           {"kind", r.kind.code()},
          {"phrases", r.phrases}, {"seconds", r.seconds},   {"threshold", r.threshold}, {"red_line", r.red_line},
          {"enabled", r.enabled}, {"version", r.version}};
}

}  // namespace

AutoRuleSet auto_rules(Context& c, int64_t store_id) {
  require_scope(c.actor, "quality:read");
  require_store(c, store_id);
  AutoRuleSet out;
  out.saved = c.store<storage::QaAutoRuleStore>().rules_for(store_id);
  out.in_force = quality::rules_in_force(out.saved, store_id);
  return out;
}

quality::AutoRule create_auto_rule(Context& c, quality::AutoRule r) {
  require_editor(c, r.store_id);
  check_rule(r);
  r.updated_at = c.now_ms;
  r.updated_by = c.actor.staff_id;
  if (!c.store<storage::QaAutoRuleStore>().insert_rule(r))
    throw make_error(errors::kDuplicate, {{"what", Text("规则代码 " + r.code, "rule code " + r.code)}});
  audit(c, "qa_rule.create", "qa_rule", r.id, nullptr, snapshot(r));
  return r;
}

quality::AutoRule update_auto_rule(Context& c, int64_t id, quality::AutoRule r, int version) {
  require_scope(c.actor, "quality:write");
  auto& store = c.store<storage::QaAutoRuleStore>();
  auto before = store.rule(id);
  if (!before || (before->store_id != 0 && !c.actor.in_store(before->store_id))) throw rule_not_found();
  require_editor(c, before->store_id);
  // The code, scope and kind say what the rule is; they do not change.
  r.id = id;
  r.code = before->code;
  r.store_id = before->store_id;
  r.kind = before->kind;
  check_rule(r);
  r.updated_at = c.now_ms;
  r.updated_by = c.actor.staff_id;
  if (!store.update_rule(r, version))
    throw make_error(errors::kVersionConflict,
                     {{"what", Text("质检规则", "quality rule")}, {"version", before->version}});
  audit(c, "qa_rule.update", "qa_rule", id, snapshot(*before), snapshot(r));
  return r;
}

void delete_auto_rule(Context& c, int64_t id) {
  require_scope(c.actor, "quality:write");
  auto& store = c.store<storage::QaAutoRuleStore>();
  auto before = store.rule(id);
  if (!before || (before->store_id != 0 && !c.actor.in_store(before->store_id))) throw rule_not_found();
  require_editor(c, before->store_id);
  store.delete_rule(id);
  audit(c, "qa_rule.delete", "qa_rule", id, snapshot(*before), nullptr);
}

AutoTry try_auto_rule(Context& c, const quality::AutoRule& r, const std::string& text, bool first, int64_t delay_s) {
  require_scope(c.actor, "quality:read");
  require_role(c.actor, "supervisor");
  check_text("text", text, 2000, true);
  check_rule(r);
  auto rule = r;
  rule.enabled = true;
  const std::vector<quality::AutoRule> one{rule};
  if (rule.kind == "forbidden_phrase" || rule.kind == "missing_greeting") {
    auto f = quality::check_reply(one, {text, first, delay_s * 1000}, auto_t2s());
    if (f.empty()) return {};
    return {true, f.front().detail};
  }
  if (rule.kind == "unkept_promise") {
    auto p = quality::first_phrase(rule.phrases, quality::fold(text, auto_t2s()), auto_t2s());
    if (!p) return {};
    return {true, *p};
  }
  // The timed kinds over a text: the anger of it as a customer's last message.
  if (rule.kind == "end_sentiment") {
    quality::Chat chat;
    chat.agent_id = c.actor.staff_id;
    chat.messages.push_back({1, "customer", std::nullopt, "text", text, 0});
    auto f = quality::check_ended_chat(one, chat, &bot::anger);
    if (f.empty()) return {};
    return {true, f.front().detail};
  }
  return {};
}

std::vector<storage::QaAutoHit> auto_hits(Context& c, const AutoHitFilter& f) {
  require_scope(c.actor, "quality:read");
  storage::QaAutoHitQuery q;
  if (f.store_id) {
    require_store(c, *f.store_id);
    q.store_ids = {*f.store_id};
  } else if (!c.actor.is_admin()) {
    q.store_ids = c.actor.store_ids;
    if (q.store_ids.empty()) return {};
  }
  q.staff_id = c.actor.at_least("supervisor") ? f.staff_id : std::optional<int64_t>(c.actor.staff_id);
  q.rule_code = f.rule_code;
  q.red_line = f.red_line;
  if (!f.subject_kind.empty())
    check_enum("subject_kind", f.subject_kind, f.subject_kind == "ticket" || f.subject_kind == "conversation");
  q.subject_kind = f.subject_kind;
  q.subject_id = f.subject_id;
  q.from = f.from;
  q.to = f.to;
  q.before_id = f.before_id;
  q.limit = std::clamp(f.limit, 1, 200);
  return c.store<storage::QaAutoHitStore>().hits(q);
}

std::vector<storage::QaAutoHitCount> auto_hit_counts(Context& c, std::optional<int64_t> store_id, int64_t from,
                                                     int64_t to) {
  require_scope(c.actor, "quality:read");
  require_role(c.actor, "supervisor");
  if (to <= from) throw make_error(errors::kInvalidRange, {{"days", 366}});
  std::vector<int64_t> stores;
  if (store_id) {
    require_store(c, *store_id);
    stores = {*store_id};
  } else if (!c.actor.is_admin()) {
    stores = c.actor.store_ids;
    if (stores.empty()) return {};
  }
  return c.store<storage::QaAutoHitStore>().hit_counts(stores, from, to);
}

}  // namespace kefu::app
