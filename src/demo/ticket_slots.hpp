// The slots of one ticket's texts ({brand}, {product}, {price}, {customer}...).
#pragma once

#include <string>
#include <string_view>

#include "demo/catalog.hpp"
#include "demo/random.hpp"
#include "demo/slots.hpp"
#include "demo/texts.hpp"

namespace kefu::demo::detail {

// Everything a ticket's texts may mention.
struct Facts {
  const Store& store;
  const Scenario& scenario;
  const Goods& goods;
  const Member* member;
  int64_t created_at;
  int purchase_days;  // -1 without a purchase
  std::string purchase_ref;
  std::string priority;
  std::string department_name;  // of the scenario's task department
};

// Every slot the scenario texts may use except {location}, {floor} and
// {subject}, which the ticket sets once they are known; {pos} only with a purchase.
Slots make_slots(const Facts& facts, Rng& rng);

// "a|b" -> "a" or "b".
std::string pick_alternative(std::string_view text, Rng& rng);

// "3F 女装区" reads "3F女装区" inside a Chinese sentence.
std::string inline_place(std::string place);

}  // namespace kefu::demo::detail
