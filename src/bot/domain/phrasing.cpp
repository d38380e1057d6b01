#include "bot/domain/phrasing.hpp"

#include <algorithm>

namespace kefu::bot {

Prompt phrasing_prompt(std::string_view question, const std::vector<Source>& sources) {
  Prompt p;
  p.system =
      "你是商场的智能客服。只能根据下面编号的知识库条目回答顾客的问题，不要使用条目以外的任何信息，"
      "不要编造或承诺条目中没有的政策、价格、时间或服务。回答用简体中文，简洁友好，"
      "在用到的内容后用 [编号] 标注出处（例如 [1]）。如果条目不能回答这个问题，只回答：抱歉，我无法确定，"
      "请点击「转人工」联系客服。";
  p.user = "知识库条目：\n";
  const auto n = std::min(sources.size(), kMaxPhrasingEntries);
  for (std::size_t i = 0; i < n; ++i)
    p.user += "[" + std::to_string(i + 1) + "] 问：" + sources[i].question + "\n答：" + sources[i].answer + "\n";
  p.user += "\n顾客的问题：" + std::string(question);
  return p;
}

std::vector<int64_t> cited(std::string_view text, const std::vector<Source>& sources) {
  std::vector<int64_t> out;
  const auto n = std::min(sources.size(), kMaxPhrasingEntries);
  for (std::size_t i = text.find('['); i != std::string_view::npos; i = text.find('[', i + 1)) {
    const auto close = text.find(']', i);
    if (close == std::string_view::npos) break;
    const auto inside = text.substr(i + 1, close - i - 1);
    if (inside.size() != 1 || inside[0] < '1' || static_cast<std::size_t>(inside[0] - '0') > n) continue;
    const auto id = sources[static_cast<std::size_t>(inside[0] - '1')].faq_id;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

}  // namespace kefu::bot
