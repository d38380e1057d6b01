#include "feedback/api/render.hpp"

#include "core/api/json_io.hpp"
#include "members/domain/phone.hpp"

namespace kefu::feedback_render {
namespace {

using nlohmann::json;

json label(const std::string& effective, bool confirmed, const feedback::Label& predicted) {
  return {{"label", effective.empty() ? json(nullptr) : json(effective)},
          {"confirmed", confirmed},
          {"predicted", predicted.code.empty() ? json(nullptr) : json(predicted.code)},
          {"score", predicted.code.empty() ? json(nullptr) : json(predicted.score)}};
}

}  // namespace

json item(const feedback::Item& t, const people::Actor& viewer) {
  std::string phone = t.contact_phone;
  if (!phone.empty() && !viewer.sees_full_phone()) phone = people::mask_phone(phone);
  return {{"id", t.id},
          {"store_id", t.store_id},
          {"place_id", api::or_null(t.place_id)},
          {"touchpoint", t.touchpoint.empty() ? json(nullptr) : json(t.touchpoint)},
          {"source", t.source},
          {"source_ref", t.source_ref.empty() ? json(nullptr) : json(t.source_ref)},
          {"said_at", t.said_at},
          {"received_at", t.received_at},
          {"text", t.text},
          {"rating", api::or_null(t.rating)},
          {"member_id", api::or_null(t.member_id)},
          {"contact_phone", phone.empty() ? json(nullptr) : json(phone)},
          {"author", t.author.empty() ? json(nullptr) : json(t.author)},
          {"ticket_id", api::or_null(t.ticket_id)},
          {"conversation_id", api::or_null(t.conversation_id)},
          {"action_id", api::or_null(t.action_id)},
          {"entered_by", api::or_null(t.entered_by)},
          {"topic", label(t.topic, t.topic_confirmed, t.topic_predicted)},
          {"sentiment", label(t.sentiment, t.sentiment_confirmed, t.sentiment_predicted)},
          {"model_version", api::or_null(t.model_version)},
          {"confirmed_by", api::or_null(t.confirmed_by)},
          {"confirmed_at", api::or_null(t.confirmed_at)}};
}

json topic(const feedback::Topic& t) {
  return {{"code", t.code}, {"name", t.name}, {"name_en", t.name_en}, {"position", t.position}, {"active", t.active}};
}

json place(const feedback::Place& p) {
  return {{"id", p.id},
          {"store_id", p.store_id},
          {"name", p.name},
          {"touchpoint", p.touchpoint},
          {"code", p.code},
          {"active", p.active},
          {"created_at", p.created_at}};
}

}  // namespace kefu::feedback_render
