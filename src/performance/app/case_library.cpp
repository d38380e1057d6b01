#include "performance/app/case_library.hpp"

#include <algorithm>

#include "chat/storage/conversation_store.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "members/storage/identity_store.hpp"
#include "members/storage/member_store.hpp"
#include "performance/app/kpi_rules.hpp"
#include "performance/domain/anonymise.hpp"
#include "performance/storage/performance_store.hpp"
#include "public_tickets/storage/contact_store.hpp"
#include "tickets/app/record.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app {
namespace {

using performance::CaseEntry;

constexpr std::size_t kMaxStory = 20000;

Error not_found() { return make_error(errors::kNotFound, {{"what", Text("案例", "case entry")}}); }

void know_member(Context& c, std::optional<int64_t> member_id, performance::KnownCustomer& who) {
  if (!member_id) return;
  if (auto m = c.store<storage::MemberStore>().member(*member_id)) {
    who.names.push_back(m->name);
    who.ids.push_back(m->member_no);
    who.ids.push_back(m->phone);
  }
  for (const auto& i : c.store<storage::IdentityStore>().identities(*member_id)) who.ids.push_back(i.value);
}

std::string ticket_story(Context& c, int64_t ticket_id, int64_t* store_id) {
  auto t = ticket_in_store(c, ticket_id);
  *store_id = t.store_id;
  performance::KnownCustomer who;
  know_member(c, t.member_id, who);
  if (auto k = c.store<storage::ContactStore>().ticket_contact(t.id)) {
    who.names.push_back(k->name);
    who.ids.push_back(k->phone);
  }
  std::string s = "【" + std::string(t.type.zh()) + "】" + t.subject + "\n" + t.description + "\n";
  for (const auto& e : c.store<storage::TimelineStore>().events(t.id)) {
    // Skipped: empty events, and the notes naming staff (a lesson is about the work, not a person).
    if (e.body.empty() || e.data.find("\"staff_record_id\"") != std::string::npos) continue;
    if (e.kind == "customer_reply")
      s += "顾客：" + e.body + "\n";
    else if (e.kind == "reply")
      s += "客服：" + e.body + "\n";
    else if (e.kind == "note")
      s += "（内部备注）" + e.body + "\n";
  }
  return performance::anonymise(s, who);
}

std::string chat_story(Context& c, int64_t conversation_id, int64_t* store_id) {
  auto& chats = c.store<storage::ConversationStore>();
  auto conv = chats.conversation(conversation_id);
  if (!conv || !c.actor.in_store(conv->store_id))
    throw make_error(errors::kNotFound, {{"what", Text("会话", "conversation")}});
  *store_id = conv->store_id;
  performance::KnownCustomer who;
  know_member(c, conv->member_id, who);
  who.names.push_back(conv->customer_name);
  std::string s = "【在线会话】\n";
  for (int64_t after = 0;;) {
    auto batch = chats.messages_after(conv->id, after, 500);
    for (const auto& m : batch) {
      if (m.kind == "whisper" || m.kind == "event" || m.body.empty()) continue;
      const char* who_said = m.sender == "customer" ? "顾客："
                             : m.sender == "agent"  ? "客服："
                             : m.sender == "bot"    ? "机器人："
                                                    : "系统：";
      s += who_said + m.body + "\n";
    }
    if (batch.size() < 500) break;
    after = batch.back().seq;
  }
  return performance::anonymise(s, who);
}

void check_tags(const std::vector<std::string>& tags) {
  if (tags.size() > 10)
    throw make_error(errors::kInvalidField, {{"field", "tags"}, {"problem", Text("最多 10 个标签", "at most 10 tags")}},
                     "tags");
  for (const auto& t : tags) {
    check_text("tags", t, 20, true);
    if (t.find(',') != std::string::npos)
      throw make_error(errors::kInvalidField, {{"field", "tags"}, {"problem", Text("标签不能含逗号", "no commas")}},
                       "tags");
  }
}

nlohmann::json snapshot(const CaseEntry& e) {
  return {{"kind", e.kind.code()}, {"title", e.title}, {"lesson", e.lesson}, {"tags", e.tags}};
}

CaseEntry visible(Context& c, int64_t id) {
  auto e = c.store<storage::PerformanceStore>().case_entry(id);
  if (!e || !c.actor.in_store(e->store_id)) throw not_found();
  return *e;
}

std::string case_story(Context& c, std::optional<int64_t> ticket_id, std::optional<int64_t> conversation_id,
                       int64_t* store_id) {
  if (ticket_id.has_value() == conversation_id.has_value())
    throw make_error(
        errors::kInvalidField,
        {{"field", "ticket_id"},
         {"problem", Text("须且只能指定工单或会话之一", "give exactly one of ticket_id and conversation_id")}},
        "ticket_id");
  return ticket_id ? ticket_story(c, *ticket_id, store_id) : chat_story(c, *conversation_id, store_id);
}

}  // namespace

std::string preview_case_story(Context& c, std::optional<int64_t> ticket_id, std::optional<int64_t> conversation_id,
                               int64_t* store_id) {
  require_scope(c.actor, "quality:read");
  require_role(c.actor, "supervisor");
  return case_story(c, ticket_id, conversation_id, store_id);
}

CaseEntry create_case(Context& c, const NewCase& n) {
  require_scope(c.actor, "quality:write");
  require_role(c.actor, "supervisor");
  check_text("title", n.title, 100, true);
  check_text("lesson", n.lesson, 2000, true);
  check_tags(n.tags);
  check_optional_text("story", n.story, kMaxStory);
  CaseEntry e{.ticket_id = n.ticket_id,
              .conversation_id = n.conversation_id,
              .kind = n.kind,
              .title = n.title,
              .lesson = n.lesson,
              .tags = n.tags};
  e.story = case_story(c, n.ticket_id, n.conversation_id, &e.store_id);
  if (n.story) {
    // The author's own telling: anonymised with what the source knows of the customer.
    performance::KnownCustomer none;
    e.story = performance::anonymise(*n.story, none);
  }
  if (e.story.size() > kMaxStory * 3) e.story.resize(kMaxStory * 3);
  e.created_by = c.actor.staff_id;
  e.created_at = e.updated_at = c.now_ms;
  e.id = c.store<storage::PerformanceStore>().insert_case(e);
  audit(c, "case_entry.create", "case_entry", e.id, nullptr, snapshot(e));
  return e;
}

CaseEntry update_case(Context& c, int64_t id, const CasePatch& p) {
  require_scope(c.actor, "quality:write");
  require_role(c.actor, "supervisor");
  auto e = visible(c, id);
  if (p.version && *p.version != e.version)
    throw make_error(errors::kVersionConflict, {{"what", Text("案例", "case entry")}, {"version", e.version}});
  const auto before = snapshot(e);
  if (p.kind) e.kind = *p.kind;
  if (p.title) {
    check_text("title", *p.title, 100, true);
    e.title = *p.title;
  }
  if (p.lesson) {
    check_text("lesson", *p.lesson, 2000, true);
    e.lesson = *p.lesson;
  }
  if (p.tags) {
    check_tags(*p.tags);
    e.tags = *p.tags;
  }
  if (p.story) {
    check_text("story", *p.story, kMaxStory, true);
    e.story = performance::anonymise(*p.story, {});
  }
  const int64_t expected = e.version;
  e.version = expected + 1;
  e.updated_at = c.now_ms;
  if (!c.store<storage::PerformanceStore>().update_case(e, expected))
    throw make_error(errors::kVersionConflict, {{"what", Text("案例", "case entry")}, {"version", e.version}});
  audit(c, "case_entry.update", "case_entry", e.id, before, snapshot(e));
  return e;
}

CaseEntry case_entry(Context& c, int64_t id) {
  require_scope(c.actor, "quality:read");
  return visible(c, id);
}

std::vector<CaseEntry> case_library(Context& c, const CaseQuery& q) {
  require_scope(c.actor, "quality:read");
  storage::CaseFilter f{
      .kind = q.kind, .query = q.q, .tag = q.tag, .before_id = q.before_id, .limit = std::clamp(q.limit, 1, 200)};
  if (q.kind) parse_enum<performance::CaseKind>("kind", *q.kind);
  if (q.store_id) {
    require_store(c, *q.store_id);
    f.store_ids = {*q.store_id};
  } else if (!c.actor.is_admin()) {
    f.store_ids = c.actor.store_ids;
    if (f.store_ids.empty()) return {};
  }
  return c.store<storage::PerformanceStore>().cases(f);
}

}  // namespace kefu::app
