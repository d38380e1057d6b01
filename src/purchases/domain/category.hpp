#pragma once
// The retail categories (品类) a purchase line is filed under: the POS import maps its own
// category names to these, and the returns policy (src/returns) writes its rules over them.
#include <array>

#include "core/domain/vocabulary.hpp"

namespace kefu::purchase {

enum class CategoryCode {
  clothing,
  shoes,
  underwear_swimwear,
  cosmetics,
  food_fresh,
  food_packaged,
  jewelry,
  watches,
  electronics,
  appliances,
  home,
  toys,
  sports,
  books,
  customised,
  gift_card,
  other
};
inline constexpr std::array<Term<CategoryCode>, 17> kCategories{{
    {CategoryCode::clothing, "clothing", "服装", "Clothing"},
    {CategoryCode::shoes, "shoes", "鞋靴", "Shoes"},
    {CategoryCode::underwear_swimwear, "underwear_swimwear", "内衣泳装", "Underwear and swimwear"},
    {CategoryCode::cosmetics, "cosmetics", "美妆护肤", "Cosmetics"},
    {CategoryCode::food_fresh, "food_fresh", "生鲜食品", "Fresh food"},
    {CategoryCode::food_packaged, "food_packaged", "包装食品", "Packaged food"},
    {CategoryCode::jewelry, "jewelry", "珠宝首饰", "Jewellery"},
    {CategoryCode::watches, "watches", "钟表", "Watches"},
    {CategoryCode::electronics, "electronics", "数码电子", "Electronics"},
    {CategoryCode::appliances, "appliances", "家用电器", "Home appliances"},
    {CategoryCode::home, "home", "家居用品", "Home goods"},
    {CategoryCode::toys, "toys", "母婴玩具", "Baby and toys"},
    {CategoryCode::sports, "sports", "运动户外", "Sports and outdoor"},
    {CategoryCode::books, "books", "图书文具", "Books and stationery"},
    {CategoryCode::customised, "customised", "定制商品", "Customised goods"},
    {CategoryCode::gift_card, "gift_card", "礼品卡", "Gift cards"},
    {CategoryCode::other, "other", "其他", "Other"},
}};
using Category = Closed<CategoryCode, kCategories>;

}  // namespace kefu::purchase
