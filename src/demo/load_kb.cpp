#include "demo/load_kb.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <sstream>
#include <stdexcept>

#include "auth/app/auth.hpp"
#include "demo/kb_texts.hpp"
#include "kb/app/kb_catalog.hpp"
#include "kb/app/kb_transfer.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::demo {
namespace {

using nlohmann::json;

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, ';');)
    if (!part.empty()) out.push_back(part);
  return out;
}

// The texts as one JSON Lines file, as a customer would import it.
std::string kb_file() {
  std::map<std::string, json> variants;
  for (const auto& v : kb_variant_texts()) variants[v.external_id][v.store_code] = v.answer;
  std::string out;
  for (const auto* texts : {&kb_faq_texts_1(), &kb_faq_texts_2(), &kb_internal_texts()})
    for (const auto& t : *texts) {
      json row{{"external_id", std::string("demo-") + t.external_id},
               {"category", t.category},
               {"question", t.question},
               {"similar", split(t.similar)},
               {"answer", t.answer},
               {"keywords", split(t.keywords)},
               {"audience", t.internal ? "internal" : "customer"},
               {"status", "published"}};
      if (auto it = variants.find(t.external_id); it != variants.end()) row["variants"] = it->second;
      out += row.dump() + "\n";
    }
  return out;
}

}  // namespace

void load_demo_kb(storage::Stores& r, int64_t now) {
  std::optional<people::Actor> admin;
  for (const auto& s : r.get<storage::OrgStore>().staff_list())
    if (s.username == "admin") admin = app::actor_of(s);
  if (!admin) throw std::runtime_error("demo kb: no admin");
  app::Context c{r, *admin, now, nullptr};
  const auto report = app::import_faqs(c, "jsonl", kb_file());
  if (!report.rejected.empty())
    throw std::runtime_error("demo kb: line " + std::to_string(report.rejected[0].line) + ": " +
                             report.rejected[0].message_en);
  for (const auto* words : kb_synonym_texts()) app::create_synonyms(c, split(words));
  for (const auto& t : kb_small_talk_texts()) app::create_small_talk(c, t.pattern, t.reply);
}

}  // namespace kefu::demo
