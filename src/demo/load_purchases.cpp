#include "demo/load_purchases.hpp"

#include <fmt/format.h>

#include <array>
#include <set>

#include "demo/calendar.hpp"
#include "demo/random.hpp"
#include "demo/texts.hpp"
#include "purchases/app/purchases.hpp"
#include "purchases/domain/allocation.hpp"
#include "purchases/storage/pos_import_store.hpp"

namespace kefu::demo {
namespace {

using detail::CivilDate;
using detail::Rng;

constexpr uint64_t kSeed = 15;
constexpr int kYear = 365;

// The demo goods' categories (texts_goods.cpp) as purchase categories.
std::string category_of(std::string_view goods, std::string_view counter) {
  if (goods == "服装") return "clothing";
  if (goods == "鞋包") return "shoes";
  if (goods == "化妆品") return "cosmetics";
  if (goods == "食品") return counter.find("生鲜") != std::string_view::npos ? "food_fresh" : "food_packaged";
  if (goods == "家电") return "appliances";
  if (goods == "黄金珠宝") return "jewelry";
  if (goods == "儿童用品") return "toys";
  if (goods == "运动户外") return "sports";
  return "other";
}

// Visits a year and whether they stopped: weekly regulars, monthly, rare, lapsed.
struct Rhythm {
  int every_days;
  int stopped_days_ago;  // 0: still coming
};
Rhythm rhythm_of(Rng& rng) {
  const int kinds[] = {15, 35, 40, 10};
  switch (rng.weighted(kinds)) {
    case 0:
      return {7, 0};
    case 1:
      return {30, 0};
    case 2:
      return {120, 0};
    default:
      return {14, static_cast<int>(rng.between(100, 200))};  // a regular who stopped coming
  }
}

// The order-level promotion of a day: the festivals' 满300减50.
bool festival(CivilDate d) {
  return (d.month == 6 && d.day <= 18) || (d.month == 10 && d.day <= 7) || (d.month == 11 && d.day <= 11) ||
         detail::holiday_percent(d) >= 150;
}

int points_percent(const std::string& tier) {
  if (tier == "silver") return 120;
  if (tier == "gold") return 150;
  if (tier == "platinum") return 200;
  return 100;
}

class Receipts {
 public:
  // A receipt number of the store and day not used before (the tickets' own come first).
  std::string next(const std::string& store, CivilDate day) {
    for (;;) {
      auto no = fmt::format("POS-{}-{}-{:05}", store, detail::format_compact(day),
                            ++serial_[{store, day.year * 10000 + day.month * 100 + day.day}]);
      if (used_.insert(no).second) return no;
    }
  }
  bool take(const std::string& no) { return used_.insert(no).second; }

 private:
  std::set<std::string> used_;
  std::map<std::pair<std::string, int>, int> serial_;
};

purchase::Line line_of(Rng& rng, const detail::Goods& g, int no, bool member_discount) {
  purchase::Line l;
  l.line_no = no;
  l.brand = std::string(rng.pick(g.brands));
  auto counter = std::string(rng.pick(g.locations));
  if (auto at = counter.find("{brand}"); at != std::string::npos) counter.replace(at, 7, l.brand);
  l.counter = counter;
  l.name = std::string(rng.pick(g.products)) + " " + std::string(rng.pick(g.specs));
  l.sku = fmt::format("{:06}", rng.between(100000, 999999));
  l.category = category_of(g.category, counter);
  l.quantity = g.price_max < 500 && rng.percent(30) ? 2 : 1;
  l.unit_price_fen = rng.between(g.price_min, g.price_max) / 10 * 1000 + 900;  // ¥…9.00
  if (member_discount) {
    l.line_discount_fen = purchase::gross_of(l) * 5 / 100;
    l.promotion = "会员95折";
  }
  return l;
}

// One visit's order of a member (member_id set by the caller).
purchase::Order visit(Rng& rng, const Member& m, const std::string& store, int64_t local_day, Receipts& receipts) {
  const auto& all = detail::goods();
  const CivilDate day = detail::civil_from_days(local_day);
  purchase::Order o;
  o.receipt_no = receipts.next(store, day);
  o.sold_at = (detail::local_midnight(local_day) + rng.between(10 * 3600, 21 * 3600 + 1800)) * 1000;
  const int pay[] = {45, 30, 20, 5};
  static const char* kPayments[] = {"wechat", "alipay", "card", "cash"};
  o.payment = kPayments[rng.weighted(pay)];
  o.source = "demo";
  // Departments: women's wear and cosmetics lead for women, men's and sports for men;
  // winter coats from November to January.
  const bool winter = day.month >= 11 || day.month <= 1;
  const std::array<int, 8> female{winter ? 40 : 28, 12, 26, 14, 4, 5, 8, 5};
  const std::array<int, 8> male{winter ? 30 : 20, 16, 6, 16, 10, 5, 6, 20};
  const auto weights = m.gender == "F" ? female : male;
  const bool tier_discount = m.tier == "gold" || m.tier == "platinum";
  const int n = 1 + static_cast<int>(rng.weighted(std::array<int, 4>{45, 30, 15, 10}));
  int64_t cosmetics = 0;
  for (int i = 0; i < n; ++i) {
    const auto& g = all[rng.weighted(weights)];
    o.lines.push_back(line_of(rng, g, i + 1, tier_discount));
    if (o.lines.back().category == "cosmetics") cosmetics += purchase::gross_of(o.lines.back());
  }
  if (cosmetics >= 50000) {  // 满赠: a travel-size gift with ¥500 of cosmetics
    purchase::Line gift{.line_no = n + 1, .counter = "1F 化妆品区", .name = "旅行装小样", .category = "cosmetics"};
    gift.gift = true;
    gift.promotion = "满赠";
    o.lines.push_back(gift);
  }
  int64_t base = 0;
  for (const auto& l : o.lines)
    if (!l.gift) base += purchase::gross_of(l) - l.line_discount_fen;
  if (festival(day) && base >= 30000) {
    o.order_discount_fen = base / 30000 * 5000;
    o.promotion = "满300减50";
  }
  return o;
}

}  // namespace

PurchaseCounts load_demo_purchases(storage::Stores& r, const Catalog& cat,
                                   const std::map<std::string, int64_t>& store_ids,
                                   const std::vector<int64_t>& member_ids, const people::Actor& admin, int64_t now_ms) {
  app::Context c{r, admin, now_ms};
  Receipts receipts;
  std::vector<purchase::Order> orders;
  // The tickets' receipts first, so that their numbers are theirs.
  for (const auto& t : cat.tickets) {
    if (t.purchase_ref.empty() || !receipts.take(t.purchase_ref)) continue;
    const auto& member = t.member_index >= 0 ? cat.members[static_cast<std::size_t>(t.member_index)] : Member{};
    Rng rng(kSeed, 1'000'000 + orders.size());
    const int64_t day =
        detail::days_from_civil({std::stoi(t.purchase_ref.substr(9, 4)), std::stoi(t.purchase_ref.substr(13, 2)),
                                 std::stoi(t.purchase_ref.substr(15, 2))});
    Receipts scratch;
    auto o = visit(rng, member, t.store_code, day, scratch);
    o.receipt_no = t.purchase_ref;
    o.store_id = store_ids.at(t.store_code);
    if (t.member_index >= 0) o.member_id = member_ids.at(static_cast<std::size_t>(t.member_index));
    orders.push_back(std::move(o));
  }
  // Each member's year.
  const int64_t today = detail::local_day(now_ms / 1000);
  std::vector<std::pair<std::size_t, std::string>> returns;  // (order index, store code)
  for (std::size_t i = 0; i < cat.members.size(); ++i) {
    const auto& m = cat.members[i];
    Rng rng(kSeed, i);
    const auto rhythm = rhythm_of(rng);
    const int64_t last = today - rhythm.stopped_days_ago - 1;
    for (int64_t day = today - kYear + rng.between(0, rhythm.every_days); day <= last;
         day += std::max<int64_t>(1, rhythm.every_days * rng.between(60, 140) / 100)) {
      const auto& store = rng.percent(85) ? m.home_store : cat.stores[rng.index(cat.stores.size())].code;
      auto o = visit(rng, m, store, day, receipts);
      o.store_id = store_ids.at(store);
      o.member_id = member_ids.at(i);
      if (rng.percent(3) && day + 7 < today) returns.emplace_back(orders.size(), store);
      orders.push_back(std::move(o));
    }
  }
  std::map<int64_t, std::string> tiers;
  for (std::size_t i = 0; i < member_ids.size(); ++i) tiers[member_ids[i]] = cat.members[i].tier;
  PurchaseCounts out;
  for (auto& o : orders) {
    o.created_at = now_ms;
    purchase::allocate(o);
    if (o.member_id) o.points_earned = o.paid_fen() / 100 * points_percent(tiers.at(*o.member_id)) / 100;
  }
  auto& batch = r.get<storage::PosImportStore>();
  out.orders = batch.insert_orders(orders);
  std::vector<purchase::Line> lines;
  for (const auto& o : orders)
    for (auto l : o.lines) {
      l.order_id = o.id;
      lines.push_back(std::move(l));
    }
  out.lines = batch.insert_lines(lines);
  for (const auto& o : orders)
    if (o.member_id && o.id) app::record_order_points(c, o);
  // A few returns (退货) within a week: one unit of the first line, as the POS sends them.
  for (const auto& [index, store] : returns) {
    const auto& sale = orders[index];
    Rng rng(kSeed, 2'000'000 + index);
    const int64_t day = detail::local_day(sale.sold_at / 1000) + rng.between(1, 7);
    app::OrderInput in;
    auto& o = in.order;
    o.store_id = sale.store_id;
    o.member_id = sale.member_id;
    o.receipt_no = receipts.next(store, detail::civil_from_days(day));
    o.sold_at = (detail::local_midnight(day) + rng.between(11 * 3600, 20 * 3600)) * 1000;
    o.payment = sale.payment;
    o.source = "demo";
    auto l = sale.lines.front();
    l.quantity = -1;
    l.line_discount_fen = 0;
    l.promotion.clear();
    o.lines.push_back(l);
    in.originals.push_back(app::OriginalRef{sale.receipt_no, l.line_no});
    app::Context at{r, admin, o.sold_at};
    app::record_order(at, in);
    ++out.returns;
  }
  return out;
}

}  // namespace kefu::demo
