// The weekly sample and adding by hand (sampling.hpp).
#include "quality/app/sampling.hpp"

#include <set>

#include "chat/storage/conversation_store.hpp"
#include "core/app/scope.hpp"
#include "core/domain/errors.hpp"
#include "quality/app/scorecards.hpp"
#include "quality/domain/sampler.hpp"
#include "quality/storage/auto_hit_store.hpp"
#include "quality/storage/qa_source_store.hpp"
#include "tickets/app/record.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

constexpr int64_t kDay = 86'400'000;

storage::Inspection queued(Context& c, int64_t store_id, const quality::Candidate& cand, quality::Reason reason,
                           int64_t week_start) {
  auto card = scorecard_in_force(c, store_id, cand.channel);
  storage::Inspection i;
  i.store_id = store_id;
  i.subject_kind = cand.kind;
  i.subject_id = cand.id;
  i.staff_id = cand.staff_id;
  i.channel = cand.channel;
  i.reason = reason;
  i.week_start = week_start;
  i.scorecard_store_id = card.source_store_id;
  i.scorecard_version = card.source_version;
  i.status = "queued";
  i.created_at = i.updated_at = c.now_ms;
  c.store<storage::InspectionStore>().insert_inspection(i);
  return i;
}

nlohmann::json snapshot(const storage::Inspection& i) {
  return {{"subject_kind", i.subject_kind.code()},
          {"subject_id", i.subject_id},
          {"staff_id", i.staff_id},
          {"reason", i.reason.code()},
          {"status", i.status.code()}};
}

}  // namespace

SampleResult draw_weekly_sample(Context& c, const SampleDraw& d) {
  require_scope(c.actor, "quality:write");
  require_role(c.actor, "supervisor");
  require_qa_store(c, d.store_id, false);
  if (d.week_start <= 0)
    throw make_error(
        errors::kInvalidField,
        {{"field", "week_start"}, {"problem", Text("应为一周开始的时间（毫秒）", "the week's start in ms")}},
        "week_start");
  SampleResult out;
  out.seed = d.seed.value_or(static_cast<uint64_t>(d.week_start) * 31 + static_cast<uint64_t>(d.store_id));
  auto& source = c.store<storage::QaSourceStore>();
  const int64_t to = d.week_start + 7 * kDay;
  auto candidates = source.ticket_candidates(d.store_id, d.week_start, to);
  for (auto& x : source.conversation_candidates(d.store_id, d.week_start, to)) candidates.push_back(x);
  out.candidates = static_cast<int>(candidates.size());
  std::set<std::pair<std::string, int64_t>> seen;
  for (auto& s : c.store<storage::InspectionStore>().inspected_subjects(d.store_id, d.week_start - 35 * kDay))
    seen.insert(s);
  std::erase_if(candidates, [&](const quality::Candidate& x) {
    bool done = seen.count({std::string(x.kind.code()), x.id}) > 0;
    if (done) ++out.already_inspected;
    return done;
  });
  // What the automatic checks flagged in the week (m16-qauto's hits), and what the caller adds.
  auto flagged = d.flagged;
  for (const auto& f : c.store<storage::QaAutoHitStore>().flagged({d.store_id}, d.week_start, to))
    if (auto kind = quality::SubjectKind::parse(f.subject_kind))
      flagged.push_back({*kind, f.subject_id, f.red_line_hits > 0});
  for (auto& x : candidates)
    for (const auto& f : flagged)
      if (f.kind == x.kind && f.id == x.id) {
        x.flagged = true;
        x.red_line = x.red_line || f.red_line;
      }
  // Nobody inspects their own work: the supervisor drawing it is sampled by someone else.
  auto settings = qa_settings(c, d.store_id).settings;
  for (const auto& p : quality::draw_sample(candidates, settings.sampling, out.seed))
    out.added.push_back(queued(c, d.store_id, p.candidate, p.reason, d.week_start));
  audit(c, "qa_sample.draw", "store", d.store_id, nullptr,
        {{"week_start", d.week_start},
         {"seed", std::to_string(out.seed)},
         {"candidates", out.candidates},
         {"added", out.added.size()}});
  return out;
}

storage::Inspection add_to_queue(Context& c, quality::SubjectKind kind, int64_t subject_id) {
  require_scope(c.actor, "quality:write");
  require_role(c.actor, "supervisor");
  quality::Candidate cand{kind, subject_id, 0, "desk"};
  int64_t store_id = 0;
  std::optional<int64_t> agent;
  if (kind == "ticket") {
    auto t = c.store<storage::TicketStore>().ticket(subject_id);
    if (!t || !c.actor.in_store(t->store_id)) throw make_error(errors::kNotFound, {{"what", Text("工单", "ticket")}});
    store_id = t->store_id;
    agent = t->owner_id;
    if (t->channel == "hotline") cand.channel = "hotline";
  } else {
    auto v = c.store<storage::ConversationStore>().conversation(subject_id);
    if (!v || !c.actor.in_store(v->store_id))
      throw make_error(errors::kNotFound, {{"what", Text("在线会话", "conversation")}});
    store_id = v->store_id;
    agent = v->agent_id;
    cand.channel = "chat";
  }
  if (!agent)
    throw make_error(errors::kInvalidField,
                     {{"field", "subject_id"}, {"problem", Text("没有负责的客服，无法质检", "nobody handled it")}},
                     "subject_id");
  cand.staff_id = *agent;
  auto i = queued(c, store_id, cand, "manual", 0);
  audit(c, "qa_inspection.add", "qa_inspection", i.id, nullptr, snapshot(i));
  return i;
}

}  // namespace kefu::app
