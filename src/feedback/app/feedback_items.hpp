#pragma once
// The feedback inbox (反馈): items from every channel in one place, the topic taxonomy and
// the places with QR codes (feedback/domain/item.hpp). docs/feedback.md.
//
// Who:
// - Reading items, topics and places: staff (agents and above) with feedback:read, of the
//   stores they serve (an item or place of another store is 404 not_found; admins: all).
// - Entering an item at the desk and confirming or correcting its labels: agents and above
//   with feedback:write, of their stores. A confirmation is audited.
// - Places (create, rename, retire): supervisors and above with feedback:write, of their
//   stores. The taxonomy: admins with feedback:write.
//
// How an item arrives: record_item() is the one way in, for every channel (the desk here;
// the mobile form, imports and the flow-ins from tickets, CSAT and chats call it from their
// own use cases after their own checks). It validates, attaches the place's store and
// touchpoint, and returns the existing item when the source already gave one under the same
// key (nothing is counted twice). It takes a prediction when the caller has one (the API
// classifies before the write); items stored without one are labelled by the classifier
// in the background.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "feedback/domain/item.hpp"

namespace kefu::app {

inline constexpr std::size_t kFeedbackTextMax = 2000;  // characters
inline constexpr int kFeedbackPageMax = 200;

struct NewFeedback {
  int64_t store_id = 0;             // ignored when place_id is given (the place's store)
  std::optional<int64_t> place_id;  // a place of the store
  std::string touchpoint;           // "" → the place's, else the channel's default
  std::string source = "desk";
  std::string source_ref;
  std::optional<int64_t> said_at;  // none: now
  std::string text;
  std::optional<int> rating;  // 1–5
  std::optional<int64_t> member_id;
  std::string contact_phone;  // as given; normalised, "" anonymous
  std::string author;
  std::optional<int64_t> ticket_id;
  std::optional<int64_t> conversation_id;
  std::optional<feedback::Label> topic;  // a prediction the caller already has
  std::optional<feedback::Label> sentiment;
  std::optional<int64_t> model_version;
};

struct Recorded {
  feedback::Item item;
  bool created = true;  // false: the source had given it before (the stored item is returned)
};

// The one way in (see above). No role check: the caller's use case made its own.
Recorded record_item(Context&, const NewFeedback&);

// The desk: an agent types what a customer said (source desk, entered_by the caller).
Recorded enter_item(Context&, NewFeedback);

feedback::Item get_item(Context&, int64_t id);

struct FeedbackQuery {
  std::optional<int64_t> store_id;  // none: every store the caller serves
  int64_t from = 0;
  int64_t to = 0;
  std::string source, topic, sentiment, touchpoint;
  std::optional<int64_t> place_id;
  std::optional<int64_t> action_id;
  std::optional<bool> confirmed;
  std::string query;
  std::optional<int64_t> before_id;
  int limit = 50;
};

struct FeedbackPage {
  std::vector<feedback::Item> items;
  int64_t total = 0;                   // all that match (every page)
  std::optional<int64_t> next_before;  // the cursor of the next page
};

FeedbackPage list_items(Context&, const FeedbackQuery&);

// Staff confirm or correct the labels (nullopt: leave that one). Topic: an active topic's
// code; sentiment: positive | negative.
feedback::Item confirm_labels(Context&, int64_t id, const std::optional<std::string>& topic,
                              const std::optional<std::string>& sentiment);

// The taxonomy in force (the defaults until an admin first edits it), by position.
std::vector<feedback::Topic> list_topics(Context&);
// Adds or edits a topic by code (admin). Returns the taxonomy after.
std::vector<feedback::Topic> put_topic(Context&, const feedback::Topic&);

std::vector<feedback::Place> list_places(Context&, std::optional<int64_t> store_id);
feedback::Place get_place(Context&, int64_t id);
struct PlaceInput {
  int64_t store_id = 0;  // on create
  std::string name;
  std::string touchpoint;
  bool active = true;
};
feedback::Place create_place(Context&, const PlaceInput&);
feedback::Place update_place(Context&, int64_t id, const PlaceInput&);

}  // namespace kefu::app
