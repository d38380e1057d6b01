// The KPI sheet as CSV for Excel (kpi_sheet.hpp).
#include <cstdio>

#include "performance/app/kpi_sheet.hpp"

namespace kefu::app {
namespace {

std::string field(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char ch : v) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string num(std::optional<double> v, int decimals = 1) {
  if (!v) return "";
  char b[32];
  std::snprintf(b, sizeof b, "%.*f", decimals, *v);
  return b;
}

std::string fen(int64_t f) {
  char b[32];
  std::snprintf(b, sizeof b, "%lld.%02lld", static_cast<long long>(f / 100), static_cast<long long>(f % 100));
  return b;
}

}  // namespace

std::string kpi_csv(const KpiSheet& s, bool zh) {
  std::string out = "\xEF\xBB\xBF";
  out += zh ? "排名,员工,部门,处理量,工单,会话,首次响应(分钟),办结用时(分钟),SLA达标率(%),满意度,评价数,表扬,属实投诉,"
              "部分属实,质检得分,重开率(%),得分,上月得分,上月排名,服务奖金(元),奖金说明\r\n"
            : "Rank,Staff,Department,Contacts,Tickets,Chats,First response (min),Resolution (min),SLA compliance (%),"
              "CSAT,Ratings,Praise,Upheld complaints,Partly upheld,QA score,Reopen rate (%),Score,Previous score,"
              "Previous rank,Service bonus (CNY),Why\r\n";
  for (const auto& r : s.rows) {
    const auto& f = r.figures;
    std::string why;
    for (const auto& w : r.bonus.why) why += (why.empty() ? "" : "；") + (zh ? w.zh : w.en);
    out += std::to_string(r.rank) + "," + field(r.name) + "," + field(r.department) + "," + num(f.contacts, 0) + "," +
           std::to_string(r.counts.tickets) + "," + std::to_string(r.counts.chats) + "," + num(f.first_response_min) +
           "," + num(f.resolution_min) + "," + num(f.sla_compliance_pct) + "," + num(f.csat, 2) + "," +
           std::to_string(r.counts.csat_n) + "," + std::to_string(r.counts.praise) + "," +
           std::to_string(r.counts.upheld) + "," + std::to_string(r.counts.partly) + "," + num(f.qa_score) + "," +
           num(f.reopen_rate_pct) + "," + num(r.score.score) + "," + num(r.previous_score) + "," +
           (r.previous_rank ? std::to_string(*r.previous_rank) : "") + "," + fen(r.bonus.amount_fen) + "," +
           field(why) + "\r\n";
  }
  return out;
}

}  // namespace kefu::app
