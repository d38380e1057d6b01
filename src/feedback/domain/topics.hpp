#pragma once
// The topic taxonomy a retail installation starts from (issue 14): in force until an admin
// first edits the taxonomy, which then stores it (feedback/app/feedback_items.hpp).
#include <string_view>
#include <vector>

#include "feedback/domain/item.hpp"

namespace kefu::feedback {

inline std::vector<Topic> default_topics() {
  return {
      {"quality", "商品质量", "Product quality", 1, true},
      {"service_attitude", "服务态度", "Service attitude", 2, true},
      {"cleanliness", "环境卫生", "Cleanliness", 3, true},
      {"price", "价格", "Price", 4, true},
      {"queueing", "排队等候", "Queueing", 5, true},
      {"parking", "停车", "Parking", 6, true},
      {"returns", "退换货", "Returns and exchanges", 7, true},
      {"promotions", "促销活动", "Promotions", 8, true},
      {"facilities", "设施设备", "Facilities", 9, true},
      {"membership", "会员积分", "Membership and points", 10, true},
      {"other", "其他", "Other", 11, true},
  };
}

// A topic code: 1–32 of [a-z0-9_], starting with a letter.
bool is_topic_code(std::string_view code);

}  // namespace kefu::feedback
