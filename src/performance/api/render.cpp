#include "performance/api/render.hpp"

#include <cmath>

#include "core/api/json_io.hpp"
#include "org/storage/org_store.hpp"
#include "performance/storage/rules_json.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

json num(std::optional<double> v, int decimals = 1) {
  if (!v) return nullptr;
  const double f = std::pow(10.0, decimals);
  return std::round(*v * f) / f;
}

json figures(const performance::Figures& f) {
  return {{"contacts", num(f.contacts, 0)},
          {"first_response_min", num(f.first_response_min)},
          {"resolution_min", num(f.resolution_min)},
          {"sla_compliance_pct", num(f.sla_compliance_pct)},
          {"csat", num(f.csat, 2)},
          {"praise", num(f.praise, 0)},
          {"complaints", num(f.complaints)},
          {"qa_score", num(f.qa_score)},
          {"reopen_rate_pct", num(f.reopen_rate_pct)}};
}

json counts(const app::KpiCounts& k) {
  return {{"tickets", k.tickets}, {"chats", k.chats},           {"resolved", k.resolved},     {"reopened", k.reopened},
          {"sla_met", k.sla_met}, {"sla_missed", k.sla_missed}, {"ratings", k.csat_n},        {"praise", k.praise},
          {"upheld", k.upheld},   {"partly", k.partly},         {"not_upheld", k.not_upheld}, {"pending", k.pending},
          {"qa_results", k.qa_n}};
}

json score(const performance::Score& s) {
  auto parts = json::array();
  for (const auto& p : s.parts)
    parts.push_back({{"measure", p.measure.code()},
                     {"value", num(p.value, 2)},
                     {"target", p.target},
                     {"weight", p.weight},
                     {"counted", p.counted},
                     {"achievement", std::round(p.achievement * 1000) / 1000},
                     {"points", p.points}});
  return {{"score", num(s.score)}, {"parts", parts}};
}

json bonus(const performance::Bonus& b) {
  auto why = json::array();
  for (const auto& w : b.why) why.push_back({{"zh", w.zh}, {"en", w.en}});
  return {{"amount_fen", b.amount_fen},
          {"percent", b.percent},
          {"base_fen", b.base_fen},
          {"praise_fen", b.praise_fen},
          {"deduction_fen", b.deduction_fen},
          {"capped", b.capped},
          {"why", why}};
}

std::map<int64_t, std::string> names(app::Context& c, const std::vector<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  for (auto id : ids)
    if (id && !out.count(id)) {
      auto s = c.store<storage::OrgStore>().staff(id);
      out[id] = s ? s->display_name : "";
    }
  return out;
}

}  // namespace

json render_rules(const app::EffectiveRules& r) {
  return {{"store_id", or_null(r.rules.store_id)},
          {"source", r.source},
          {"kpi", performance::kpi_rules_json(r.rules.kpi)},
          {"bonus", performance::bonus_rules_json(r.rules.bonus)},
          {"updated_by", r.rules.updated_by ? json(r.rules.updated_by) : json(nullptr)},
          {"updated_at", r.rules.updated_at ? json(r.rules.updated_at) : json(nullptr)}};
}

json render_sheet(const app::KpiSheet& s) {
  auto rows = json::array();
  for (const auto& r : s.rows)
    rows.push_back({{"staff_id", r.staff_id},
                    {"name", r.name},
                    {"department_id", or_null(r.department_id)},
                    {"department", r.department},
                    {"rank", r.rank},
                    {"counts", counts(r.counts)},
                    {"figures", figures(r.figures)},
                    {"score", score(r.score)},
                    {"previous_score", num(r.previous_score)},
                    {"previous_rank", or_null(r.previous_rank)},
                    {"bonus", bonus(r.bonus)}});
  auto depts = json::array();
  for (const auto& d : s.departments)
    depts.push_back({{"department_id", or_null(d.department_id)},
                     {"name", d.name},
                     {"members", d.members},
                     {"rank", d.rank},
                     {"counts", counts(d.counts)},
                     {"figures", figures(d.figures)},
                     {"score", score(d.score)},
                     {"previous_score", num(d.previous_score)},
                     {"bonus_fen", d.bonus_fen}});
  return {{"store_id", s.store_id},
          {"store_name", s.store_name},
          {"month", performance::month_text(s.month)},
          {"previous_month", performance::month_text(s.previous_month)},
          {"from", s.from},
          {"to", s.to},
          {"rules_source", s.rules_source},
          {"kpi", performance::kpi_rules_json(s.kpi)},
          {"bonus", performance::bonus_rules_json(s.bonus)},
          {"qa_available", s.qa_available},
          {"rows", rows},
          {"departments", depts},
          {"bonus_total_fen", s.bonus_total_fen}};
}

json render_records(app::Context& c, const std::vector<performance::StaffRecord>& list) {
  std::vector<int64_t> ids;
  for (const auto& r : list) {
    ids.push_back(r.about_staff_id);
    ids.push_back(r.recorded_by);
    if (r.reviewer_id) ids.push_back(*r.reviewer_id);
  }
  auto n = names(c, ids);
  auto items = json::array();
  for (const auto& r : list)
    items.push_back({{"id", r.id},
                     {"store_id", r.store_id},
                     {"ticket_id", r.ticket_id},
                     {"kind", r.kind.code()},
                     {"about_staff_id", r.about_staff_id},
                     {"about_staff_name", n[r.about_staff_id]},
                     {"summary", r.summary},
                     {"recorded_by", r.recorded_by},
                     {"recorded_by_name", n[r.recorded_by]},
                     {"created_at", r.created_at},
                     {"outcome", r.outcome.code()},
                     {"counts_against", r.kind == "complaint" && (r.outcome == "upheld" || r.outcome == "partly")},
                     {"responsibility", r.responsibility.code()},
                     {"action", r.action.code()},
                     {"reviewer_id", or_null(r.reviewer_id)},
                     {"reviewer_name", r.reviewer_id ? json(n[*r.reviewer_id]) : json(nullptr)},
                     {"review_notes", r.review_notes},
                     {"reviewed_at", or_null(r.reviewed_at)},
                     {"version", r.version}});
  return items;
}

json render_case_summary(const performance::CaseEntry& e) {
  return {{"id", e.id},
          {"store_id", e.store_id},
          {"ticket_id", or_null(e.ticket_id)},
          {"conversation_id", or_null(e.conversation_id)},
          {"kind", e.kind.code()},
          {"title", e.title},
          {"lesson", e.lesson},
          {"tags", e.tags},
          {"created_by", e.created_by},
          {"created_at", e.created_at},
          {"updated_at", e.updated_at},
          {"version", e.version}};
}

json render_case(app::Context& c, const performance::CaseEntry& e) {
  auto j = render_case_summary(e);
  j["story"] = e.story;
  j["created_by_name"] = names(c, {e.created_by})[e.created_by];
  return j;
}

}  // namespace kefu::api
