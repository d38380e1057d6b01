#include "demo/ticket_slots.hpp"

#include <algorithm>

#include "demo/calendar.hpp"

namespace kefu::demo::detail {
namespace {

std::string digits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + rng.index(10)));
  return out;
}

std::string surname_of(const std::string& name) {
  for (const auto& s : surnames()) {
    if (s.text.size() > 3 && name.starts_with(s.text)) return std::string(s.text);
  }
  return name.substr(0, 3);  // one CJK character
}

std::string days_ago_words(int days) {
  if (days <= 0) return "今天";
  if (days == 1) return "昨天";
  if (days == 2) return "前天";
  if (days < 7) return std::to_string(days) + "天前";
  if (days < 14) return "上周";
  if (days < 21) return "半个月前";
  if (days < 45) return "上个月";
  if (days < 150) return std::to_string(days / 30) + "个月前";
  return "半年多前";
}

std::string clock_words(int hour, Rng& rng) {
  static const Texts kSuffix = {"左右", "多", ""};
  std::string words;
  if (hour < 12) {
    words = "上午" + std::to_string(hour) + "点";
  } else if (hour == 12) {
    words = "中午12点";
  } else if (hour < 18) {
    words = "下午" + std::to_string(hour - 12) + "点";
  } else {
    words = "晚上" + std::to_string(hour - 12) + "点";
  }
  return words + std::string(rng.pick(kSuffix));
}

std::string plate_for(const std::string& store_code, Rng& rng) {
  static const std::string kLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  std::string plate =
      store_code.starts_with("CD") ? (rng.percent(80) ? "川A" : "川G") : std::string("沪") + kLetters[rng.index(13)];
  plate += "·";
  const int length = rng.percent(25) ? 6 : 5;  // new-energy plates have six characters
  for (int i = 0; i < length; ++i) {
    plate.push_back(rng.percent(70) ? static_cast<char>('0' + rng.index(10)) : kLetters[rng.index(kLetters.size())]);
  }
  return plate;
}

std::string_view tier_words(std::string_view tier) {
  if (tier == "platinum") return "铂金卡";
  if (tier == "gold") return "金卡";
  if (tier == "silver") return "银卡";
  return "普通";
}

std::string_view promise_words(std::string_view priority, bool task) {
  if (priority == "P1") return task ? "2小时内" : "2小时";
  if (priority == "P2") return task ? "24小时内" : "24小时";
  if (priority == "P3") return task ? "48小时内" : "48小时";
  return task ? "3天内" : "3天";
}

int nice_price(int lo, int hi, Rng& rng) {
  const int p = static_cast<int>(rng.between(lo, hi));
  return p >= 100 ? p / 10 * 10 + 9 : p;
}

}  // namespace

std::string inline_place(std::string place) {
  std::erase(place, ' ');
  return place;
}

std::string pick_alternative(std::string_view text, Rng& rng) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t bar = text.find('|'); bar != std::string_view::npos; bar = text.find('|', start)) {
    parts.push_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  parts.push_back(text.substr(start));
  return std::string(parts[rng.index(parts.size())]);
}

Slots make_slots(const Facts& f, Rng& rng) {
  static const Texts kRestaurants = {"蜀味坊", "一碗面馆", "港湾茶餐厅", "禾家小馆", "椰林椰子鸡", "小满寿司"};
  static const Texts kChildAges = {"两岁", "3岁", "4岁", "5岁", "6岁", "7岁"};
  static const Texts kCardValues = {"100", "200", "500", "1000", "2000"};
  static const Texts kDeposits = {"20", "50", "100"};
  Slots s;
  s.set("store", f.store.name);
  s.set("hotline", f.store.hotline);
  s.set("category", std::string(f.scenario.category.empty() ? f.goods.category : f.scenario.category));
  s.set("brand", std::string(rng.pick(f.goods.brands)));
  s.set("product", std::string(rng.pick(f.scenario.products.empty() ? f.goods.products : f.scenario.products)));
  s.set("spec", std::string(rng.pick(f.goods.specs)));
  s.set("colour", std::string(rng.pick(colours())));
  s.set("zone", std::string(rng.pick(parking_zones())));
  s.set("restaurant", std::string(rng.pick(kRestaurants)));
  s.set("dept", f.department_name);
  s.set("goods_location", inline_place(s.fill(rng.pick(f.goods.locations))));
  const int price = nice_price(f.goods.price_min, f.goods.price_max, rng);
  const int diff = std::max(5, static_cast<int>(price * rng.between(8, 30) / 100));
  s.set("price", std::to_string(price));
  s.set("price2", std::to_string(price + diff));
  s.set("diff", std::to_string(diff));
  s.set("claim", std::to_string(rng.between(2, 20) * 100));
  s.set("sku", rng.percent(70) ? "SKU-" + digits(rng, 5)
                               : std::string("货号") + static_cast<char>('A' + rng.index(26)) +
                                     static_cast<char>('A' + rng.index(26)) + digits(rng, 4));
  const int days = f.purchase_days >= 0 ? f.purchase_days : static_cast<int>(rng.between(1, 10));
  s.set("when", days_ago_words(days));
  s.set("days", std::to_string(std::max(days, 1)));
  if (!f.purchase_ref.empty()) s.set("pos", f.purchase_ref);
  const int hour = static_cast<int>(local_seconds(f.created_at) / 3600);
  s.set("time", clock_words(std::max(10, hour - static_cast<int>(rng.between(0, 2))), rng));
  s.set("promo", std::string(rng.pick(promotions())));
  s.set("holiday", std::string(rng.pick(holidays())));
  s.set("item", std::string(rng.pick(lost_items())));
  s.set("plate", plate_for(f.store.code, rng));
  s.set("minutes", std::to_string(rng.between(15, 45)));
  s.set("n", std::to_string(rng.between(2, 5)));
  s.set("child_age", std::string(rng.pick(kChildAges)));
  s.set("age", std::to_string(rng.between(68, 88)));
  s.set("deposit", std::string(rng.pick(kDeposits)));
  s.set("card_value", std::string(rng.pick(kCardValues)));
  s.set("tail", digits(rng, 4));
  s.set("badge", digits(rng, 4));
  const CivilDate bought = civil_from_days(local_day(f.created_at) - std::max(days, 0));
  s.set("order", "XH" + format_compact(bought) + digits(rng, 6));
  s.set("promise", std::string(promise_words(f.priority, false)));
  s.set("due", std::string(promise_words(f.priority, true)));
  if (f.member) {
    s.set("member_no", f.member->member_no);
    s.set("points", std::to_string(f.member->points));
    s.set("tier_cn", std::string(tier_words(f.member->tier)));
  } else {
    s.set("member_no", "M" + std::to_string(rng.between(10000000, 99999999)));
    s.set("points", std::to_string(rng.between(300, 9000)));
    s.set("tier_cn", "普通");
  }
  // How the customer is named in the description and greeted in replies.
  std::string name;
  if (f.member) {
    name = surname_of(f.member->name) + (f.member->gender == "F" ? "女士" : "先生");
  } else if (rng.percent(50)) {
    name = std::string(surnames()[rng.index(40)].text) + (rng.percent(60) ? "女士" : "先生");
  }
  const int style = static_cast<int>(rng.index(100));
  if (name.empty() || style < 15) {
    s.set("customer", "顾客");
  } else {
    s.set("customer", (f.member && style < 40 ? "会员" : "") + name);
  }
  s.set("hello", name.empty() ? "您好" : name + "您好");
  return s;
}

}  // namespace kefu::demo::detail
