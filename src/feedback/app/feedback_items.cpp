#include "feedback/app/feedback_items.hpp"

#include <algorithm>

#include "auth/domain/password.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/app/feedback_learning.hpp"
#include "feedback/domain/topics.hpp"
#include "feedback/domain/vocabulary.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "members/domain/phone.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

storage::FeedbackStore& inbox(Context& c) { return c.store<storage::FeedbackStore>(); }

Error not_found(const char* zh, const char* en) { return make_error(errors::kNotFound, {{"what", Text(zh, en)}}); }

void require_reader(Context& c) {
  require_role(c.actor, "agent");
  require_scope(c.actor, "feedback:read");
}

void require_writer(Context& c, people::Role role = "agent") {
  require_role(c.actor, role);
  require_scope(c.actor, "feedback:write");
}

// A store the caller serves, else 404 (its existence is not confirmed).
void require_store(Context& c, int64_t store_id) {
  if (!c.actor.in_store(store_id) || !c.store<storage::OrgStore>().store_exists(store_id))
    throw not_found("门店", "store");
}

// Where a channel's items happen when nothing says more.
std::string default_touchpoint(const std::string& source) {
  if (source == "desk" || source == "ticket" || source == "csat") return "service_desk";
  if (source == "chat") return "online";
  return "";
}

std::string checked_topic(Context& c, const std::string& code) {
  for (const auto& t : list_topics(c))
    if (t.code == code && t.active) return code;
  check_enum("topic", code, false);
  return code;
}

nlohmann::json labels_json(const feedback::Item& t) { return {{"topic", t.topic}, {"sentiment", t.sentiment}}; }

feedback::Place checked_place(Context& c, int64_t id) {
  auto p = inbox(c).place(id);
  if (!p || !c.actor.in_store(p->store_id)) throw not_found("反馈点位", "place");
  return *p;
}

void check_place_input(const PlaceInput& in) {
  check_text("name", in.name, 60, true);
  parse_enum<feedback::Touchpoint>("touchpoint", in.touchpoint);
}

}  // namespace

Recorded record_item(Context& c, const NewFeedback& in) {
  parse_enum<feedback::Source>("source", in.source);
  check_text("text", in.text, kFeedbackTextMax, true);
  check_text("source_ref", in.source_ref, 200, false);
  check_text("author", in.author, 60, false);
  if (in.rating && (*in.rating < 1 || *in.rating > 5))
    throw make_error(errors::kInvalidField, {{"field", "rating"}, {"problem", Text("应为 1 到 5", "must be 1 to 5")}},
                     "rating");
  auto& store = inbox(c);
  if (auto id = store.find_by_ref(in.source, in.source_ref)) return {*store.item(*id), false};

  feedback::Item t;
  t.store_id = in.store_id;
  t.touchpoint = in.touchpoint;
  if (in.place_id) {
    auto p = store.place(*in.place_id);
    if (!p || !p->active)
      throw make_error(errors::kUnknownReference, {{"what", Text("反馈点位", "place")}}, "place_id");
    t.place_id = p->id;
    t.store_id = p->store_id;
    if (t.touchpoint.empty()) t.touchpoint = p->touchpoint;
  }
  if (!c.store<storage::OrgStore>().store_exists(t.store_id))
    throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "store_id");
  if (t.touchpoint.empty()) t.touchpoint = default_touchpoint(in.source);
  if (!t.touchpoint.empty()) parse_enum<feedback::Touchpoint>("touchpoint", t.touchpoint);
  if (!in.contact_phone.empty()) {
    auto phone = people::normalize_phone(in.contact_phone);
    if (!phone) throw make_error(errors::kInvalidPhone, {}, "contact_phone");
    t.contact_phone = *phone;
  }
  if (in.member_id && !c.store<storage::MemberStore>().member(*in.member_id))
    throw make_error(errors::kUnknownReference, {{"what", Text("会员", "member")}}, "member_id");
  t.source = in.source;
  t.source_ref = in.source_ref;
  t.said_at = std::min(in.said_at.value_or(c.now_ms), c.now_ms);
  t.received_at = c.now_ms;
  t.text = in.text;
  t.rating = in.rating;
  t.member_id = in.member_id;
  t.author = in.author;
  t.ticket_id = in.ticket_id;
  t.conversation_id = in.conversation_id;
  if (in.topic && in.sentiment && in.model_version) {
    t.topic_predicted = *in.topic;
    t.sentiment_predicted = *in.sentiment;
    t.model_version = in.model_version;
  }
  if (c.actor.staff_id && !c.actor.customer && in.source == "desk") t.entered_by = c.actor.staff_id;
  t.id = store.insert_item(t);
  return {*store.item(t.id), true};
}

Recorded enter_item(Context& c, NewFeedback in) {
  require_writer(c);
  if (in.place_id) in.store_id = checked_place(c, *in.place_id).store_id;
  require_store(c, in.store_id);
  in.source = "desk";
  in.source_ref.clear();
  return record_item(c, in);
}

feedback::Item get_item(Context& c, int64_t id) {
  require_reader(c);
  auto t = inbox(c).item(id);
  if (!t || !c.actor.in_store(t->store_id)) throw not_found("反馈", "feedback");
  return *t;
}

FeedbackPage list_items(Context& c, const FeedbackQuery& q) {
  require_reader(c);
  storage::FeedbackFilter f;
  if (q.store_id) {
    require_store(c, *q.store_id);
    f.store_ids = {*q.store_id};
  } else if (!c.actor.is_admin()) {
    f.store_ids = c.actor.store_ids;
    if (f.store_ids.empty()) f.store_ids = {0};  // serves no store: sees nothing
  }
  if (!q.source.empty()) parse_enum<feedback::Source>("source", q.source);
  if (!q.sentiment.empty()) parse_enum<feedback::Sentiment>("sentiment", q.sentiment);
  if (!q.touchpoint.empty()) parse_enum<feedback::Touchpoint>("touchpoint", q.touchpoint);
  check_text("q", q.query, 100, false);
  f.from = q.from;
  f.to = q.to;
  f.source = q.source;
  f.topic = q.topic;
  f.sentiment = q.sentiment;
  f.touchpoint = q.touchpoint;
  f.place_id = q.place_id;
  f.action_id = q.action_id;
  f.confirmed = q.confirmed;
  f.query = q.query;
  f.limit = std::clamp(q.limit, 1, kFeedbackPageMax);
  FeedbackPage out;
  out.total = inbox(c).count_items(f);
  f.before_id = q.before_id;
  f.limit += 1;  // one more says whether there is a next page
  out.items = inbox(c).list_items(f);
  if (static_cast<int>(out.items.size()) == f.limit) {
    out.items.pop_back();
    out.next_before = out.items.back().id;
  }
  return out;
}

feedback::Item confirm_labels(Context& c, int64_t id, const std::optional<std::string>& topic,
                              const std::optional<std::string>& sentiment) {
  require_writer(c);
  const auto before = get_item(c, id);
  if (!topic && !sentiment) throw make_error(errors::kRequired, {{"what", Text("主题或情感", "topic or sentiment")}});
  if (topic) checked_topic(c, *topic);
  if (sentiment) parse_enum<feedback::Sentiment>("sentiment", *sentiment);
  inbox(c).confirm(id, topic, sentiment, c.actor.staff_id, c.now_ms);
  auto after = *inbox(c).item(id);
  // What staff said is what the classifier learns next (feedback_learning.hpp).
  record_correction(c, id, after.text, topic.value_or(""), sentiment.value_or(""));
  audit(c, "feedback.confirm", "feedback_item", id, labels_json(before), labels_json(after));
  return after;
}

std::vector<feedback::Topic> list_topics(Context& c) {
  auto topics = inbox(c).topics();
  return topics.empty() ? feedback::default_topics() : topics;
}

std::vector<feedback::Topic> put_topic(Context& c, const feedback::Topic& t) {
  require_writer(c, "admin");
  if (!feedback::is_topic_code(t.code))
    throw make_error(errors::kInvalidField,
                     {{"field", "code"},
                      {"problem", Text("应为小写字母开头的 1–32 个小写字母、数字或下划线",
                                       "1–32 lowercase letters, digits or _, starting with a letter")}},
                     "code");
  check_text("name", t.name, 20, true);
  check_text("name_en", t.name_en, 40, false);
  auto& store = inbox(c);
  auto current = store.topics();
  if (current.empty())  // the first edit stores the defaults it starts from
    for (const auto& d : feedback::default_topics()) store.put_topic(d);
  std::optional<feedback::Topic> before;
  for (const auto& x : list_topics(c))
    if (x.code == t.code) before = x;
  auto topic = t;
  if (topic.position <= 0) topic.position = before ? before->position : static_cast<int>(list_topics(c).size()) + 1;
  store.put_topic(topic);
  auto json_of = [](const std::optional<feedback::Topic>& x) {
    return x ? nlohmann::json{{"name", x->name},
                              {"name_en", x->name_en},
                              {"position", x->position},
                              {"active", x->active}}
             : nlohmann::json(nullptr);
  };
  audit(c, before ? "feedback.topic.update" : "feedback.topic.create", "feedback_topic", 0, json_of(before),
        json_of(topic));
  return list_topics(c);
}

std::vector<feedback::Place> list_places(Context& c, std::optional<int64_t> store_id) {
  require_reader(c);
  std::vector<int64_t> stores;
  if (store_id) {
    require_store(c, *store_id);
    stores = {*store_id};
  } else if (!c.actor.is_admin()) {
    stores = c.actor.store_ids;
    if (stores.empty()) return {};
  }
  return inbox(c).places(stores);
}

feedback::Place get_place(Context& c, int64_t id) {
  require_reader(c);
  return checked_place(c, id);
}

feedback::Place create_place(Context& c, const PlaceInput& in) {
  require_writer(c, "supervisor");
  require_store(c, in.store_id);
  check_place_input(in);
  feedback::Place p{0, in.store_id, in.name, in.touchpoint, people::new_token().substr(0, 16), true, c.now_ms};
  p.id = inbox(c).put_place(p);
  audit(c, "feedback.place.create", "feedback_place", p.id, nullptr, {{"name", p.name}, {"touchpoint", p.touchpoint}});
  return p;
}

feedback::Place update_place(Context& c, int64_t id, const PlaceInput& in) {
  require_writer(c, "supervisor");
  auto before = checked_place(c, id);
  check_place_input(in);
  auto p = before;
  p.name = in.name;
  p.touchpoint = in.touchpoint;
  p.active = in.active;
  inbox(c).put_place(p);
  audit(c, "feedback.place.update", "feedback_place", id,
        {{"name", before.name}, {"touchpoint", before.touchpoint}, {"active", before.active}},
        {{"name", p.name}, {"touchpoint", p.touchpoint}, {"active", p.active}});
  return p;
}

}  // namespace kefu::app
