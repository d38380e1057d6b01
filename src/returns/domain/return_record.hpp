#pragma once
// A return recorded at the desk (退换货记录): which purchase line, how many units, why, in
// what condition, what the policy decided and what was given back. Money in fen, points in
// points. The record's state follows the resolution of its return ticket:
//   approved → done                      within the agent's authority (done on the spot)
//   pending_approval → done | refused    above it: the remedies' approval decides
// `approved` is the short step between the decision and the writes of `done` (the negative
// purchase line and the points); a stored record is pending_approval, done or refused.
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/domain/vocabulary.hpp"

namespace kefu::returns {

enum class ReasonCode {
  quality_fault,
  size_fit,
  changed_mind,
  wrong_item,
  damaged_in_transit,
  not_as_described,
  other
};
inline constexpr std::array<Term<ReasonCode>, 7> kReasons{{
    {ReasonCode::quality_fault, "quality_fault", "质量问题", "Quality fault"},
    {ReasonCode::size_fit, "size_fit", "尺码不合适", "Size or fit"},
    {ReasonCode::changed_mind, "changed_mind", "不想要了", "Changed mind"},
    {ReasonCode::wrong_item, "wrong_item", "商品错发", "Wrong item"},
    {ReasonCode::damaged_in_transit, "damaged_in_transit", "运输损坏", "Damaged in transit"},
    {ReasonCode::not_as_described, "not_as_described", "与描述不符", "Not as described"},
    {ReasonCode::other, "other", "其他", "Other"},
}};
using Reason = Closed<ReasonCode, kReasons>;

enum class StateCode { approved, pending_approval, done, refused };
inline constexpr std::array<Term<StateCode>, 4> kStates{{
    {StateCode::approved, "approved", "已同意", "Approved"},
    {StateCode::pending_approval, "pending_approval", "待主管审批", "Pending approval"},
    {StateCode::done, "done", "已办结", "Done"},
    {StateCode::refused, "refused", "已驳回", "Refused"},
}};
using State = Closed<StateCode, kStates>;

// Whether a reason is a fault of the goods or the seller (三包: the quality ladder applies).
inline bool is_quality_reason(std::string_view reason) {
  return reason == "quality_fault" || reason == "damaged_in_transit" || reason == "not_as_described" ||
         reason == "wrong_item";
}

struct ReturnRecord {
  int64_t id = 0;
  int64_t ticket_id = 0;
  int64_t store_id = 0;
  int64_t order_id = 0;
  int64_t line_id = 0;
  std::optional<int64_t> member_id;
  std::string category;  // the line's, kept for the report
  std::string brand;
  int64_t quantity = 0;
  std::string reason;     // Reason code
  std::string note;       // the customer's words
  std::string condition;  // Condition code (vocabulary.hpp)
  bool receipt = false;   // receipt or invoice shown
  std::string decision;   // Decision code
  std::string rule_id;
  std::string rule_words;  // the rule in words, as the agent saw it
  std::string remedy;      // refund | exchange | repair
  int64_t share_fen = 0;   // the units' share of the line's paid amount
  int64_t refund_fen = 0;  // paid back (0 for exchange and repair)
  int64_t points_clawed_back = 0;
  int64_t points_restored = 0;
  int64_t coupon_returned_fen = 0;
  std::string gifts_to_return;             // names, "、"-joined
  std::string state;                       // State code
  std::optional<int64_t> remedy_id;        // the ticket's resolution
  std::optional<int64_t> return_order_id;  // the kefu-side return order KF-RT-{id}, once done
  std::string override_reason;             // a supervisor's override of a refusal
  int64_t staff_id = 0;                    // who recorded it (the ticket's owner)
  int64_t created_at = 0;
  std::optional<int64_t> decided_at;  // done or refused
};

// The receipt number of the kefu-side return order of a return.
inline std::string return_receipt_no(int64_t return_id) { return "KF-RT-" + std::to_string(return_id); }

}  // namespace kefu::returns
