#include "bot/app/bot_ops.hpp"

#include <algorithm>

#include "bot/storage/bot_turn_store.hpp"
#include "core/app/scope.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "kb/app/kb_entries.hpp"
#include "kb/storage/faq_store.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;
constexpr std::size_t kMaxQuestions = 100;  // per action (an entry keeps at most 100 similar questions)

storage::BotTurnStore& turns(Context& c) { return c.store<storage::BotTurnStore>(); }

// The stores and times a caller may read: checked, and the stores named.
storage::BotLogRange readable(Context& c, const BotOpsRange& r) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "chat:read");
  if (r.to <= r.from)
    throw make_error(errors::kInvalidField,
                     {{"field", "to"}, {"problem", Text("应晚于开始时间", "it must be after from")}}, "to");
  if (r.to - r.from > kBotOpsMaxDays * kDayMs)
    throw make_error(errors::kInvalidField,
                     {{"field", "from"},
                      {"problem", Text("时间范围最多 " + std::to_string(kBotOpsMaxDays) + " 天",
                                       "the range is at most " + std::to_string(kBotOpsMaxDays) + " days")}},
                     "from");
  storage::BotLogRange out{{}, r.from, r.to};
  if (r.store_id) {
    if (!c.actor.in_store(*r.store_id) || !c.store<storage::OrgStore>().store_exists(*r.store_id))
      throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    out.store_ids = {*r.store_id};
  } else if (!c.actor.is_admin()) {
    out.store_ids = c.actor.store_ids;
    if (out.store_ids.empty()) out.store_ids = {0};  // serves no store: sees nothing
  }
  return out;
}

std::vector<std::string> cleaned(const std::vector<std::string>& questions) {
  std::vector<std::string> out;
  for (const auto& q : questions)
    if (!q.empty() && std::find(out.begin(), out.end(), q) == out.end()) out.push_back(q);
  if (out.empty()) throw make_error(errors::kRequired, {{"what", Text("问题", "questions")}}, "questions");
  if (out.size() > kMaxQuestions)
    throw make_error(errors::kInvalidField,
                     {{"field", "questions"},
                      {"problem", Text("最多 " + std::to_string(kMaxQuestions) + " 个",
                                       "at most " + std::to_string(kMaxQuestions))}},
                     "questions");
  return out;
}

void require_kb_admin(Context& c) {
  require_role(c.actor, "admin");
  require_scope(c.actor, "kb:write");
}

// The entry's content as an admin would edit it next: its pending draft, else itself.
kb::FaqContent working_content(const kb::Faq& f) { return f.draft ? f.draft->content : f.content; }

}  // namespace

BotReport bot_report(Context& c, const BotOpsRange& r) {
  const auto range = readable(c, r);
  auto& log = turns(c);
  std::map<int64_t, std::string> zones;
  for (const auto& s : c.store<storage::OrgStore>().stores()) zones[s.id] = s.timezone;
  const bot::DayOf day_of = [&zones](int64_t store_id, int64_t ms) {
    auto it = zones.find(store_id);
    return bot::local_date(ms, it == zones.end() ? "Asia/Shanghai" : it->second);
  };
  BotReport out{r,
                bot::build_report(log.conversations_started(range), log.bot_conversations(range), log.handoffs(range),
                                  log.faq_counts(range), day_of),
                {}};
  auto& faqs = c.store<storage::FaqStore>();
  for (const auto& f : out.report.faqs) {
    const auto entry = faqs.faq(f.counts.faq_id);
    out.faq_questions[f.counts.faq_id] = entry ? entry->content.question : "";
  }
  return out;
}

UnansweredList unanswered_questions(Context& c, const Knowledge& knowledge, const BotOpsRange& r) {
  const auto range = readable(c, r);
  auto rows = turns(c).unanswered(range, kUnansweredMax + 1);
  UnansweredList out;
  out.truncated = static_cast<int>(rows.size()) > kUnansweredMax;
  if (out.truncated) rows.resize(kUnansweredMax);
  std::vector<bot::AskedQuestion> asked;
  for (const auto& t : rows) {
    bot::AskedQuestion q{t.question, t.store_id, t.created_at, std::nullopt};
    if (t.faq_id)
      q.guess = bot::Guess{*t.faq_id, t.guesses.empty() ? "" : t.guesses.front().question, t.confidence};
    else if (!t.guesses.empty())
      q.guess = t.guesses.front();
    asked.push_back(std::move(q));
  }
  out.questions = static_cast<int>(asked.size());
  out.clusters = bot::cluster_questions(
      asked, [&knowledge](std::string_view a, std::string_view b) { return knowledge.similarity(a, b); },
      {.threshold = kClusterThreshold});
  return out;
}

Resolved resolve_questions(Context& c, const ResolveQuestions& in) {
  require_kb_admin(c);
  const auto questions = cleaned(in.questions);
  Resolved out;
  if (in.faq_id) {
    const auto f = get_faq(c, *in.faq_id);
    auto content = working_content(f);
    for (const auto& q : questions)
      if (q != content.question &&
          std::find(content.similar.begin(), content.similar.end(), q) == content.similar.end())
        content.similar.push_back(q);
    out.entry = update_faq(c, f.id, {f.external_id, f.category_id, content, std::nullopt});
  } else {
    kb::FaqContent content;
    content.question = in.question;
    content.answer = in.answer;
    for (const auto& q : questions)
      if (q != in.question) content.similar.push_back(q);
    out.entry = create_faq(c, {std::nullopt, in.category_id, content, std::nullopt});
  }
  out.handled = turns(c).mark_handled({}, questions, "resolved", c.now_ms, c.actor.staff_id);
  audit(c, "bot.questions_resolve", "kb_entry", out.entry.id, nullptr,
        {{"questions", questions}, {"handled", out.handled}, {"new_entry", !in.faq_id}});
  return out;
}

int dismiss_questions(Context& c, const std::vector<std::string>& questions) {
  require_kb_admin(c);
  const auto texts = cleaned(questions);
  const int handled = turns(c).mark_handled({}, texts, "dismissed", c.now_ms, c.actor.staff_id);
  audit(c, "bot.questions_dismiss", "bot_question", 0, nullptr, {{"questions", texts}, {"handled", handled}});
  return handled;
}

}  // namespace kefu::app
