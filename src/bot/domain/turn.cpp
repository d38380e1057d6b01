#include "bot/domain/turn.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "bot/domain/intents.hpp"
#include "core/text/normalize.hpp"

namespace kefu::bot {
namespace {

// The normalised text without spaces: 转 人工 reads as 转人工.
std::string squeezed(std::string_view text) {
  auto s = text::normalize(text);
  std::erase(s, ' ');
  return s;
}

bool contains_any(const std::string& s, std::span<const std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](auto w) { return s.find(w) != std::string::npos; });
}

// Ways customers ask for a person. Written for the product (what the 转人工 button means),
// not fitted to any data set.
constexpr std::array<std::string_view, 12> kPerson{"人工",   "真人",   "活人",     "找客服", "转客服",      "联系客服",
                                                   "接客服", "要客服", "客服人员", "human",  "real person", "agent"};

// Words that carry anger in a complaint, and milder ones of frustration. Our own list of
// everyday Chinese; a trained sentiment model (feedback, issue 14) can take its place.
constexpr std::array<std::string_view, 26> kStrong{"骗子",   "欺骗",     "骗人",   "欺诈", "垃圾",  "黑店", "坑人",
                                                   "无良",   "恶心",     "不要脸", "混蛋", "他妈",  "妈的", "卧槽",
                                                   "气死",   "滚",       "曝光",   "举报", "12315", "消协", "态度恶劣",
                                                   "太差劲", "什么玩意", "搞什么", "忽悠", "投诉"};
constexpr std::array<std::string_view, 12> kMild{"生气", "愤怒", "失望",     "不满",     "离谱",     "无语",
                                                 "受够", "太慢", "一直没人", "等了半天", "怎么回事", "到底"};

// Runs of at least `min` of the character `c` (UTF-8), e.g. ！！ or ？？？.
int runs(const std::string& s, std::string_view c, int min) {
  int found = 0, streak = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, c.size(), c) == 0) {
      if (++streak == min) ++found;
      i += c.size();
    } else {
      streak = 0;
      ++i;
    }
  }
  return found;
}

}  // namespace

bool asks_for_person(std::string_view text) { return contains_any(squeezed(text), kPerson); }

double anger(std::string_view text) {
  const auto s = squeezed(text);  // NFKC: ！ becomes !, ？ becomes ?
  double score = 0;
  for (auto w : kStrong)
    if (s.find(w) != std::string::npos) score += 0.5;
  for (auto w : kMild)
    if (s.find(w) != std::string::npos) score += 0.25;
  score += 0.25 * runs(s, "!", 2) + 0.2 * runs(s, "?", 3);
  return std::min(1.0, score);
}

State answered(State s) {
  s.before_answer = s.failures;
  s.failures = 0;  // until the customer says 未解决
  return s;
}

State on_feedback(State s, bool solved) {
  s.failures = solved ? 0 : s.before_answer + 1;
  s.before_answer = s.failures;
  return s;
}

State replay(std::span<const Step> steps) {
  State s;
  for (auto step : steps) {
    switch (step) {
      case Step::failed:
        ++s.failures;
        break;
      case Step::answered:
        s = answered(s);
        break;
      case Step::solved:
      case Step::unsolved:
        s = on_feedback(s, step == Step::solved);
        break;
      case Step::handed_over:
        s = State{};
        break;
    }
  }
  return s;
}

bool needs_person(const State& s, const Thresholds& t) { return s.failures >= t.failures_before_handoff; }

Turn decide(const Heard& heard, const State& state, const Thresholds& t) {
  Turn out;
  out.next = state;
  auto hand_over = [&](const char* reason) {
    out.act = Act::handoff;
    out.handoff = reason;
    out.next = State{};
    return out;
  };
  if (asks_for_person(heard.text)) return hand_over("asked");
  if (heard.anger >= t.anger) return hand_over("angry");
  auto aside = [&](Act act) {
    out.act = act;
    return out;  // state unchanged: neither a failure nor a help that breaks the row
  };
  if (heard.small_talk) {
    out.reply = *heard.small_talk;
    return aside(Act::smalltalk);
  }
  if (names_ticket(heard.text)) return aside(Act::ticket_status);
  // The top entry keeps an hours question only when the matcher is sure of it and it is
  // more like that entry than like a plain question about the store's hours.
  const bool entry_keeps =
      !heard.guesses.empty() && heard.confidence >= t.answer && heard.hours_likeness < heard.guesses.front().score;
  if (asks_for_hours(heard.canonical.empty() ? squeezed(heard.text) : heard.canonical) && !entry_keeps)
    return aside(Act::hours);
  if (!heard.ready) return aside(Act::wait);
  const bool confident = !heard.guesses.empty() && heard.confidence >= t.answer;
  if (confident) {
    out.act = Act::answer;
    out.answer = heard.guesses.front();
    out.next = answered(state);
    return out;
  }
  if (state.failures + 1 >= t.failures_before_handoff) return hand_over("unresolved");
  out.next.failures = state.failures + 1;
  if (heard.confidence >= t.suggest)
    for (const auto& g : heard.guesses)
      if (g.score >= t.suggest && out.suggestions.size() < kMaxSuggestions) out.suggestions.push_back(g);
  out.act = out.suggestions.empty() ? Act::apologise : Act::suggest;
  return out;
}

}  // namespace kefu::bot
