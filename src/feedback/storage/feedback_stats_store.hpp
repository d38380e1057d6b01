#pragma once
// Feedback counted for hot issues, the weekly digest and the journey map (docs/feedback.md),
// and the notices sent about them (each once). Reads items through their effective labels
// (feedback/domain/item.hpp); the inbox itself is FeedbackStore.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "feedback/domain/hot_days.hpp"
#include "feedback/domain/journey.hpp"

namespace kefu::storage {

// Items said in [from, to) of the stores named (empty: every store).
struct FeedbackStatsRange {
  std::vector<int64_t> store_ids;
  int64_t from = 0;
  int64_t to = 0;
};

// A notice sent once: kind "hot" (a spike: topic, period = the local day) or "digest"
// (topic "", period = the ISO week), per store.
struct FeedbackNotice {
  std::string kind;
  int64_t store_id = 0;
  std::string topic;
  std::string period;
  int64_t sent_at = 0;
  int64_t recipients = 0;
  friend bool operator==(const FeedbackNotice&, const FeedbackNotice&) = default;
};

class FeedbackStatsStore : public Store {
 public:
  static std::unique_ptr<FeedbackStatsStore> open(Stores&);

  // Items per store, effective topic and quarter of an hour of said_at (UTC; the caller
  // puts quarters into local days). Items without a topic yet are left out.
  virtual std::vector<feedback::TopicQuarter> topic_quarters(const FeedbackStatsRange&) = 0;
  // When each store's first item was said (stores without items are absent).
  virtual std::map<int64_t, int64_t> first_said(const std::vector<int64_t>& store_ids) = 0;
  // Items per touchpoint × effective topic × effective sentiment ("" where none yet).
  virtual std::vector<feedback::JourneyCount> journey_counts(const FeedbackStatsRange&) = 0;

  // Records the notice unless one of the same kind, store, topic and period is there:
  // true when recorded now (the caller sends it), false when it was sent before.
  virtual bool record_notice(const FeedbackNotice&) = 0;
  // Notices of a kind for the stores named (empty: all) with period in [from, to], by
  // period, store, topic.
  virtual std::vector<FeedbackNotice> notices(const std::string& kind, const std::vector<int64_t>& store_ids,
                                              const std::string& from, const std::string& to) = 0;
};

}  // namespace kefu::storage
