#include "quality/domain/scorecard.hpp"

#include <algorithm>
#include <set>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"

namespace kefu::quality {
namespace {

Item item(const char* id, const char* name, const char* description, int weight, bool red_line = false) {
  return {id, name, description, weight, red_line};
}

std::vector<Item> red_lines() {
  return {item("red_rude", "辱骂或讽刺顾客", "任何辱骂、讽刺、威胁顾客的言语，一次即判红线", 0, true),
          item("red_privacy", "泄露顾客信息", "向无关人员透露顾客的手机号、地址、购买记录等", 0, true),
          item("red_false_promise", "虚假承诺", "承诺政策之外、无法兑现的补偿或时限", 0, true)};
}

[[noreturn]] void bad(const std::string& field, const Text& problem) {
  throw make_error(errors::kInvalidField, {{"field", field}, {"problem", problem}}, field);
}

bool well_formed_id(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'; });
}

void check_chars(const std::string& field, const std::string& v, std::size_t min, std::size_t max) {
  if (!text::is_valid_utf8(v)) bad(field, Text("不是有效的 UTF-8 文本", "not valid UTF-8"));
  auto n = text::utf8_length(v);
  if (n < min || n > max)
    bad(field, Text("长度应为 " + std::to_string(min) + " 到 " + std::to_string(max) + " 个字",
                    "its length must be " + std::to_string(min) + " .. " + std::to_string(max)));
}

}  // namespace

Scorecard default_scorecard(ChannelKind kind) {
  Scorecard s{kind, {}};
  if (kind == "chat") {
    s.items = {item("greeting", "及时问候", "接入后 30 秒内首次回复并问候顾客", 15),
               item("apology", "致歉得体", "顾客不满时先致歉、表示理解", 10),
               item("accurate", "答复准确", "政策、价格、库存等信息准确无误", 25),
               item("solution", "给出方案", "提出明确可行的解决办法", 25),
               item("follow_up", "承诺跟进并兑现", "需要跟进的事项说明时限并按时回复", 15),
               item("closing", "礼貌结束", "确认无其他问题后礼貌道别", 10)};
  } else if (kind == "hotline") {
    s.items = {item("greeting", "标准开场", "报门店与工号，30 秒内进入正题", 10),
               item("listening", "耐心倾听", "不打断顾客，复述确认诉求", 15),
               item("apology", "致歉得体", "顾客不满时先致歉、表示理解", 10),
               item("accurate", "答复准确", "政策、价格、库存等信息准确无误", 25),
               item("solution", "给出方案", "提出明确可行的解决办法", 20),
               item("follow_up", "承诺跟进并兑现", "需回电的事项约定时间并按时回电", 10),
               item("closing", "礼貌结束", "确认无其他问题后礼貌道别", 10)};
  } else {
    s.items = {item("first_response", "首次响应及时", "在首次响应时限内回复顾客", 15),
               item("apology", "致歉得体", "顾客不满时先致歉、表示理解", 10),
               item("accurate", "答复准确", "政策、价格、库存等信息准确无误", 25),
               item("solution", "给出方案", "提出明确可行的解决办法并记录在工单中", 25),
               item("follow_up", "承诺跟进并兑现", "协同任务、回访按约定时间完成", 15),
               item("closing", "规范办结", "办结说明清楚，礼貌结束", 10)};
  }
  for (auto& r : red_lines()) s.items.push_back(r);
  return s;
}

void validate(const Scorecard& s) {
  if (s.items.empty() || s.items.size() > kMaxItems)
    bad("items", Text("评分项应为 1 到 30 项", "a scorecard has 1 .. 30 items"));
  std::set<std::string> ids;
  bool weighted = false;
  for (std::size_t i = 0; i < s.items.size(); ++i) {
    const auto& it = s.items[i];
    const std::string f = "items[" + std::to_string(i) + "]";
    if (!well_formed_id(it.id))
      bad(f + ".id", Text("应为 1 到 40 个小写字母、数字或下划线", "1 .. 40 of a-z, 0-9 and _"));
    if (!ids.insert(it.id).second) bad(f + ".id", Text("与前面的评分项重复", "another item has it"));
    check_chars(f + ".name", it.name, 1, 40);
    check_chars(f + ".description", it.description, 0, 200);
    if (it.weight < 0 || it.weight > 100) bad(f + ".weight", Text("分值应为 0 到 100", "it must be 0 .. 100"));
    if (!it.red_line && it.weight > 0) weighted = true;
  }
  if (!weighted) bad("items", Text("至少需要一项有分值的普通评分项", "at least one ordinary item needs a weight"));
}

Score score(const Scorecard& s, const std::vector<Mark>& marks) {
  std::set<std::string> seen;
  Score out;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const auto& m = marks[i];
    const std::string f = "marks[" + std::to_string(i) + "]";
    auto it = std::find_if(s.items.begin(), s.items.end(), [&](const Item& x) { return x.id == m.item; });
    if (it == s.items.end()) bad(f + ".item", Text("评分表中没有这一项", "the scorecard has no such item"));
    if (!seen.insert(m.item).second) bad(f + ".item", Text("同一项评了两次", "the item is marked twice"));
    if (m.result == "na") continue;
    if (it->red_line) {
      if (m.result == "partial") bad(f + ".result", Text("红线项只能判达标或未达标", "a red line is pass or fail"));
      if (m.result == "fail") {
        out.red_line = true;
        out.red_lines.push_back(m.item);
      }
      if (it->weight == 0) continue;
    }
    int got = m.result == "pass" ? it->weight : 0;
    if (m.result == "partial") {
      if (m.points < 0 || m.points > it->weight)
        bad(f + ".points", Text("得分应在 0 到该项分值之间", "it must be 0 .. the item's weight"));
      got = m.points;
    }
    out.earned += got;
    out.possible += it->weight;
  }
  for (std::size_t i = 0; i < s.items.size(); ++i)
    if (!seen.count(s.items[i].id))
      throw make_error(errors::kRequired,
                       {{"what", Text("评分项「" + s.items[i].name + "」的评分", "a mark for item " + s.items[i].id)}},
                       "marks");
  if (out.red_line) {
    out.score_x10 = 0;
  } else if (out.possible == 0) {
    out.score_x10 = 1000;
  } else {
    out.score_x10 = static_cast<int>((2000LL * out.earned + out.possible) / (2LL * out.possible));
  }
  return out;
}

std::optional<int> item_share_x10(const Scorecard& s, const std::vector<Mark>& marks, const std::string& item) {
  auto it = std::find_if(s.items.begin(), s.items.end(), [&](const Item& x) { return x.id == item; });
  auto m = std::find_if(marks.begin(), marks.end(), [&](const Mark& x) { return x.item == item; });
  if (it == s.items.end() || m == marks.end() || m->result == "na") return std::nullopt;
  if (m->result == "pass") return 1000;
  if (m->result == "fail") return 0;
  if (it->weight == 0) return 0;
  return static_cast<int>((2000LL * m->points + it->weight) / (2LL * it->weight));
}

}  // namespace kefu::quality
