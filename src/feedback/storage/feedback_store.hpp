#pragma once
// The feedback inbox (feedback/domain/item.hpp): items from every channel, the topic
// taxonomy and the places with QR codes. Statistics over items (hot issues, NPS, journey,
// verification) have store interfaces of their own beside this one.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "feedback/domain/item.hpp"

namespace kefu::storage {

// Which items a list reads: said_at in [from, to) (0: unbounded), the stores named (empty:
// every store), and each non-empty field equal. `before_id` pages from the latest arrivals.
struct FeedbackFilter {
  std::vector<int64_t> store_ids;
  int64_t from = 0;
  int64_t to = 0;
  std::string source;
  std::string topic;      // effective topic; "-" = none yet
  std::string sentiment;  // effective sentiment
  std::string touchpoint;
  std::optional<int64_t> place_id;
  std::optional<int64_t> action_id;
  std::optional<bool> confirmed;  // true: both labels confirmed; false: either not yet
  std::string query;              // a substring of the text
  std::optional<int64_t> before_id;
  int limit = 50;
};

class FeedbackStore : public Store {
 public:
  static std::unique_ptr<FeedbackStore> open(Stores&);

  // Stores the item (its id ignored) and returns the new id. The effective labels are
  // computed here from the predicted and confirmed ones.
  virtual int64_t insert_item(const feedback::Item&) = 0;
  virtual std::optional<feedback::Item> item(int64_t id) = 0;
  // The item a source already gave under this key (dedupe of imports and flow-ins).
  virtual std::optional<int64_t> find_by_ref(const std::string& source, const std::string& source_ref) = 0;
  // Latest arrivals first (by id: an imported old post comes in at the top, where staff
  // see what is new to them); `before_id` pages on.
  virtual std::vector<feedback::Item> list_items(const FeedbackFilter&) = 0;
  virtual int64_t count_items(const FeedbackFilter&) = 0;
  // A model's prediction; the effective labels follow unless staff confirmed them.
  virtual void set_prediction(int64_t id, const feedback::Label& topic, const feedback::Label& sentiment,
                              int64_t model_version) = 0;
  // Staff confirm or correct labels (nullopt: that label left as it is).
  virtual void confirm(int64_t id, const std::optional<std::string>& topic, const std::optional<std::string>& sentiment,
                       int64_t by, int64_t at) = 0;
  // Groups the items into an improvement action (nullopt: out of any). Returns rows changed.
  virtual int set_action(const std::vector<int64_t>& item_ids, std::optional<int64_t> action_id) = 0;

  // The taxonomy, by position.
  virtual std::vector<feedback::Topic> topics() = 0;
  // Inserts or updates by code.
  virtual void put_topic(const feedback::Topic&) = 0;

  // Places of the stores named (empty: all), by store then name.
  virtual std::vector<feedback::Place> places(const std::vector<int64_t>& store_ids) = 0;
  virtual std::optional<feedback::Place> place(int64_t id) = 0;
  virtual std::optional<feedback::Place> place_by_code(const std::string& code) = 0;
  // Inserts (id 0: returns the new id) or updates name, touchpoint and active.
  virtual int64_t put_place(const feedback::Place&) = 0;
};

}  // namespace kefu::storage
