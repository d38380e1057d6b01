#include "kb/app/kb_learning.hpp"

#include <nlohmann/json.hpp>

#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"
#include "core/text/trim.hpp"
#include "kb/app/kb_access.hpp"
#include "kb/app/kb_formats.hpp"
#include "kb/storage/faq_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

using nlohmann::json;
using storage::KbLearningStore;

KbLearningStore& learning(Context& c) { return c.store<KbLearningStore>(); }

using text::trimmed;

json signal_json(const kb::Signal& g) {
  return {{"id", g.id},
          {"query", g.query},
          {"faq_id", g.entry_id},
          {"source", g.source},
          {"revoked", g.revoked_at.has_value()}};
}

json pair_json(const kb::Pair& p) {
  return {{"id", p.id}, {"a", p.a}, {"b", p.b}, {"same", p.same}, {"revoked", p.revoked_at.has_value()}};
}

// A published customer entry: what a signal may name.
void check_answerable(Context& c, int64_t faq_id) {
  const auto f = c.store<storage::FaqStore>().faq(faq_id);
  if (!f || f->status != "published" || f->content.audience != "customer")
    throw make_error(errors::kUnknownReference, {{"what", Text("已发布的常见问题", "published FAQ entry")}}, "faq_id");
}

// One row of a pairs file read into a pair, or the reason it cannot be.
struct ReadPair {
  kb::Pair pair;
  std::string problem_zh, problem_en;
};

ReadPair read_pair(std::string a, std::string b, const json& same) {
  ReadPair r;
  a = trimmed(a), b = trimmed(b);
  if (a.empty() || b.empty()) return {{}, "a 和 b 都不能为空", "a and b are both required"};
  if (text::utf8_length(a) > kb::kMaxLearnedText || text::utf8_length(b) > kb::kMaxLearnedText)
    return {{}, "问题不能超过 200 个字", "a question is at most 200 characters"};
  if (a == b) return {{}, "a 和 b 不能相同", "a and b must differ"};
  std::optional<bool> label;
  if (same.is_boolean()) label = same.get<bool>();
  if (same.is_number_integer() && (same == 0 || same == 1)) label = same == 1;
  if (same.is_string()) {
    const auto v = same.get<std::string>();
    if (v == "1" || v == "true" || v == "same") label = true;
    if (v == "0" || v == "false" || v == "different") label = false;
  }
  if (!label) return {{}, "same 应为 1 或 0", "same must be 1 or 0"};
  if (b < a) std::swap(a, b);  // the pair has no direction
  r.pair.a = std::move(a);
  r.pair.b = std::move(b);
  r.pair.same = *label;
  return r;
}

// The file's rows as (line, pair or problem).
std::vector<std::pair<int, ReadPair>> read_pairs(const std::string& format, const std::string& text) {
  std::vector<std::pair<int, ReadPair>> out;
  if (format == "csv") {
    bool bad = false;
    auto recs = kb_formats::csv_records(text, bad);
    if (recs.empty()) return out;
    const auto& header = recs.front().second;
    int ia = -1, ib = -1, is = -1;
    for (int i = 0; i < static_cast<int>(header.size()); ++i) {
      if (header[i] == "a") ia = i;
      if (header[i] == "b") ib = i;
      if (header[i] == "same") is = i;
    }
    if (ia < 0 || ib < 0 || is < 0) {
      out.push_back({1, {{}, "第一行应为列名 a,b,same", "the first line must name the columns a,b,same"}});
      return out;
    }
    for (std::size_t r = 1; r < recs.size(); ++r) {
      const auto& cells = recs[r].second;
      auto cell = [&](int i) { return i < static_cast<int>(cells.size()) ? cells[i] : std::string(); };
      auto row = read_pair(cell(ia), cell(ib), json(cell(is)));
      if (bad && r + 1 == recs.size()) row = {{}, "引号未闭合", "a quote is not closed"};
      out.push_back({recs[r].first, std::move(row)});
    }
    return out;
  }
  for (const auto& row : kb_formats::read_jsonl(text)) {
    const auto& j = row.data;
    if (!row.problem.empty() || !j.contains("a") || !j["a"].is_string() || !j.contains("b") || !j["b"].is_string()) {
      out.push_back({row.line, {{}, "应为含 a、b、same 的 JSON 对象", "not a JSON object with a, b and same"}});
      continue;
    }
    out.push_back({row.line, read_pair(j["a"].get<std::string>(), j["b"].get<std::string>(), j.value("same", json()))});
  }
  return out;
}

}  // namespace

kb::Signal record_staff_signal(Context& c, const SignalInput& in) {
  kb_access::reader(c);
  check_enum("source", in.source, in.source == kb::kAgentPick || in.source == kb::kAgentLink);
  const auto query = trimmed(in.query);
  check_text("query", query, kb::kMaxLearnedText, true);
  check_answerable(c, in.faq_id);
  kb::Signal g{.query = query,
               .entry_id = in.faq_id,
               .source = in.source,
               .store_id = in.store_id,
               .conversation_id = in.conversation_id,
               .ticket_id = in.ticket_id,
               .created_at = c.now_ms,
               .created_by = c.actor.staff_id,
               .updated_at = c.now_ms};
  return *learning(c).signal(learning(c).insert_signal(g));
}

void record_customer_signal(Context& c, const std::string& query, int64_t faq_id, std::string_view source,
                            std::optional<int64_t> store_id, std::optional<int64_t> conversation_id) {
  const auto q = trimmed(query);
  if (q.empty() || text::utf8_length(q) > kb::kMaxLearnedText || !kb::known_signal_source(source)) return;
  const auto f = c.store<storage::FaqStore>().faq(faq_id);
  if (!f || f->status != "published") return;
  learning(c).insert_signal({.query = q,
                             .entry_id = faq_id,
                             .source = std::string(source),
                             .store_id = store_id,
                             .conversation_id = conversation_id,
                             .created_at = c.now_ms,
                             .updated_at = c.now_ms});
}

std::vector<kb::Signal> list_signals(Context& c, const storage::LearningFilter& f) {
  kb_access::editor(c);
  return learning(c).signals(f);
}

kb::Signal set_signal_revoked(Context& c, int64_t id, bool revoked) {
  kb_access::editor(c);
  const auto old = learning(c).signal(id);
  if (!old) throw make_error(errors::kNotFound, {{"what", Text("学习信号", "learning signal")}});
  if (old->revoked_at.has_value() == revoked) return *old;
  learning(c).set_signal_revoked(id, revoked, c.actor.staff_id, c.now_ms);
  auto now = *learning(c).signal(id);
  audit(c, revoked ? "kb_signal.revoke" : "kb_signal.restore", "kb_signal", id, signal_json(*old), signal_json(now));
  return now;
}

std::vector<kb::Pair> list_pairs(Context& c, const storage::LearningFilter& f) {
  kb_access::editor(c);
  return learning(c).pairs(f);
}

kb::Pair set_pair_revoked(Context& c, int64_t id, bool revoked) {
  kb_access::editor(c);
  const auto old = learning(c).pair(id);
  if (!old) throw make_error(errors::kNotFound, {{"what", Text("相似问对", "paraphrase pair")}});
  if (old->revoked_at.has_value() == revoked) return *old;
  learning(c).set_pair_revoked(id, revoked, c.actor.staff_id, c.now_ms);
  auto now = *learning(c).pair(id);
  audit(c, revoked ? "kb_pair.revoke" : "kb_pair.restore", "kb_pair", id, pair_json(*old), pair_json(now));
  return now;
}

PairImportReport import_pairs(Context& c, const std::string& format, const std::string& text) {
  kb_access::editor(c);
  check_enum("format", format, format == "csv" || format == "jsonl");
  const auto rows = read_pairs(format, text);
  if (rows.size() > kb::kMaxPairRows)
    throw make_error(errors::kInvalidField,
                     {{"field", "text"},
                      {"problem", Text("每次最多 5000 行，请分批导入", "at most 5,000 rows per call: send parts")}},
                     "text");
  PairImportReport report;
  for (const auto& [line, row] : rows) {
    ++report.rows;
    if (!row.problem_zh.empty()) {
      report.rejected.push_back({line, "invalid_field", row.problem_zh, row.problem_en});
      continue;
    }
    auto p = row.pair;
    p.source = "import";
    p.created_at = p.updated_at = c.now_ms;
    p.created_by = c.actor.staff_id;
    switch (learning(c).put_pair(p)) {
      case storage::PairWrite::added:
        ++report.added;
        break;
      case storage::PairWrite::updated:
        ++report.updated;
        break;
      case storage::PairWrite::unchanged:
        ++report.unchanged;
        break;
    }
  }
  if (report.added + report.updated)
    audit(c, "kb_pair.import", "kb_pair", 0, nullptr,
          {{"format", format}, {"added", report.added}, {"updated", report.updated}});
  return report;
}

storage::LearningCounts learning_counts(Context& c) {
  kb_access::editor(c);
  return learning(c).counts();
}

}  // namespace kefu::app
