#include "demo/load_quality.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "auth/app/auth.hpp"
#include "chat/storage/conversation_store.hpp"
#include "org/storage/org_store.hpp"
#include "quality/app/calibration.hpp"
#include "quality/app/coaching.hpp"
#include "quality/app/inspections.hpp"
#include "quality/app/sampling.hpp"
#include "quality/app/scorecards.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::demo {
namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;
constexpr int64_t kShanghai = 8 * kHour;

// Monday 00:00 (Asia/Shanghai) of the week before the one `now` is in.
int64_t last_week_start(int64_t now) {
  const int64_t local_day = (now + kShanghai) / kDay;  // days since 1970-01-01 (a Thursday)
  const int64_t since_monday = (local_day + 3) % 7;
  return (local_day - since_monday - 7) * kDay - kShanghai;
}

// Marks for the k-th inspection of the week: mostly good work with a few true problems.
std::vector<quality::Mark> marks_for(const quality::Scorecard& card, int k, bool weak_apology) {
  std::vector<quality::Mark> out;
  for (const auto& it : card.items) {
    quality::Mark m{it.id, "pass"};
    if (it.id == "apology" && (weak_apology || k % 6 == 4)) m.result = "fail";
    if (it.id == "follow_up" && k % 3 == 0) m.result = "na";
    if (it.id == "accurate" && k % 5 == 2) m = {it.id, "partial", it.weight / 2};
    if (it.id == "greeting" && k % 7 == 3) m = {it.id, "partial", it.weight * 2 / 3};
    if (it.id == "red_false_promise" && k == 8) m.result = "fail";
    out.push_back(m);
  }
  return out;
}

const char* summary_for(const quality::Score& s) {
  if (s.red_line) return "承诺了政策之外的补偿（“今天一定给您全额退款加赔偿”），触犯红线。请先与主管确认再答复顾客。";
  if (s.score_x10 >= 950) return "处理规范，语气亲切，方案清楚。";
  if (s.score_x10 >= 850) return "整体不错，个别环节还可以更好，见逐条点评。";
  return "顾客不满时没有先致歉，答复也不够准确，建议复习致歉话术和退换货政策。";
}

app::CommentInput comment_for(storage::Stores& r, const storage::Inspection& i, const std::vector<quality::Mark>& m) {
  auto failed = std::find_if(m.begin(), m.end(), [](const quality::Mark& x) { return x.result != "pass"; });
  const bool apology = failed != m.end() && failed->item == "apology";
  app::CommentInput c{"", std::nullopt, failed == m.end() ? "" : failed->item,
                      apology ? "顾客这里已经明显不满，应先致歉再说明处理办法" : "这句回复很到位，可以作为范例"};
  if (failed != m.end() && !apology) c.body = "这里的信息不够准确，请先核实再答复";
  if (i.subject_kind == "ticket") {
    auto events = r.get<storage::TimelineStore>().events(i.subject_id);
    if (!events.empty()) c = {"event", events[std::min<std::size_t>(1, events.size() - 1)].id, c.item, c.body};
  } else {
    auto messages = r.get<storage::ConversationStore>().messages_after(i.subject_id, 0, 5);
    if (!messages.empty()) c = {"message", messages[std::min<std::size_t>(1, messages.size() - 1)].seq, c.item, c.body};
  }
  return c;
}

}  // namespace

void load_demo_quality(storage::Stores& r, int64_t now_ms) {
  std::map<std::string, people::Actor> by_name;
  for (const auto& s : r.get<storage::OrgStore>().staff_list()) by_name[s.username] = app::actor_of(s);
  if (!by_name.count("admin") || !by_name.count("chenjing") || !by_name.count("wangli")) return;
  const auto &admin = by_name.at("admin"), &lead = by_name.at("chenjing"), &second = by_name.at("wangli");
  const int64_t store = lead.store_ids.empty() ? 0 : lead.store_ids.front();
  if (!store) return;
  const int64_t week = last_week_start(now_ms);
  int64_t at = std::min(week + 7 * kDay + 9 * kHour, now_ms - 2 * kDay);
  auto ctx = [&](const people::Actor& a, int64_t t) {
    return app::Context{r, a, std::min(t, now_ms - kMinute), nullptr};
  };

  // The chain's scorecards: the defaults, with the greeting weighted up for chats.
  auto c0 = ctx(admin, week - 14 * kDay);
  for (quality::ChannelKind ch : {quality::ChannelKind("desk"), quality::ChannelKind("chat")}) {
    auto card = quality::default_scorecard(ch);
    if (ch == "chat") {
      card.items[0].weight = 20;  // greeting
      card.items[5].weight = 5;   // closing
    }
    app::save_scorecard(c0, {0, ch, card.items, 0, ch == "chat" ? "在线会话：首次问候更重要" : "启用工单评分表"});
  }
  auto c1 = ctx(second, week - 14 * kDay + kHour);
  app::save_qa_settings(c1, store, {{.per_agent = 3, .extra_low_csat = 2, .extra_complaint = 2}, 3});

  // Last week's sample, drawn on Monday morning and scored through the week.
  auto draw = ctx(lead, at);
  auto sample = app::draw_weekly_sample(draw, {store, week, 20261130, {}});
  std::map<int64_t, int> apology_fails;
  std::vector<storage::Inspection> scored;
  int k = 0;
  for (auto& i : sample.added) {
    if (i.staff_id == lead.staff_id || i.staff_id == second.staff_id) continue;  // nobody inspects their own work
    if (k >= 18) break;                                                          // the rest waits in the queue
    at += 3 * kHour + (k % 4) * 20 * kMinute;
    auto c = ctx(lead, at);
    auto card = app::scorecard_of(c, i.scorecard_store_id, i.channel, i.scorecard_version);
    const bool weak = by_name.count("zhangmin") && i.staff_id == by_name.at("zhangmin").staff_id && k % 2 == 0;
    auto m = marks_for(card, k, weak);
    auto s = quality::score(card, m);
    auto done = app::submit_inspection(c, i.id, {m, summary_for(s), {comment_for(r, i, m)}});
    if (std::any_of(m.begin(), m.end(), [](const auto& x) { return x.item == "apology" && x.result == "fail"; }))
      ++apology_fails[i.staff_id];
    scored.push_back(done);
    ++k;
  }
  if (scored.empty()) return;

  // One appeal, accepted by the second inspector; most others acknowledged.
  std::map<int64_t, people::Actor> by_id;
  for (const auto& [name, a] : by_name) by_id[a.staff_id] = a;
  int64_t appealed = 0;
  for (std::size_t n = 0; n < scored.size(); ++n) {
    auto& i = scored[n];
    if (!by_id.count(i.staff_id)) continue;
    auto agent = ctx(by_id.at(i.staff_id), *i.submitted_at + 3 * kHour);
    const bool apology_failed = std::any_of(i.marks.begin(), i.marks.end(), [](const quality::Mark& x) {
      return x.item == "apology" && x.result == "fail";
    });
    if (!appealed && apology_failed && !i.red_line) {
      app::appeal_inspection(agent, i.id, "顾客当时情绪平稳，只是询问进度，并没有表达不满，这一项应为不适用。");
      auto marks = i.marks;
      for (auto& x : marks)
        if (x.item == "apology") x = {"apology", "na"};
      auto d = ctx(second, *i.submitted_at + 20 * kHour);
      app::decide_appeal(d, i.id, {true, "复听录音确认顾客并无不满，致歉项改为不适用，重新计分。", marks});
      appealed = i.id;
      continue;
    }
    if (n % 4 != 3) app::acknowledge_inspection(agent, i.id);
  }

  // Coaching on the apology for whoever failed it twice, acknowledged the next day.
  for (const auto& [staff, fails] : apology_fails) {
    if (fails < 2 || !by_id.count(staff)) continue;
    auto from = std::find_if(scored.begin(), scored.end(),
                             [&](const storage::Inspection& i) { return i.staff_id == staff && i.id != appealed; });
    if (from == scored.end()) continue;
    auto c = ctx(lead, *from->submitted_at + kHour);
    auto cv =
        app::assign_coaching(c, from->id,
                             {"apology", "kb_article", 1, "学习知识库《顾客不满时的致歉话术》，下周抽检重点看这一项",
                              *from->submitted_at + 7 * kDay});
    auto ack = ctx(by_id.at(staff), *from->submitted_at + kDay);
    app::acknowledge_coaching(ack, cv.coaching.id);
    break;
  }

  // One calibration session on a chat if there is one (else the first item), closed.
  auto pick = std::find_if(scored.begin(), scored.end(), [](const auto& i) { return i.channel == "chat"; });
  if (pick == scored.end()) pick = scored.begin();
  auto c = ctx(lead, *pick->submitted_at + 2 * kHour);
  auto session = app::create_calibration(c, pick->id, "上周" + std::string(pick->channel.zh()) + "抽检校准");
  const auto& card = session.card;
  auto base = marks_for(card, 0, false);
  auto with = [&](std::vector<quality::Mark> m, const std::string& item, quality::Mark to) {
    for (auto& x : m)
      if (x.item == item) x = to;
    return m;
  };
  app::score_calibration(c, session.calibration.id, base);
  auto c2 = ctx(second, *pick->submitted_at + 3 * kHour);
  const auto solution =
      std::find_if(card.items.begin(), card.items.end(), [](const auto& x) { return x.id == "solution"; });
  const int weight = solution == card.items.end() ? 0 : solution->weight;
  app::score_calibration(c2, session.calibration.id, with(base, "solution", {"solution", "partial", weight / 2}));
  auto c3 = ctx(admin, *pick->submitted_at + 4 * kHour);
  app::score_calibration(c3, session.calibration.id, with(base, "apology", {"apology", "fail"}));
  auto close = ctx(lead, *pick->submitted_at + 26 * kHour);
  app::close_calibration(close, session.calibration.id,
                         with(base, "solution", {"solution", "partial", weight * 3 / 4}));
}

}  // namespace kefu::demo
