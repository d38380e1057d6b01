#include "kb/api/render.hpp"

#include "kb/app/markdown.hpp"

namespace kefu::api::kb_render {
namespace {

using nlohmann::json;

json opt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

json content(const kb::FaqContent& c) {
  return {{"question", c.question},
          {"similar", c.similar},
          {"answer", c.answer},
          {"answer_html", app::markdown_html(c.answer)},
          {"keywords", c.keywords},
          {"audience", c.audience},
          {"valid_from", opt(c.valid_from)},
          {"valid_to", opt(c.valid_to)}};
}

json variants(const std::map<int64_t, std::string>& v) {
  json out = json::array();
  for (const auto& [store, answer] : v)
    out.push_back({{"store_id", store}, {"answer", answer}, {"answer_html", app::markdown_html(answer)}});
  return out;
}

}  // namespace

json faq(const kb::Faq& f) {
  auto j = content(f.content);
  j["id"] = f.id;
  j["external_id"] = f.external_id ? json(*f.external_id) : json(nullptr);
  j["category_id"] = opt(f.category_id);
  j["status"] = f.status;
  j["version"] = f.version;
  j["variants"] = variants(f.variants);
  if (f.draft) {
    auto d = content(f.draft->content);
    d["updated_at"] = f.draft->updated_at;
    d["updated_by"] = f.draft->updated_by;
    j["draft"] = d;
  } else {
    j["draft"] = nullptr;
  }
  j["created_at"] = f.created_at;
  j["created_by"] = f.created_by;
  j["updated_at"] = f.updated_at;
  j["updated_by"] = f.updated_by;
  j["published_at"] = opt(f.published_at);
  j["published_by"] = opt(f.published_by);
  return j;
}

json version(const kb::FaqVersion& v) {
  auto j = content(v.content);
  j["entry_id"] = v.entry_id;
  j["version"] = v.version;
  j["variants"] = variants(v.variants);
  j["published_at"] = v.published_at;
  j["published_by"] = v.published_by;
  return j;
}

json category(const kb::Category& c) {
  return {{"id", c.id}, {"parent_id", opt(c.parent_id)}, {"name", c.name}, {"position", c.position}};
}

json synonyms(const kb::SynonymGroup& g) {
  return {{"id", g.id}, {"words", g.words}, {"updated_at", g.updated_at}, {"updated_by", g.updated_by}};
}

json small_talk(const kb::SmallTalk& t) {
  return {{"id", t.id},
          {"pattern", t.pattern},
          {"reply", t.reply},
          {"updated_at", t.updated_at},
          {"updated_by", t.updated_by}};
}

json report(const app::ImportReport& r) {
  json rejected = json::array();
  for (const auto& x : r.rejected)
    rejected.push_back({{"line", x.line},
                        {"external_id", x.external_id},
                        {"code", x.code},
                        {"message", x.message_zh},
                        {"message_en", x.message_en},
                        {"field", x.field}});
  return {{"rows", r.rows},
          {"created", r.created},
          {"updated", r.updated},
          {"unchanged", r.unchanged},
          {"rejected", rejected}};
}

}  // namespace kefu::api::kb_render
