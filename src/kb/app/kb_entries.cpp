#include "kb/app/kb_entries.hpp"

#include <algorithm>
#include <set>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "core/text/trim.hpp"
#include "kb/app/kb_access.hpp"
#include "kb/storage/faq_json.hpp"
#include "kb/storage/faq_store.hpp"
#include "kb/storage/kb_catalog_store.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

using storage::FaqStore;

FaqStore& faqs(Context& c) { return c.store<FaqStore>(); }

using text::trimmed;

// Trimmed, without blanks and repeats, in the given order.
std::vector<std::string> tidy(const std::vector<std::string>& in, const std::string& except = "") {
  std::vector<std::string> out;
  std::set<std::string> seen{except};
  for (const auto& s : in)
    if (auto t = trimmed(s); !t.empty() && seen.insert(t).second) out.push_back(t);
  return out;
}

void check_list(const char* field, const std::vector<std::string>& items, std::size_t max_items,
                std::size_t max_chars) {
  if (items.size() > max_items)
    throw make_error(errors::kInvalidField,
                     {{"field", field},
                      {"problem", Text("最多 " + std::to_string(max_items) + " 项",
                                       "at most " + std::to_string(max_items) + " items")}},
                     field);
  for (const auto& s : items) check_text(field, s, max_chars, true);
}

nlohmann::json snapshot(const kb::Faq& f) {
  auto j = storage::content_json(f.content);
  j["external_id"] = f.external_id ? nlohmann::json(*f.external_id) : nullptr;
  j["category_id"] = f.category_id ? nlohmann::json(*f.category_id) : nullptr;
  j["status"] = f.status;
  j["version"] = f.version;
  return j;
}

void check_category(Context& c, const std::optional<int64_t>& id) {
  if (id && !c.store<storage::KbCatalogStore>().category(*id))
    throw make_error(errors::kUnknownReference, {{"what", Text("分类", "category")}}, "category_id");
}

void check_external_id_free(Context& c, const std::optional<std::string>& external_id, int64_t except) {
  if (!external_id) return;
  if (auto other = faqs(c).faq_by_external_id(*external_id); other && *other != except)
    throw make_error(errors::kDuplicate, {{"what", Text("外部编号 " + *external_id, "external id " + *external_id)}},
                     "external_id");
}

// Subcategories of `root`, `root` included.
std::vector<int64_t> subtree(Context& c, int64_t root) {
  const auto all = c.store<storage::KbCatalogStore>().categories();
  std::vector<int64_t> out{root};
  for (std::size_t i = 0; i < out.size(); ++i)
    for (const auto& cat : all)
      if (cat.parent_id == out[i]) out.push_back(cat.id);
  return out;
}

}  // namespace

namespace kb_rules {

FaqInput checked(Context& c, FaqInput in) {
  auto& k = in.content;
  if (in.external_id) {
    *in.external_id = trimmed(*in.external_id);
    if (in.external_id->empty()) in.external_id.reset();
  }
  if (in.external_id) check_text("external_id", *in.external_id, kb::kMaxExternalId, true);
  k.question = trimmed(k.question);
  check_text("question", k.question, kb::kMaxQuestion, true);
  k.similar = tidy(k.similar, k.question);
  check_list("similar", k.similar, kb::kMaxSimilar, kb::kMaxQuestion);
  check_text("answer", k.answer, kb::kMaxAnswer, true);
  if (trimmed(k.answer).empty()) check_text("answer", "", kb::kMaxAnswer, true);
  k.keywords = tidy(k.keywords);
  check_list("keywords", k.keywords, kb::kMaxKeywords, kb::kMaxKeyword);
  check_enum("audience", k.audience, k.audience == "customer" || k.audience == "internal");
  if (k.valid_from && k.valid_to && *k.valid_from >= *k.valid_to)
    throw make_error(errors::kInvalidRange, {{"what", Text("有效期", "validity")}}, "valid_to");
  check_category(c, in.category_id);
  return in;
}

kb::Faq create(Context& c, const FaqInput& in) {
  check_external_id_free(c, in.external_id, 0);
  kb::Faq f{.external_id = in.external_id,
            .category_id = in.category_id,
            .status = "draft",
            .content = in.content,
            .created_at = c.now_ms,
            .created_by = c.actor.staff_id,
            .updated_at = c.now_ms,
            .updated_by = c.actor.staff_id};
  f.id = faqs(c).insert_faq(f);
  audit(c, "kb_entry.create", "kb_entry", f.id, nullptr, snapshot(f));
  return f;
}

kb::Faq edit(Context& c, kb::Faq f, const FaqInput& in) {
  if (in.base_updated_at && *in.base_updated_at != f.updated_at)
    throw make_error(errors::kVersionConflict, {{"what", Text("知识库条目", "knowledge base entry")}}, "updated_at");
  check_external_id_free(c, in.external_id, f.id);
  const auto before = snapshot(f);
  f.external_id = in.external_id;
  f.category_id = in.category_id;
  f.updated_at = c.now_ms;
  f.updated_by = c.actor.staff_id;
  if (f.status == "published") {
    // Customers keep the published content until the draft is published.
    if (in.content == f.content) {
      faqs(c).drop_draft(f.id);
      f.draft.reset();
    } else {
      f.draft = kb::FaqDraft{in.content, c.now_ms, c.actor.staff_id};
      faqs(c).put_draft(f.id, *f.draft);
    }
  } else {
    f.content = in.content;
  }
  faqs(c).update_faq(f);
  auto after = snapshot(f);
  if (f.draft) after["draft"] = storage::content_json(f.draft->content);
  audit(c, "kb_entry.update", "kb_entry", f.id, before, after);
  return f;
}

kb::Faq publish(Context& c, kb::Faq f) {
  if (f.status == "published" && !f.draft) return f;
  const auto before = snapshot(f);
  if (f.draft) f.content = f.draft->content;
  f.draft.reset();
  f.status = "published";
  f.version += 1;
  f.updated_at = c.now_ms;
  f.updated_by = c.actor.staff_id;
  f.published_at = c.now_ms;
  f.published_by = c.actor.staff_id;
  faqs(c).drop_draft(f.id);
  faqs(c).update_faq(f);
  faqs(c).insert_version({f.id, f.version, f.content, f.variants, c.now_ms, c.actor.staff_id});
  audit(c, "kb_entry.publish", "kb_entry", f.id, before, snapshot(f));
  return f;
}

}  // namespace kb_rules

std::vector<kb::Faq> list_faqs(Context& c, const FaqQuery& q) {
  kb_access::reader(c);
  check_text("q", q.text, 100, false);
  if (q.status) check_enum("status", *q.status, *q.status == "draft" || *q.status == "published");
  if (q.audience) check_enum("audience", *q.audience, *q.audience == "customer" || *q.audience == "internal");
  storage::FaqFilter f{.text = q.text,
                       .status = q.status,
                       .audience = q.audience,
                       .store_id = q.store_id,
                       .with_draft_only = q.pending,
                       .after_id = q.after_id,
                       .limit = std::clamp(q.limit, 1, 1000)};
  if (q.category_id) f.category_ids = subtree(c, *q.category_id);
  return faqs(c).faqs(f);
}

kb::Faq get_faq(Context& c, int64_t id) {
  kb_access::reader(c);
  return kb_access::entry(c, id);
}

kb::Faq create_faq(Context& c, const FaqInput& in) {
  kb_access::editor(c);
  return kb_rules::create(c, kb_rules::checked(c, in));
}

kb::Faq update_faq(Context& c, int64_t id, const FaqInput& in) {
  kb_access::editor(c);
  auto f = kb_access::entry(c, id);
  return kb_rules::edit(c, std::move(f), kb_rules::checked(c, in));
}

kb::Faq publish_faq(Context& c, int64_t id) {
  kb_access::editor(c);
  return kb_rules::publish(c, kb_access::entry(c, id));
}

kb::Faq discard_draft(Context& c, int64_t id) {
  kb_access::editor(c);
  auto f = kb_access::entry(c, id);
  if (!f.draft) return f;
  faqs(c).drop_draft(id);
  audit(c, "kb_entry.discard_draft", "kb_entry", id, storage::content_json(f.draft->content), nullptr);
  f.draft.reset();
  return f;
}

void delete_faq(Context& c, int64_t id) {
  kb_access::editor(c);
  auto f = kb_access::entry(c, id);
  faqs(c).delete_faq(id);
  audit(c, "kb_entry.delete", "kb_entry", id, snapshot(f), nullptr);
}

std::vector<kb::FaqVersion> faq_versions(Context& c, int64_t id) {
  kb_access::reader(c);
  kb_access::entry(c, id);
  return faqs(c).versions(id);
}

int move_faqs(Context& c, const std::vector<int64_t>& ids, std::optional<int64_t> category_id) {
  kb_access::editor(c);
  if (ids.empty() || ids.size() > 1000)
    throw make_error(errors::kInvalidField,
                     {{"field", "ids"}, {"problem", Text("应为 1–1000 个条目", "1–1000 entries")}}, "ids");
  check_category(c, category_id);
  for (auto id : ids)
    if (!faqs(c).faq(id)) throw make_error(errors::kUnknownReference, {{"what", Text("条目", "entry")}}, "ids");
  const int moved = faqs(c).move_faqs(ids, category_id, c.now_ms, c.actor.staff_id);
  audit(c, "kb_entry.move", "kb_category", category_id.value_or(0), nullptr,
        {{"ids", ids}, {"category_id", category_id ? nlohmann::json(*category_id) : nullptr}});
  return moved;
}

kb::Faq put_variant(Context& c, int64_t entry_id, int64_t store_id, const std::string& answer) {
  kb_access::variant_keeper(c, store_id);
  check_text("answer", answer, kb::kMaxAnswer, false);
  auto f = kb_access::entry(c, entry_id);
  const auto old = f.variants.count(store_id) ? nlohmann::json(f.variants[store_id]) : nlohmann::json(nullptr);
  const auto text = trimmed(answer).empty() ? std::string() : answer;
  faqs(c).put_variant(entry_id, store_id, text, c.now_ms, c.actor.staff_id);
  if (text.empty())
    f.variants.erase(store_id);
  else
    f.variants[store_id] = text;
  audit(c, "kb_entry.variant", "kb_entry", entry_id, {{"store_id", store_id}, {"answer", old}},
        {{"store_id", store_id}, {"answer", text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text)}});
  return f;
}

}  // namespace kefu::app
