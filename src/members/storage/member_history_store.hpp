#pragma once
// What the member page (会员 360) and the value of a customer read about members across
// capabilities: purchases by day, complaints still open, ratings, chats and feedback —
// summaries, not the capabilities' entities, so that the page is a handful of queries
// whatever the member's history. Read only; the capabilities' own stores write.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "members/domain/member.hpp"
#include "members/domain/value.hpp"

namespace kefu::storage {

// Which members: one (member_id), or those whose home store is one of home_store_ids
// (both empty: every member).
struct MemberSet {
  std::optional<int64_t> member_id;
  std::vector<int64_t> home_store_ids;
};

struct MemberDays {
  int64_t member_id = 0;
  std::vector<people::PurchaseDay> days;  // ascending
};

// A CSAT (kind csat, id = the ticket) or an answered NPS invitation (kind nps).
struct RatingRecord {
  int64_t member_id = 0;
  std::string kind;
  int64_t id = 0;
  std::optional<int64_t> ticket_id;
  int64_t store_id = 0;
  int score = 0;
  std::string comment;
  int64_t at = 0;
};

// A chat conversation or a feedback item of the member, for the page's timeline.
struct ContactRecord {
  int64_t id = 0;
  int64_t store_id = 0;
  int64_t at = 0;
  std::string status;  // chat: its status; feedback: its source
  std::string label;   // chat: its queue; feedback: its effective sentiment
  std::string text;    // feedback: the text; chat: the customer's name as given
  std::optional<int> rating;
  std::optional<int64_t> ticket_id;
};

// Paid (returns netted) and units of one category or brand.
struct SpendShare {
  std::string key;
  int64_t paid_fen = 0;
  int64_t units = 0;
};

// The purchases of a store's members since a time: how many members bought, on how many
// member-days (visits), and what they paid.
struct StoreActivity {
  int64_t members = 0;
  int64_t visits = 0;
  int64_t paid_fen = 0;
};

class MemberHistoryStore : public Store {
 public:
  static std::unique_ptr<MemberHistoryStore> open(Stores&);

  // Purchase days per member (every store), by member id then day.
  virtual std::vector<MemberDays> purchase_days(const MemberSet&) = 0;
  // Complaint tickets not resolved or closed, counted per member (members with none left out).
  virtual std::vector<std::pair<int64_t, int>> open_complaints(const MemberSet&) = 0;
  // CSAT ratings of the members' tickets and their answered NPS invitations at or after
  // `since`, newest first.
  virtual std::vector<RatingRecord> ratings(const MemberSet&, int64_t since) = 0;
  // The members (id, member_no, name, phone, tier, home store), by id.
  virtual std::vector<people::Member> members(const MemberSet&) = 0;
  // The member's spend by "category" or "brand" since `since`, largest first, at most `limit`.
  virtual std::vector<SpendShare> spend_by(int64_t member_id, const std::string& column, int64_t since, int limit) = 0;
  virtual StoreActivity store_activity(int64_t store_id, int64_t since) = 0;
  // The member's conversations and feedback items in the given stores (empty: all), newest
  // first, at most `limit` each.
  virtual std::vector<ContactRecord> conversations(int64_t member_id, const std::vector<int64_t>& store_ids,
                                                   int limit) = 0;
  virtual std::vector<ContactRecord> feedback_items(int64_t member_id, const std::vector<int64_t>& store_ids,
                                                    int limit) = 0;
};

}  // namespace kefu::storage
