#pragma once
// NPS campaigns and their invitations (feedback/domain/nps_campaign.hpp). An invitation
// carries its answer: one link, one answer, so the response rate (answered / sent) and the
// score are read from one table. The token of an invitation's link is kept as a digest only.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "feedback/domain/nps_campaign.hpp"

namespace kefu::storage {

// Which invitations a list or a report reads: sent_at in [from, to) (0: unbounded), the
// stores named (empty: all), and each field given equal. Newest first; `before_id` pages.
struct NpsFilter {
  std::optional<int64_t> campaign_id;
  std::vector<int64_t> store_ids;
  int64_t from = 0;
  int64_t to = 0;
  std::string member_tier;
  std::string category;  // promoter | passive | detractor (answered ones)
  std::optional<bool> answered;
  std::optional<int64_t> ticket_id;
  std::optional<int64_t> before_id;
  int limit = 0;  // 0: all
};

// A member a sample may ask.
struct NpsCandidate {
  int64_t member_id = 0;
  int64_t store_id = 0;  // the member's home store
  std::string phone;
  std::string tier;
};

class NpsStore : public Store {
 public:
  static std::unique_ptr<NpsStore> open(Stores&);

  // Inserts (id 0: returns the new id) or updates every field but created_*.
  virtual int64_t put_campaign(const feedback::Campaign&) = 0;
  virtual std::optional<feedback::Campaign> campaign(int64_t id) = 0;
  // Every campaign, newest first.
  virtual std::vector<feedback::Campaign> campaigns() = 0;
  // Active campaigns of `trigger` covering the store, running at `now`, oldest first.
  virtual std::vector<feedback::Campaign> running_campaigns(int64_t store_id, const std::string& trigger,
                                                            int64_t now) = 0;

  // Stores the invitation (its id ignored) with its link's digest ("" none yet); returns the id.
  virtual int64_t insert_invitation(const feedback::Invitation&, const std::string& digest) = 0;
  virtual std::optional<feedback::Invitation> invitation(int64_t id) = 0;
  virtual std::optional<feedback::Invitation> invitation_by_digest(const std::string& digest) = 0;
  // A new link: the old one stops working.
  virtual void set_link(int64_t id, const std::string& digest, int64_t expires_at) = 0;
  virtual void mark_opened(int64_t id, int64_t at) = 0;
  // Stores the answer unless there is one; false when it was answered before.
  virtual bool answer(int64_t id, int score, const std::string& reason, const std::string& category, int64_t at,
                      std::optional<int64_t> feedback_item_id) = 0;
  virtual void set_recovery_ticket(int64_t id, int64_t ticket_id) = 0;
  virtual std::vector<feedback::Invitation> invitations(const NpsFilter&) = 0;
  // When the customer (the member, else the phone) was last invited, by any campaign.
  virtual std::optional<int64_t> last_invited_at(std::optional<int64_t> member_id, const std::string& phone) = 0;
  // Members whose home store is one of these, by id.
  virtual std::vector<NpsCandidate> members_of(const std::vector<int64_t>& store_ids) = 0;
};

}  // namespace kefu::storage
