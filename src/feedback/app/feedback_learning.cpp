#include "feedback/app/feedback_learning.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"
#include "core/text/trim.hpp"
#include "feedback/app/feedback_items.hpp"
#include "feedback/domain/seed_examples.hpp"
#include "kb/app/kb_formats.hpp"

namespace kefu::app {

namespace {

constexpr std::size_t kMaxText = 500;

struct Labelled {
  int line = 0;
  std::string text, topic, sentiment;
  std::string unreadable;  // why the row could not be read
};

std::vector<Labelled> read_csv(const std::string& text) {
  bool bad = false;
  auto records = kb_formats::csv_records(text, bad);
  std::vector<Labelled> out;
  if (records.empty()) return out;
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < records[0].second.size(); ++i) column[text::trimmed(records[0].second[i])] = i;
  if (!column.count("text")) return {{1, "", "", "", "the header has no text column"}};
  auto cell = [&](const std::vector<std::string>& r, const char* name) {
    auto it = column.find(name);
    return it != column.end() && it->second < r.size() ? text::trimmed(r[it->second]) : std::string();
  };
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i].second;
    if (r.size() == 1 && text::trimmed(r[0]).empty()) continue;  // a blank line
    out.push_back({records[i].first, cell(r, "text"), cell(r, "topic"), cell(r, "sentiment"), ""});
  }
  if (bad && !out.empty()) out.back().unreadable = "a quote is left open";
  return out;
}

std::vector<Labelled> read_jsonl(const std::string& text) {
  std::vector<Labelled> out;
  int line = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++line;
    const auto raw = text::trimmed(std::string_view(text).substr(start, end - start));
    start = end + 1;
    if (raw.empty()) continue;
    auto j = nlohmann::json::parse(raw, nullptr, false);
    auto field = [&](const char* name) {
      return j.contains(name) && j[name].is_string() ? text::trimmed(j[name].get<std::string>()) : std::string();
    };
    if (!j.is_object())
      out.push_back({line, "", "", "", "not a JSON object"});
    else
      out.push_back({line, field("text"), field("topic"), field("sentiment"), ""});
  }
  return out;
}

std::optional<SkippedRow> check(const Labelled& r, const std::set<std::string>& topics) {
  auto skip = [&](const char* code, std::string zh, std::string en) {
    return SkippedRow{r.line, code, std::move(zh), std::move(en)};
  };
  if (!r.unreadable.empty()) return skip("unreadable", "无法读取：" + r.unreadable, "unreadable: " + r.unreadable);
  if (r.text.empty()) return skip("required", "缺少文本", "text is required");
  if (text::utf8_length(r.text) > kMaxText)
    return skip("too_long", "文本超过 500 个字", "text is longer than 500 characters");
  if (r.topic.empty() && r.sentiment.empty())
    return skip("required", "主题和情感至少填写一项", "a topic or a sentiment is required");
  if (!r.topic.empty() && !topics.count(r.topic))
    return skip("unknown_topic", "未知主题：" + r.topic, "unknown topic: " + r.topic);
  if (!r.sentiment.empty() && r.sentiment != "positive" && r.sentiment != "negative")
    return skip("unknown_sentiment", "情感应为 positive 或 negative：" + r.sentiment,
                "sentiment must be positive or negative: " + r.sentiment);
  return std::nullopt;
}

}  // namespace

std::set<std::string> topic_codes(Context& c) {
  std::set<std::string> out;
  for (const auto& t : list_topics(c))
    if (t.active) out.insert(t.code);
  return out;
}

int seed_examples(Context& c) {
  auto& store = c.store<storage::FeedbackModelStore>();
  if (store.example_counts().seed > 0 || !store.models(0, 1).empty()) return 0;
  int n = 0;
  for (const auto& s : feedback::seed_examples()) {
    const auto put = store.put_example({.text = std::string(s.text),
                                        .topic = std::string(s.topic),
                                        .sentiment = std::string(s.sentiment),
                                        .origin = "seed",
                                        .created_at = c.now_ms,
                                        .updated_at = c.now_ms});
    n += put.write == storage::ExampleWrite::added;
  }
  return n;
}

ImportReport import_examples(Context& c, const std::string& format, const std::string& text) {
  if (format != "csv" && format != "jsonl")
    throw make_error(errors::kInvalidField,
                     {{"field", "format"}, {"problem", Text("应为 csv 或 jsonl", "must be csv or jsonl")}}, "format");
  const auto rows = format == "csv" ? read_csv(text) : read_jsonl(text);
  const auto topics = topic_codes(c);
  auto& store = c.store<storage::FeedbackModelStore>();
  ImportReport report;
  for (const auto& r : rows) {
    ++report.rows;
    if (auto skipped = check(r, topics)) {
      report.skipped.push_back(std::move(*skipped));
      continue;
    }
    const auto put =
        store.put_example({.text = r.text,
                           .topic = r.topic,
                           .sentiment = r.sentiment,
                           .origin = "import",
                           .created_at = c.now_ms,
                           .created_by = c.actor.staff_id ? std::optional<int64_t>(c.actor.staff_id) : std::nullopt,
                           .updated_at = c.now_ms});
    report.added += put.write == storage::ExampleWrite::added;
    report.updated += put.write == storage::ExampleWrite::updated;
    report.unchanged += put.write == storage::ExampleWrite::unchanged;
  }
  return report;
}

std::vector<storage::FeedbackExample> list_examples(Context& c, const storage::ExampleFilter& f) {
  auto filter = f;
  filter.limit = std::clamp(filter.limit, 1, 500);
  return c.store<storage::FeedbackModelStore>().examples(filter);
}

storage::ExampleCounts count_examples(Context& c) { return c.store<storage::FeedbackModelStore>().example_counts(); }

void delete_example(Context& c, int64_t id) {
  if (!c.store<storage::FeedbackModelStore>().delete_example(id))
    throw make_error(errors::kNotFound, {{"what", Text("样本", "example")}});
}

std::optional<int64_t> record_correction(Context& c, std::optional<int64_t> item_id, const std::string& text,
                                         const std::string& topic, const std::string& sentiment) {
  const auto t = text::trimmed(text);
  if (t.empty() || (topic.empty() && sentiment.empty())) return std::nullopt;
  // The first 500 characters: the classifier reads no more of a long text anyway.
  std::string cut = t;
  if (text::utf8_length(cut) > kMaxText) {
    std::size_t chars = 0, i = 0;
    for (; i < cut.size() && chars < kMaxText; ++i)
      if ((static_cast<unsigned char>(cut[i]) & 0xC0) != 0x80) ++chars;
    while (i < cut.size() && (static_cast<unsigned char>(cut[i]) & 0xC0) == 0x80) ++i;
    cut.resize(i);
  }
  return c.store<storage::FeedbackModelStore>()
      .put_example({.text = cut,
                    .topic = topic,
                    .sentiment = sentiment,
                    .origin = "correction",
                    .item_id = item_id,
                    .created_at = c.now_ms,
                    .created_by = c.actor.staff_id ? std::optional<int64_t>(c.actor.staff_id) : std::nullopt,
                    .updated_at = c.now_ms})
      .id;
}

}  // namespace kefu::app
