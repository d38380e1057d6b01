#pragma once
// What members redeem points for at the desk (积分兑换): a small catalogue, each item with
// its price in points. Admins edit it (points_rewards); while that table is empty the
// defaults below apply.
#include <cstdint>
#include <string>
#include <vector>

namespace kefu::people {

struct Reward {
  std::string code;
  std::string name;  // zh-CN
  std::string name_en;
  int64_t points = 0;  // the price of one
  bool active = true;
  friend bool operator==(const Reward&, const Reward&) = default;
};

inline std::vector<Reward> default_rewards() {
  return {{"parking_1h", "停车券（1 小时）", "Parking coupon (1 hour)", 100, true},
          {"parking_day", "停车券（全天）", "Parking coupon (whole day)", 500, true},
          {"gift_wrap", "礼品包装", "Gift wrapping", 200, true},
          {"coffee", "咖啡券", "Coffee voucher", 300, true}};
}

}  // namespace kefu::people
