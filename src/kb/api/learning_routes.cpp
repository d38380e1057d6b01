// What the FAQ bot would answer (POST /kb/match) and what its matcher learned from: usage
// signals, imported paraphrase pairs, and the current build's summary (docs/kb.md).
#include <cstdlib>

#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/errors.hpp"
#include "kb/api/rebuilding.hpp"
#include "kb/app/kb_access.hpp"
#include "kb/app/kb_learning.hpp"
#include "kb/app/knowledge.hpp"
#include "kb/storage/faq_store.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

const app::KbKnowledge* knowledge(const Services& s) { return dynamic_cast<const app::KbKnowledge*>(s.knowledge); }

bool req_bool(const json& b, const char* field) {
  if (!b.contains(field)) throw make_error(errors::kRequired, {{"what", field}}, field);
  if (!b[field].is_boolean())
    throw make_error(errors::kInvalidField,
                     {{"field", field}, {"problem", Text("应为 true 或 false", "must be a boolean")}}, field);
  return b[field].get<bool>();
}

storage::LearningFilter filter_of(const http::Request& req) {
  storage::LearningFilter f;
  if (auto v = req.query_value("source"); !v.empty()) f.source = v;
  f.entry_id = query_int(req, "faq_id");
  if (auto v = req.query_value("revoked"); !v.empty()) f.revoked = v == "true";
  f.before_id = query_int(req, "before").value_or(0);
  f.limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(100), 1, 500));
  return f;
}

// Staff and entries named by a page of rows, read once each.
class Names {
 public:
  explicit Names(app::Context& c) : c_(c) {}
  json staff(std::optional<int64_t> id) {
    if (!id) return nullptr;
    auto [it, fresh] = staff_.try_emplace(*id);
    if (fresh) {
      const auto s = c_.store<storage::OrgStore>().staff(*id);
      it->second = {{"id", *id}, {"name", s ? s->display_name : ""}};
    }
    return it->second;
  }
  std::string question(int64_t entry) {
    auto [it, fresh] = entries_.try_emplace(entry);
    if (fresh) {
      const auto f = c_.store<storage::FaqStore>().faq(entry);
      it->second = f ? f->content.question : "";
    }
    return it->second;
  }

 private:
  app::Context& c_;
  std::map<int64_t, json> staff_;
  std::map<int64_t, std::string> entries_;
};

json opt(std::optional<int64_t> v) { return v ? json(*v) : json(nullptr); }

json signal_json(const kb::Signal& g, Names& names) {
  return {{"id", g.id},
          {"query", g.query},
          {"faq_id", g.entry_id},
          {"faq_question", names.question(g.entry_id)},
          {"source", g.source},
          {"store_id", opt(g.store_id)},
          {"conversation_id", opt(g.conversation_id)},
          {"ticket_id", opt(g.ticket_id)},
          {"created_by", names.staff(g.created_by)},
          {"created_at", g.created_at},
          {"revoked_at", opt(g.revoked_at)},
          {"revoked_by", names.staff(g.revoked_by)}};
}

json pair_json(const kb::Pair& p, Names& names) {
  return {{"id", p.id},
          {"a", p.a},
          {"b", p.b},
          {"same", p.same},
          {"source", p.source},
          {"created_by", names.staff(p.created_by)},
          {"created_at", p.created_at},
          {"revoked_at", opt(p.revoked_at)},
          {"revoked_by", names.staff(p.revoked_by)}};
}

template <class T>
json page(const std::vector<T>& rows, int limit, json items) {
  json out{{"items", std::move(items)}};
  out["next_before"] = static_cast<int>(rows.size()) == limit ? json(rows.back().id) : json(nullptr);
  return out;
}

void match(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::MatchInput in{req_string(b, "question"), maybe_int(b, "store_id"), maybe_int(b, "top_k").value_or(3)};
  const auto* k = knowledge(s);
  read(s, req, reply, actor, [in, k](app::Context& c) {
    const auto found = app::match_faqs(c, k, in);
    json items = json::array();
    for (const auto& i : found.items)
      items.push_back({{"faq_id", i.faq_id},
                       {"external_id", i.external_id ? json(*i.external_id) : json(nullptr)},
                       {"question", i.question},
                       {"score", i.score},
                       {"probability", i.probability},
                       {"answer", i.answer}});
    return ok(200, {{"items", items}, {"confidence", found.confidence}, {"ready", k && k->ready()}});
  });
}

void add_signal(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::SignalInput in{req_string(b, "query"),          req_int(b, "faq_id"),      req_string(b, "source"),
                      maybe_int(b, "conversation_id"), maybe_int(b, "ticket_id"), maybe_int(b, "store_id")};
  write(s, req, rebuilding(s, std::move(reply)), actor, [in](app::Context& c) {
    Names names(c);
    return ok(201, {{"signal", signal_json(app::record_staff_signal(c, in), names)}});
  });
}

void list_signals(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto f = filter_of(req);
  read(s, req, reply, actor, [f](app::Context& c) {
    Names names(c);
    const auto rows = app::list_signals(c, f);
    json items = json::array();
    for (const auto& g : rows) items.push_back(signal_json(g, names));
    return ok(200, page(rows, f.limit, items));
  });
}

void patch_signal(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  const auto revoked = req_bool(parse_object(req), "revoked");
  write(s, req, rebuilding(s, std::move(reply)), actor, [id, revoked](app::Context& c) {
    Names names(c);
    return ok(200, {{"signal", signal_json(app::set_signal_revoked(c, id, revoked), names)}});
  });
}

void import_pairs(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto format = req_string(b, "format");
  auto text = req_string(b, "text");
  write(s, req, rebuilding(s, std::move(reply)), actor, [format, text](app::Context& c) {
    const auto r = app::import_pairs(c, format, text);
    json rejected = json::array();
    for (const auto& x : r.rejected)
      rejected.push_back(
          {{"line", x.line}, {"code", x.code}, {"message_zh", x.message_zh}, {"message_en", x.message_en}});
    return ok(200, {{"rows", r.rows},
                    {"added", r.added},
                    {"updated", r.updated},
                    {"unchanged", r.unchanged},
                    {"rejected", rejected}});
  });
}

void list_pairs(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto f = filter_of(req);
  f.entry_id.reset();
  read(s, req, reply, actor, [f](app::Context& c) {
    Names names(c);
    const auto rows = app::list_pairs(c, f);
    json items = json::array();
    for (const auto& p : rows) items.push_back(pair_json(p, names));
    return ok(200, page(rows, f.limit, items));
  });
}

void patch_pair(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  const auto revoked = req_bool(parse_object(req), "revoked");
  write(s, req, rebuilding(s, std::move(reply)), actor, [id, revoked](app::Context& c) {
    Names names(c);
    return ok(200, {{"pair", pair_json(app::set_pair_revoked(c, id, revoked), names)}});
  });
}

void learning(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto* k = knowledge(s);
  read(s, req, reply, actor, [k](app::Context& c) {
    const auto counts = app::learning_counts(c);
    json out{{"signals", {{"active", counts.signals}, {"revoked", counts.signals_revoked}}},
             {"pairs", {{"active", counts.pairs}, {"revoked", counts.pairs_revoked}}},
             {"built_at", nullptr},
             {"build_ms", nullptr},
             {"entries", 0},
             {"questions", 0},
             {"learned", {{"signals", 0}, {"pairs", 0}}},
             {"report", nullptr}};
    const auto snap = k ? k->current() : nullptr;
    if (snap) {
      out["built_at"] = snap->built_at;
      out["build_ms"] = snap->build_ms;
      out["entries"] = snap->entries;
      out["learned"] = {{"signals", snap->signals}, {"pairs", snap->pairs}};
      if (snap->matcher) {
        const auto& r = snap->matcher->report();
        out["questions"] = snap->matcher->question_count();
        out["report"] = {{"kb_queries", r.kb_queries},
                         {"signal_queries", r.signal_queries},
                         {"pseudo_queries", r.pseudo_queries},
                         {"pairs", r.pairs},
                         {"samples", r.samples},
                         {"positives", r.positives},
                         {"heldout_top1", r.heldout_top1}};
      }
    }
    return ok(200, out);
  });
}

// ?min_score= in [0, 1] (default 0.5: at least half of each one's questions go to the other).
double min_score(const http::Request& req) {
  const std::string text(req.query_value("min_score"));
  if (text.empty()) return 0.5;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !(v >= 0 && v <= 1))
    throw make_error(errors::kInvalidField, {{"field", "min_score"}, {"problem", Text("应为 0–1", "must be 0–1")}},
                     "min_score");
  return v;
}

void duplicates(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto* k = knowledge(s);
  const auto floor = min_score(req);
  read(s, req, reply, actor, [k, floor](app::Context& c) {
    app::kb_access::editor(c);
    const auto found = k ? k->duplicates() : app::KnowledgeDuplicates{};
    const auto snap = k ? k->current() : nullptr;
    static constexpr const char* kStatus[] = {"none", "computing", "ready"};
    json items = json::array();
    auto side = [&](int64_t id) {
      json j{{"faq_id", id}, {"question", ""}, {"external_id", nullptr}};
      if (snap)
        if (auto it = snap->answers.find(id); it != snap->answers.end()) {
          j["question"] = it->second.question;
          if (it->second.external_id) j["external_id"] = *it->second.external_id;
        }
      return j;
    };
    for (const auto& d : found.items)
      if (d.score >= floor) items.push_back({{"a", side(d.a)}, {"b", side(d.b)}, {"score", d.score}});
    return ok(200, {{"status", kStatus[static_cast<int>(found.status)]},
                    {"built_at", found.built_at ? json(found.built_at) : json(nullptr)},
                    {"computed_ms", found.computed_ms},
                    {"items", items}});
  });
}

}  // namespace

void add_kb_learning_routes(RouteTable& r) {
  r.add("POST", "/api/v1/kb/match", staff("agent", "kb:read"), match);
  r.add("POST", "/api/v1/kb/signals", staff("agent", "kb:read"), add_signal);
  r.add("GET", "/api/v1/kb/signals", staff("admin", "kb:write"), list_signals);
  r.add("PATCH", "/api/v1/kb/signals/{id}", staff("admin", "kb:write"), patch_signal);
  r.add("POST", "/api/v1/kb/paraphrases", staff("admin", "kb:write"), import_pairs);
  r.add("GET", "/api/v1/kb/paraphrases", staff("admin", "kb:write"), list_pairs);
  r.add("PATCH", "/api/v1/kb/paraphrases/{id}", staff("admin", "kb:write"), patch_pair);
  r.add("GET", "/api/v1/kb/learning", staff("admin", "kb:write"), learning);
  r.add("GET", "/api/v1/kb/duplicates", staff("admin", "kb:write"), duplicates);
}

}  // namespace kefu::api
