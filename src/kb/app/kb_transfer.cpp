#include "kb/app/kb_transfer.hpp"

#include <map>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "kb/app/kb_access.hpp"
#include "kb/app/kb_catalog.hpp"
#include "kb/app/kb_entries.hpp"
#include "kb/app/kb_formats.hpp"
#include "kb/storage/faq_store.hpp"
#include "kb/storage/kb_catalog_store.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app {
namespace {

using nlohmann::json;

Error wrong_type(const std::string& field, const char* zh, const char* en) {
  return make_error(errors::kInvalidType, {{"field", field}, {"expected", Text(zh, en)}}, field);
}

std::string text_field(const json& row, const char* field) {
  auto it = row.find(field);
  if (it == row.end() || it->is_null()) return "";
  if (!it->is_string()) throw wrong_type(field, "文本", "text");
  return it->get<std::string>();
}

std::vector<std::string> list_field(const json& row, const char* field) {
  auto it = row.find(field);
  if (it == row.end() || it->is_null()) return {};
  if (!it->is_array()) throw wrong_type(field, "文本列表", "a list of texts");
  std::vector<std::string> out;
  for (const auto& v : *it) {
    if (!v.is_string()) throw wrong_type(field, "文本列表", "a list of texts");
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::optional<int64_t> time_field(const json& row, const char* field) {
  auto it = row.find(field);
  if (it == row.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) throw wrong_type(field, "时间", "a time");
  return it->get<int64_t>();
}

struct Wanted {
  FaqInput input;
  std::string category_path;
  std::map<int64_t, std::string> variants;
  bool publish = true;
};

// The row as an entry's input, checked; no write yet.
Wanted wanted(Context& c, const json& row, const std::map<std::string, int64_t>& store_ids) {
  Wanted w;
  w.input.external_id = text_field(row, "external_id");
  w.input.content.question = text_field(row, "question");
  w.input.content.similar = list_field(row, "similar");
  w.input.content.answer = text_field(row, "answer");
  w.input.content.keywords = list_field(row, "keywords");
  const auto audience = text_field(row, "audience");
  w.input.content.audience = audience.empty() ? "customer" : audience;
  w.input.content.valid_from = time_field(row, "valid_from");
  w.input.content.valid_to = time_field(row, "valid_to");
  const auto status = text_field(row, "status");
  check_enum("status", status, status.empty() || status == "published" || status == "draft");
  w.publish = status != "draft";
  w.category_path = text_field(row, "category");
  w.input = kb_rules::checked(c, w.input);
  if (!w.input.external_id) throw make_error(errors::kRequired, {{"what", "external_id"}}, "external_id");
  auto v = row.find("variants");
  if (v != row.end() && !v->is_null()) {
    if (!v->is_object()) throw wrong_type("variants", "以门店编码为键的对象", "an object keyed by store code");
    for (const auto& [code, answer] : v->items()) {
      auto store = store_ids.find(code);
      if (store == store_ids.end())
        throw make_error(errors::kUnknownReference, {{"what", Text("门店 " + code, "store " + code)}}, "variants");
      if (!answer.is_string()) throw wrong_type("variants", "文本", "text");
      check_text("variants", answer.get<std::string>(), kb::kMaxAnswer, false);
      if (!answer.get<std::string>().empty()) w.variants[store->second] = answer.get<std::string>();
    }
  }
  return w;
}

enum class Outcome { created, updated, unchanged };

Outcome apply(Context& c, Wanted w) {
  auto& faqs = c.store<storage::FaqStore>();
  if (!w.category_path.empty()) w.input.category_id = category_at_path(c, w.category_path);
  auto id = faqs.faq_by_external_id(*w.input.external_id);
  std::optional<kb::Faq> f;
  if (id) f = faqs.faq(*id);
  if (f) {
    const auto& now = f->draft ? f->draft->content : f->content;
    const bool published = f->status == "published" && !f->draft;
    if (now == w.input.content && f->category_id == w.input.category_id && f->variants == w.variants &&
        (!w.publish || published))
      return Outcome::unchanged;
  }
  const bool created = !f;
  kb::Faq entry = f ? kb_rules::edit(c, *f, w.input) : kb_rules::create(c, w.input);
  for (const auto& [store, _] : entry.variants)
    if (!w.variants.count(store)) faqs.put_variant(entry.id, store, "", c.now_ms, c.actor.staff_id);
  for (const auto& [store, answer] : w.variants)
    if (entry.variants[store] != answer) faqs.put_variant(entry.id, store, answer, c.now_ms, c.actor.staff_id);
  entry.variants = w.variants;
  if (w.publish) kb_rules::publish(c, entry);
  return created ? Outcome::created : Outcome::updated;
}

std::map<std::string, int64_t> store_ids_by_code(Context& c) {
  std::map<std::string, int64_t> out;
  for (const auto& s : c.store<storage::OrgStore>().stores()) out[s.code] = s.id;
  return out;
}

}  // namespace

ImportReport import_faqs(Context& c, const std::string& format, const std::string& text) {
  kb_access::editor(c);
  check_enum("format", format, format == "csv" || format == "jsonl");
  const auto rows = format == "csv" ? kb_formats::read_csv(text) : kb_formats::read_jsonl(text);
  if (rows.size() > kMaxImportRows)
    throw make_error(errors::kInvalidField,
                     {{"field", "body"},
                      {"problem", Text("一次最多导入 " + std::to_string(kMaxImportRows) + " 行，请分批上传",
                                       "at most " + std::to_string(kMaxImportRows) + " rows per request")}},
                     "body");
  const auto stores = store_ids_by_code(c);
  ImportReport report;
  for (const auto& row : rows) {
    ++report.rows;
    const auto external_id = row.data.value("external_id", json("")).is_string()
                                 ? row.data.value("external_id", std::string())
                                 : std::string();
    if (!row.problem.empty()) {
      report.rejected.push_back(
          {row.line, external_id, "invalid_field", "无法读取：" + row.problem, "cannot be read: " + row.problem, ""});
      continue;
    }
    try {
      switch (apply(c, wanted(c, row.data, stores))) {
        case Outcome::created:
          ++report.created;
          break;
        case Outcome::updated:
          ++report.updated;
          break;
        case Outcome::unchanged:
          ++report.unchanged;
          break;
      }
    } catch (const Error& e) {
      report.rejected.push_back({row.line, external_id, e.code(), e.message_zh(), e.message_en(), e.field()});
    }
  }
  return report;
}

std::string export_faqs(Context& c, const std::string& format) {
  kb_access::reader(c);
  check_enum("format", format, format == "csv" || format == "jsonl");
  const auto categories = c.store<storage::KbCatalogStore>().categories();
  std::map<int64_t, std::string> codes;
  for (const auto& s : c.store<storage::OrgStore>().stores()) codes[s.id] = s.code;
  std::vector<json> rows;
  std::map<std::string, bool> variant_codes;
  storage::FaqFilter f{.limit = 1000};
  for (;;) {
    auto page = c.store<storage::FaqStore>().faqs(f);
    for (const auto& e : page) {
      const auto& k = e.content;
      json variants = json::object();
      for (const auto& [store, answer] : e.variants) {
        variants[codes[store]] = answer;
        variant_codes[codes[store]] = true;
      }
      rows.push_back({{"external_id", e.external_id.value_or("")},
                      {"question", k.question},
                      {"similar", k.similar},
                      {"answer", k.answer},
                      {"category", e.category_id ? category_path(categories, *e.category_id) : ""},
                      {"keywords", k.keywords},
                      {"audience", k.audience},
                      {"status", e.status},
                      {"valid_from", k.valid_from ? json(*k.valid_from) : json(nullptr)},
                      {"valid_to", k.valid_to ? json(*k.valid_to) : json(nullptr)},
                      {"variants", variants}});
    }
    if (page.size() < 1000) break;
    f.after_id = page.back().id;
  }
  if (format == "jsonl") return kb_formats::write_jsonl(rows);
  std::vector<std::string> store_codes;
  for (const auto& [code, _] : variant_codes) store_codes.push_back(code);
  return kb_formats::write_csv(rows, store_codes);
}

}  // namespace kefu::app
