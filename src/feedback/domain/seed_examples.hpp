#pragma once
// The seed set (issue 14): short retail feedback sentences the team wrote in its own words,
// each with a topic of the starting taxonomy and a sentiment, so that a fresh installation
// classifies from its first minute. They are stored once as examples of origin "seed"
// (feedback/app/feedback_training.hpp: seed_examples) and train the first model; an admin may
// delete any of them like any other example.
//
// Topic codes: quality 商品质量, service_attitude 服务态度, cleanliness 环境卫生, price 价格,
// queueing 排队等候, parking 停车, returns 退换货, promotions 促销活动, facilities 设施设备,
// membership 会员积分, other 其他. Sentiments: positive, negative.
#include <span>
#include <string_view>

namespace kefu::feedback {

struct SeedExample {
  std::string_view text;
  std::string_view topic;
  std::string_view sentiment;
};

std::span<const SeedExample> seed_examples();

}  // namespace kefu::feedback
