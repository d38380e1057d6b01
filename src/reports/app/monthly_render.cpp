// The service summary as XLSX sheets, an HTML email body and plain text (monthly.hpp).
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "reports/app/monthly.hpp"

#include "core/app/html.hpp"
#include "sla/domain/target.hpp"
#include "tickets/domain/vocabulary.hpp"

namespace kefu::app {
namespace {

std::string type_label(const std::string& code, bool zh) {
  auto t = ticket::Type::parse(code);
  return t ? std::string(zh ? t->zh() : t->en()) : code;
}
std::string channel_label(const std::string& code, bool zh) {
  auto t = ticket::Channel::parse(code);
  return t ? std::string(zh ? t->zh() : t->en()) : code;
}

std::string percent_text(double ratio) {
  if (ratio < 0) return "—";
  char out[32];
  std::snprintf(out, sizeof out, "%.1f%%", std::floor(ratio * 1000.0) / 10.0);
  return out;
}

std::string change_text(int64_t now, int64_t before) {
  if (before == 0) return now == 0 ? "—" : "新增";
  char out[32];
  std::snprintf(out, sizeof out, "%+.1f%%", (static_cast<double>(now - before) * 100.0) / static_cast<double>(before));
  return out;
}

std::string money_text(int64_t fen) {
  char out[40];
  std::snprintf(out, sizeof out, "¥%lld.%02lld", static_cast<long long>(fen / 100),
                static_cast<long long>(std::llabs(fen % 100)));
  return out;
}

std::string minutes_text(int64_t ms) {
  if (ms < 0) return "—";
  char out[32];
  std::snprintf(out, sizeof out, "%.1f", static_cast<double>(ms) / 60000.0);
  return out;
}

Table count_table(const char* name, const char* key_header, const std::vector<CountLine>& lines,
                  std::string (*label)(const std::string&, bool), bool zh) {
  Table t;
  t.name = name;
  t.columns = {{key_header, ColumnKind::text, 16},
               {zh ? "本期" : "This period", ColumnKind::integer, 10},
               {zh ? "上期" : "Previous", ColumnKind::integer, 10},
               {zh ? "环比" : "Change", ColumnKind::text, 10}};
  for (const auto& l : lines)
    t.rows.push_back({label ? label(l.key, zh) : l.key, l.current, l.previous, change_text(l.current, l.previous)});
  return t;
}

// A two-column HTML table of (label, value) rows.
std::string html_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
  const char* cell = "style=\"border:1px solid #ddd;padding:4px 8px;text-align:left\"";
  std::string h = "<table style=\"border-collapse:collapse;margin:8px 0 16px;font-size:14px\"><tr>";
  for (const auto& x : headers) h += std::string("<th ") + cell + " bgcolor=\"#f2f2f2\">" + html_escape(x) + "</th>";
  h += "</tr>";
  for (const auto& r : rows) {
    h += "<tr>";
    for (const auto& x : r) h += std::string("<td ") + cell + ">" + html_escape(x) + "</td>";
    h += "</tr>";
  }
  return h + "</table>";
}

std::vector<std::vector<std::string>> count_rows(const std::vector<CountLine>& lines,
                                                 std::string (*label)(const std::string&, bool)) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : lines)
    rows.push_back({label ? label(l.key, true) : (l.key.empty() ? "未分类" : l.key), std::to_string(l.current),
                    std::to_string(l.previous), change_text(l.current, l.previous)});
  return rows;
}

// The dashboards' service figures, this period and the one before, as texts: the mean
// times in business minutes, the rates as percentages, CSAT as a mean of 1–5.
std::vector<std::vector<std::string>> service_rows(const ServiceSummary& s, bool zh) {
  auto mean_minutes = [](int64_t sum, int64_t n) { return n > 0 ? minutes_text(sum / n) : std::string("—"); };
  auto ratio = [](int64_t part, int64_t whole) {
    return whole > 0 ? percent_text(static_cast<double>(part) / static_cast<double>(whole)) : std::string("—");
  };
  auto csat = [](const reports::Measures& m) {
    if (m.csat_n <= 0) return std::string("—");
    char out[32];
    std::snprintf(out, sizeof out, "%.2f", static_cast<double>(m.csat_sum) / static_cast<double>(m.csat_n));
    return std::string(out);
  };
  std::vector<std::vector<std::string>> rows;
  auto add = [&](const char* zh_label, const char* en_label, auto figure) {
    rows.push_back({zh ? zh_label : en_label, figure(s.service), figure(s.service_previous)});
  };
  add("首次响应平均用时（工作分钟）", "First response, mean (business minutes)",
      [&](const reports::Measures& m) { return mean_minutes(m.frt_sum_ms, m.frt_n); });
  add("办结平均用时（工作分钟）", "Resolution, mean (business minutes)",
      [&](const reports::Measures& m) { return mean_minutes(m.res_sum_ms, m.res_n); });
  add("服务时限达标率", "SLA met",
      [&](const reports::Measures& m) { return ratio(m.sla_met, m.sla_met + m.sla_missed); });
  add("首问解决率", "First-contact resolution", [&](const reports::Measures& m) { return ratio(m.fcr, m.resolved); });
  add("重开率", "Reopen rate", [&](const reports::Measures& m) { return ratio(m.reopened, m.contacts); });
  add("满意度均分（1–5）", "CSAT, mean (1–5)", csat);
  add("满意度评价数", "CSAT ratings", [](const reports::Measures& m) { return std::to_string(m.csat_n); });
  add("满意（4–5 分）占比", "Satisfied (4–5)",
      [&](const reports::Measures& m) { return ratio(m.csat_good, m.csat_n); });
  return rows;
}

std::vector<std::vector<std::string>> overview_rows(const ServiceSummary& s) {
  std::vector<std::vector<std::string>> rows = {
      {"接待量（新建工单）", std::to_string(s.created), std::to_string(s.created_previous),
       change_text(s.created, s.created_previous)},
      {"未办结工单（当前）", std::to_string(s.open), "", ""},
      {"超时未办结（当前）", std::to_string(s.overdue), "", ""},
  };
  if (s.nps.score) {
    char score[16];
    std::snprintf(score, sizeof score, "%.1f", *s.nps.score);
    rows.push_back({"NPS", score, "", ""});
  }
  rows.push_back({"退换货", std::to_string(s.returns), "", s.returns ? "退款 " + money_text(s.refunded_fen) : ""});
  return rows;
}

}  // namespace

std::vector<Table> summary_tables(const ServiceSummary& s, bool zh) {
  std::vector<Table> out;
  Table overview;
  overview.name = zh ? "概览" : "Overview";
  overview.columns = {{zh ? "指标" : "Figure", ColumnKind::text, 22},
                      {zh ? "本期" : "This period", ColumnKind::integer, 12},
                      {zh ? "上期" : "Previous", ColumnKind::integer, 12},
                      {zh ? "说明" : "Note", ColumnKind::text, 24}};
  overview.rows.push_back({zh ? "门店" : "Store",
                           s.store_name.empty() ? (zh ? "全部门店" : "All stores") : s.store_name, Cell{},
                           s.period.label});
  overview.rows.push_back({zh ? "接待量（新建工单）" : "Contacts (tickets created)", s.created, s.created_previous,
                           change_text(s.created, s.created_previous)});
  overview.rows.push_back({zh ? "未办结工单" : "Open tickets", s.open, Cell{}, Cell{}});
  overview.rows.push_back({zh ? "超时未办结" : "Overdue tickets", s.overdue, Cell{}, Cell{}});
  overview.rows.push_back({zh ? "NPS 推荐者" : "NPS promoters", s.nps.promoters, Cell{}, Cell{}});
  overview.rows.push_back({zh ? "NPS 中立者" : "NPS passives", s.nps.passives, Cell{}, Cell{}});
  overview.rows.push_back({zh ? "NPS 贬损者" : "NPS detractors", s.nps.detractors, Cell{}, Cell{}});
  overview.rows.push_back({zh ? "退换货笔数" : "Returns", s.returns, Cell{}, money_text(s.refunded_fen)});
  out.push_back(std::move(overview));
  Table service;
  service.name = zh ? "服务质量" : "Service";
  service.columns = {{zh ? "指标" : "Figure", ColumnKind::text, 30},
                     {zh ? "本期" : "This period", ColumnKind::text, 14},
                     {zh ? "上期" : "Previous", ColumnKind::text, 14}};
  for (auto& r : service_rows(s, zh)) service.rows.push_back({r[0], r[1], r[2]});
  out.push_back(std::move(service));
  out.push_back(count_table(zh ? "按类型" : "By type", zh ? "类型" : "Type", s.by_type, type_label, zh));
  out.push_back(count_table(zh ? "按渠道" : "By channel", zh ? "渠道" : "Channel", s.by_channel, channel_label, zh));
  Table sla;
  sla.name = zh ? "SLA 达标" : "SLA";
  sla.columns = {{zh ? "指标" : "Metric", ColumnKind::text, 14},   {zh ? "总数" : "Total", ColumnKind::integer, 8},
                 {zh ? "达标" : "Met", ColumnKind::integer, 8},    {zh ? "超时" : "Missed", ColumnKind::integer, 8},
                 {zh ? "进行中" : "Open", ColumnKind::integer, 8}, {zh ? "达标率" : "Rate", ColumnKind::percent, 10}};
  for (const auto& r : s.sla)
    sla.rows.push_back({std::string(zh ? sla::name_zh(r.metric) : sla::name(r.metric)), r.total, r.met, r.missed,
                        r.open, r.rate < 0 ? Cell{} : Cell{r.rate}});
  out.push_back(std::move(sla));
  out.push_back(
      count_table(zh ? "投诉原因" : "Complaint causes", zh ? "分类" : "Category", s.complaint_causes, nullptr, zh));
  out.push_back(
      count_table(zh ? "退换货原因" : "Return reasons", zh ? "原因" : "Reason", s.return_reasons, nullptr, zh));
  return out;
}

std::string summary_html(const ServiceSummary& s, const std::string& title) {
  std::string h = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) +
                  "</title></head><body style=\"font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#222\">";
  h += "<h2 style=\"margin:0 0 4px\">" + html_escape(title) + "</h2>";
  h += "<p style=\"color:#666;margin:0 0 12px\">" + html_escape(s.store_name.empty() ? "全部门店" : s.store_name) +
       " · 统计期间 " + html_escape(s.period.label) + "</p>";
  h += "<h3>概览</h3>" + html_table({"指标", "本期", "上期", "环比"}, overview_rows(s));
  h += "<h3>服务质量</h3>" + html_table({"指标", "本期", "上期"}, service_rows(s, true));
  h += "<h3>按类型</h3>" + html_table({"类型", "本期", "上期", "环比"}, count_rows(s.by_type, type_label));
  h += "<h3>按渠道</h3>" + html_table({"渠道", "本期", "上期", "环比"}, count_rows(s.by_channel, channel_label));
  std::vector<std::vector<std::string>> sla;
  for (const auto& r : s.sla)
    sla.push_back({std::string(sla::name_zh(r.metric)), std::to_string(r.total), std::to_string(r.met),
                   std::to_string(r.missed), percent_text(r.rate), minutes_text(r.avg_elapsed_ms)});
  h += "<h3>SLA 达标</h3>" + html_table({"指标", "总数", "达标", "超时", "达标率", "平均用时(分钟)"}, sla);
  if (!s.complaint_causes.empty())
    h += "<h3>投诉原因</h3>" + html_table({"分类", "本期", "上期", "环比"}, count_rows(s.complaint_causes, nullptr));
  if (!s.return_reasons.empty())
    h += "<h3>退换货原因</h3>" + html_table({"原因", "本期", "上期", "环比"}, count_rows(s.return_reasons, nullptr));
  h += "<p style=\"color:#999;font-size:12px\">本邮件由 kefu 定时报表自动发送，明细见附件 Excel。</p></body></html>";
  return h;
}

std::string summary_text(const ServiceSummary& s, const std::string& title) {
  std::string t =
      title + "\n" + (s.store_name.empty() ? "全部门店" : s.store_name) + " · 统计期间 " + s.period.label + "\n\n";
  t += "接待量（新建工单）：" + std::to_string(s.created) + "（上期 " + std::to_string(s.created_previous) + "，" +
       change_text(s.created, s.created_previous) + "）\n";
  t += "未办结工单：" + std::to_string(s.open) + "，其中超时 " + std::to_string(s.overdue) + "\n";
  for (const auto& r : s.sla) t += std::string(sla::name_zh(r.metric)) + "达标率：" + percent_text(r.rate) + "\n";
  for (const auto& r : service_rows(s, true)) t += r[0] + "：" + r[1] + "（上期 " + r[2] + "）\n";
  t += "\n明细见附件 Excel。\n";
  return t;
}

}  // namespace kefu::app
