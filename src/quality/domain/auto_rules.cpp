#include "quality/domain/auto_rules.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "core/text/normalize.hpp"
#include "core/text/utf8.hpp"

namespace kefu::quality {
namespace {

AutoRule rule(std::string code, std::string name, Kind kind, std::vector<std::string> phrases, int64_t seconds,
              int threshold, bool red_line) {
  AutoRule r;
  r.code = std::move(code);
  r.name = std::move(name);
  r.kind = kind;
  r.phrases = std::move(phrases);
  r.seconds = seconds;
  r.threshold = threshold;
  r.red_line = red_line;
  return r;
}

// Punctuation NFKC leaves as it is (full-width ASCII forms become ASCII first).
constexpr std::array<std::string_view, 16> kCjkPunct{"。", "、", "…",  "～", "“", "”", "‘",  "’",
                                                     "《", "》", "【", "】", "—", "·", "「", "」"};

bool ascii_punct_or_space(char ch) {
  const auto u = static_cast<unsigned char>(ch);
  return u < 0x80 && (u <= ' ' || (u >= '!' && u <= '/') || (u >= ':' && u <= '@') || (u >= '[' && u <= '`') ||
                      (u >= '{' && u <= 0x7f));
}

std::string fmt_seconds(int64_t ms) { return std::to_string(ms / 1000) + "s"; }

}  // namespace

std::vector<AutoRule> default_rules() {
  // Our own lists of everyday service Chinese, written for the product; an admin edits them.
  return {
      rule("red_line_phrases", "服务红线用语", "forbidden_phrase",
           {"爱买不买", "你烦不烦", "关我什么事", "不关我的事", "你听不懂吗", "神经病", "有病吧", "随便你投诉",
            "投诉也没用", "你自己看不懂", "找别人去", "别来烦我"},
           0, 0, true),
      rule("forbidden_phrases", "服务禁用语", "forbidden_phrase",
           {"不归我管", "我也没办法", "这个我不清楚", "不是我们的问题", "你去问别人", "自己去看", "早就说过了"}, 0, 0,
           false),
      rule("greeting", "首句问候", "missing_greeting",
           {"您好", "你好", "欢迎", "很高兴为您服务", "早上好", "上午好", "中午好", "下午好", "晚上好", "感谢", "谢谢",
            "抱歉"},
           120, 0, false),
      rule("reply_gap", "顾客等待回复过久", "reply_gap", {}, 180, 0, false),
      rule("end_sentiment", "结束时顾客情绪负面", "end_sentiment", {}, 0, 70, false),
      rule("promise_follow_up", "承诺回电未跟进", "unkept_promise",
           {"给您回电", "回电给您", "给您回个电话", "稍后回复您", "稍后联系您", "我们会联系您", "会尽快联系您",
            "回头联系您", "明天答复您", "核实后回复您"},
           86'400, 0, false),
  };
}

std::vector<AutoRule> rules_in_force(const std::vector<AutoRule>& saved, int64_t store_id) {
  std::map<std::string, AutoRule> by_code;
  for (auto& r : default_rules()) by_code[r.code] = r;
  for (const auto& r : saved)
    if (r.store_id == 0) by_code[r.code] = r;
  for (const auto& r : saved)
    if (store_id != 0 && r.store_id == store_id) by_code[r.code] = r;
  std::vector<AutoRule> out;
  for (auto& [code, r] : by_code)
    if (r.enabled) out.push_back(std::move(r));
  return out;
}

std::optional<Problem> validate(const AutoRule& r) {
  const auto code_ok = !r.code.empty() && r.code.size() <= 40 && std::all_of(r.code.begin(), r.code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!code_ok) return Problem{"code", "只能用小写字母、数字和下划线（1–40 个）", "1–40 of a-z, 0-9 and _"};
  if (r.name.empty() || text::utf8_length(r.name) > 60) return Problem{"name", "名称为 1–60 个字", "1–60 characters"};
  const bool needs_phrases = r.kind == "forbidden_phrase" || r.kind == "missing_greeting" || r.kind == "unkept_promise";
  if (needs_phrases && r.phrases.empty()) return Problem{"phrases", "至少需要一个短语", "at least one phrase"};
  if (r.phrases.size() > kMaxPhrases) return Problem{"phrases", "短语最多 200 个", "at most 200 phrases"};
  for (const auto& p : r.phrases)
    if (fold(p).empty() || text::utf8_length(p) > kMaxPhraseChars)
      return Problem{"phrases", "每个短语 1–40 个字（不计标点）", "each phrase 1–40 characters (besides punctuation)"};
  const bool needs_seconds = r.kind == "reply_gap" || r.kind == "unkept_promise";
  if (r.seconds < 0 || r.seconds > kMaxSeconds || (needs_seconds && r.seconds == 0))
    return Problem{"seconds", "秒数须在 1 到 2592000 之间", "seconds between 1 and 2592000"};
  if (r.kind == "end_sentiment" && (r.threshold < 1 || r.threshold > 100))
    return Problem{"threshold", "阈值须在 1 到 100 之间", "a threshold between 1 and 100"};
  return std::nullopt;
}

std::string fold(std::string_view text, Convert t2s) {
  auto s = text::normalize(text);
  if (t2s) s = t2s(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (ascii_punct_or_space(s[i])) {
      ++i;
      continue;
    }
    bool skipped = false;
    for (auto p : kCjkPunct)
      if (s.compare(i, p.size(), p) == 0) {
        i += p.size();
        skipped = true;
        break;
      }
    if (!skipped) out += s[i++];
  }
  return out;
}

std::optional<std::string> first_phrase(const std::vector<std::string>& phrases, std::string_view folded, Convert t2s) {
  for (const auto& p : phrases) {
    const auto f = fold(p, t2s);
    if (!f.empty() && folded.find(f) != std::string_view::npos) return p;
  }
  return std::nullopt;
}

std::optional<std::string> first_phrase(const AutoRule& r, std::string_view folded, Convert t2s) {
  if (r.folded.size() != r.phrases.size()) return first_phrase(r.phrases, folded, t2s);
  for (std::size_t i = 0; i < r.phrases.size(); ++i)
    if (!r.folded[i].empty() && folded.find(r.folded[i]) != std::string_view::npos) return r.phrases[i];
  return std::nullopt;
}

void fold_phrases(std::vector<AutoRule>& rules, Convert t2s) {
  for (auto& r : rules) {
    r.folded.clear();
    for (const auto& p : r.phrases) r.folded.push_back(fold(p, t2s));
  }
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t pos = 0, n = 0;
  while (pos < text.size() && n < max_chars) {
    const auto start = pos;
    text::utf8::decode(text, pos);
    out.append(text.substr(start, pos - start));
    ++n;
  }
  if (pos < text.size()) out += "…";
  return out;
}

std::vector<Finding> check_reply(const std::vector<AutoRule>& rules, const Reply& reply, Convert t2s) {
  std::vector<Finding> out;
  std::optional<std::string> folded;
  auto text = [&]() -> const std::string& {
    if (!folded) folded = fold(reply.text, t2s);
    return *folded;
  };
  for (const auto& r : rules) {
    if (!r.enabled) continue;
    if (r.kind == "forbidden_phrase") {
      if (auto p = first_phrase(r, text(), t2s)) out.push_back({&r, *p});
    } else if (r.kind == "missing_greeting" && reply.first) {
      if (!first_phrase(r, text(), t2s)) {
        out.push_back({&r, "no greeting"});
      } else if (r.seconds > 0 && reply.delay_ms && *reply.delay_ms > r.seconds * 1000) {
        out.push_back({&r, "late " + fmt_seconds(*reply.delay_ms)});
      }
    }
  }
  return out;
}

namespace {

bool text_message(const Said& m) { return m.kind == "text"; }

void reply_gaps(const AutoRule& r, const Chat& chat, std::vector<ChatFinding>& out) {
  const int64_t limit = r.seconds * 1000;
  const Said* waiting = nullptr;  // the customer's first unanswered message
  auto waited_from = [&](const Said& m) { return std::max(m.at, chat.assigned_at.value_or(m.at)); };
  for (const auto& m : chat.messages) {
    if (!text_message(m) && m.kind != "photo") continue;
    if (m.sender == "customer") {
      if (!waiting) waiting = &m;
    } else if (m.sender == "agent" || m.sender == "bot") {
      if (waiting && m.sender == "agent") {
        const int64_t gap = m.at - waited_from(*waiting);
        if (gap > limit) out.push_back({&r, m.seq, m.staff_id, excerpt(m.text), "waited " + fmt_seconds(gap), m.at});
      }
      waiting = nullptr;
    }
  }
  // Nobody answered the customer's last message before the end.
  if (waiting && chat.ended_at && chat.agent_id && chat.assigned_at) {
    const Said& m = *waiting;
    const int64_t gap = *chat.ended_at - waited_from(m);
    if (gap > limit) out.push_back({&r, m.seq, chat.agent_id, "", "unanswered " + fmt_seconds(gap), *chat.ended_at});
  }
}

void end_sentiment(const AutoRule& r, const Chat& chat, Anger anger, std::vector<ChatFinding>& out) {
  if (!chat.agent_id) return;  // a chat only the bot served is the bot's, not a person's
  int seen = 0;
  const Said* worst = nullptr;
  double worst_score = 0;
  for (auto it = chat.messages.rbegin(); it != chat.messages.rend() && seen < kLastCustomerMessages; ++it) {
    if (it->sender != "customer" || !text_message(*it)) continue;
    ++seen;
    const double a = anger(it->text);
    if (a > worst_score) worst_score = a, worst = &*it;
  }
  if (worst && worst_score * 100 >= r.threshold)
    out.push_back({&r, worst->seq, chat.agent_id, "",
                   "anger " + std::to_string(static_cast<int>(worst_score * 100)) + "%", worst->at});
}

void promises(const AutoRule& r, const Chat& chat, Convert t2s, std::vector<ChatFinding>& out) {
  if (chat.has_ticket) return;
  for (const auto& m : chat.messages) {
    if (m.sender != "agent" || !text_message(m)) continue;
    if (auto p = first_phrase(r, fold(m.text, t2s), t2s))
      out.push_back({&r, m.seq, m.staff_id, excerpt(m.text), *p, m.at});
  }
}

}  // namespace

std::vector<ChatFinding> check_ended_chat(const std::vector<AutoRule>& rules, const Chat& chat, Anger anger,
                                          Convert t2s) {
  std::vector<ChatFinding> out;
  for (const auto& r : rules) {
    if (!r.enabled) continue;
    if (r.kind == "reply_gap") reply_gaps(r, chat, out);
    if (r.kind == "end_sentiment") end_sentiment(r, chat, anger, out);
    if (r.kind == "unkept_promise") promises(r, chat, t2s, out);
  }
  return out;
}

std::optional<bool> promise_kept(int64_t said_at, int64_t window_ms, const std::vector<int64_t>& follow_ups,
                                 int64_t now) {
  const int64_t end = said_at + window_ms;
  for (auto at : follow_ups)
    if (at >= said_at && at <= end) return true;
  if (now < end) return std::nullopt;
  return false;
}

}  // namespace kefu::quality
