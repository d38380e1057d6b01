#pragma once
// NPS campaigns (净推荐值调查) and their invitations, as plain values, with the pure rules
// of who is asked: the trigger, the active period, deterministic sampling and the
// per-customer frequency cap. The score itself is feedback/domain/nps.hpp.
//
// - A campaign asks "您有多大可能向朋友推荐{store}？" (0–10) and a reason, of the customers
//   of its stores, on a trigger: after a resolved ticket (resolved_ticket), to a random
//   sample of the stores' members (member_sample), after a purchase (purchase: in the
//   vocabulary so that the list does not change when members and purchases arrive in
//   issue 15; a campaign cannot use it yet).
// - Sampling is a pure function of (seed, key): the same campaign seed and the same ticket
//   or member always give the same draw, so a test (or an auditor) can replay who was asked.
//   The draw is the splitmix64 hash of the seed and the key's FNV-1a hash, in [0, 1).
// - The cap is per customer (the member, else the phone) and across every campaign: a
//   customer invited less than cap_days ago is not invited again.
// - An invitation is sent once and answered at most once; the answer lives on it
//   (a response without an invitation does not exist: the link is the invitation).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/vocabulary.hpp"

namespace kefu::feedback {

enum class NpsTriggerCode { resolved_ticket, member_sample, purchase };
inline constexpr std::array<Term<NpsTriggerCode>, 3> kNpsTriggers{{
    {NpsTriggerCode::resolved_ticket, "resolved_ticket", "工单办结后", "After a resolved ticket"},
    {NpsTriggerCode::member_sample, "member_sample", "会员抽样", "A sample of members"},
    {NpsTriggerCode::purchase, "purchase", "消费后（待接入消费数据）", "After a purchase (needs purchase data)"},
}};
using NpsTrigger = Closed<NpsTriggerCode, kNpsTriggers>;

enum class NpsCategoryCode { promoter, passive, detractor };
inline constexpr std::array<Term<NpsCategoryCode>, 3> kNpsCategories{{
    {NpsCategoryCode::promoter, "promoter", "推荐者", "Promoter"},
    {NpsCategoryCode::passive, "passive", "中立者", "Passive"},
    {NpsCategoryCode::detractor, "detractor", "贬损者", "Detractor"},
}};
using NpsCategory = Closed<NpsCategoryCode, kNpsCategories>;

inline constexpr std::string_view kDefaultNpsQuestion = "您有多大可能向朋友推荐{store}？";

struct Campaign {
  int64_t id = 0;
  std::string name;
  std::vector<int64_t> store_ids;  // at least one
  std::string trigger = "resolved_ticket";
  std::string question = std::string(kDefaultNpsQuestion);  // {store}: the store's name
  int64_t starts_at = 0;                                    // ms
  int64_t ends_at = 0;                                      // ms, 0: open-ended
  int64_t sample_ppm = 1'000'000;                           // the share of triggers (or members) asked, in millionths
  int64_t sample_size = 0;  // member_sample: at most this many per run (0: by the rate only)
  int cap_days = 90;        // a customer is asked at most once in this many days
  int link_days = 14;       // how long a link stays valid
  int64_t seed = 0;         // the sampling seed
  bool active = true;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  friend bool operator==(const Campaign&, const Campaign&) = default;
};

struct Invitation {
  int64_t id = 0;
  int64_t campaign_id = 0;
  int64_t store_id = 0;
  std::optional<int64_t> member_id;
  std::string phone;                 // normalised; "" when only the member is known
  std::string member_tier;           // the member's tier when invited ("" for a non-member)
  std::optional<int64_t> ticket_id;  // the resolved ticket that triggered it
  int64_t sent_at = 0;
  int64_t expires_at = 0;  // of the current link (0: no link issued yet)
  std::optional<int64_t> opened_at;
  std::optional<int64_t> answered_at;
  std::optional<int> score;  // 0–10
  std::string reason;
  std::string category;                       // promoter | passive | detractor, "" before the answer
  std::optional<int64_t> feedback_item_id;    // the reason as a feedback item (source nps)
  std::optional<int64_t> recovery_ticket_id;  // the service-recovery ticket staff opened
  std::string topic;                          // read only: the effective topic of the reason's feedback item
  friend bool operator==(const Invitation&, const Invitation&) = default;
};

// promoter (9–10), passive (7–8), detractor (0–6); kefu::Error invalid_field "score" otherwise.
std::string nps_category(int score);

// The draw of `key` under `seed`, uniform in [0, 1).
double sample_draw(int64_t seed, std::string_view key);
// In the sample at this rate (ppm of 1,000,000: everyone; 0: nobody).
bool in_sample(int64_t seed, std::string_view key, int64_t sample_ppm);

// The customer invited at `last_sent_at` may not be invited again at `now`.
bool capped(std::optional<int64_t> last_sent_at, int cap_days, int64_t now);

// Active, and now in [starts_at, ends_at) (ends_at 0: open-ended).
bool running(const Campaign&, int64_t now);

// The question with {store} replaced by the store's name.
std::string question_for(const Campaign&, std::string_view store_name);

// Throws kefu::Error invalid_field (naming the field) or invalid_enum (trigger) for numbers
// and a trigger a campaign cannot run with; purchase is refused until purchases exist.
// Texts (name, question) are checked by the use case.
void check_campaign(const Campaign&);

}  // namespace kefu::feedback
