#pragma once
// Feedback (反馈): what a customer said, from any channel, in one inbox. Plain values.
//
// An item's topic and sentiment each have two readings: the classifier's prediction (with
// its score and the model version) and a staff member's confirmation. The effective label
// (`topic`, `sentiment`) is the confirmed one when there is one, else the predicted one;
// counting, hot issues, the journey map and verification all read the effective label.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kefu::feedback {

// One reading of a label: "" when there is none yet.
struct Label {
  std::string code;  // a topic code, or positive | negative
  double score = 0;  // topic: the model's probability of that topic; sentiment: P(positive)
  friend bool operator==(const Label&, const Label&) = default;
};

struct Item {
  int64_t id = 0;
  int64_t store_id = 0;
  std::optional<int64_t> place_id;  // the QR code's place, when it came through one
  std::string touchpoint;           // a Touchpoint code, or "" when unknown
  std::string source = "desk";      // a Source code
  std::string source_ref;           // the source's own key ("" none): unique per source, for dedupe
  int64_t said_at = 0;              // when the customer said it (ms)
  int64_t received_at = 0;          // when kefu stored it (ms)
  std::string text;
  std::optional<int> rating;  // 1–5 stars when the channel has them
  std::optional<int64_t> member_id;
  std::string contact_phone;  // "" anonymous
  std::string author;         // a social account's name, "" otherwise
  std::optional<int64_t> ticket_id;
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> action_id;   // the improvement action it is grouped into
  std::optional<int64_t> entered_by;  // the staff member who typed it in (desk)
  // Labels: predicted by the classifier, confirmed by staff, effective (see above).
  Label topic_predicted;
  Label sentiment_predicted;
  std::optional<int64_t> model_version;
  bool topic_confirmed = false;
  bool sentiment_confirmed = false;
  std::string topic;      // effective
  std::string sentiment;  // effective
  std::optional<int64_t> confirmed_by;
  std::optional<int64_t> confirmed_at;
  friend bool operator==(const Item&, const Item&) = default;
};

// A topic of the taxonomy the admin edits (商品质量, 服务态度 …). The code is stable (what
// models and examples keep); the names are what people read. Inactive topics keep their
// items but are offered no more.
struct Topic {
  std::string code;
  std::string name;  // zh-CN
  std::string name_en;
  int position = 0;
  bool active = true;
  friend bool operator==(const Topic&, const Topic&) = default;
};

// A place in a store with its own QR code (服务台, B1 停车场 …): scanning opens the form with
// the store and place filled in. `code` is the random, unguessable key in the QR link.
struct Place {
  int64_t id = 0;
  int64_t store_id = 0;
  std::string name;
  std::string touchpoint;  // a Touchpoint code
  std::string code;
  bool active = true;
  int64_t created_at = 0;
  friend bool operator==(const Place&, const Place&) = default;
};

}  // namespace kefu::feedback
