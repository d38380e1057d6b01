#include "demo/catalog.hpp"

#include <algorithm>

#include "demo/parts.hpp"

namespace kefu::demo {

Catalog generate(uint64_t seed, int64_t now_unix, int members, int tickets, int days) {
  // Separate streams, so that e.g. more tickets do not change the members.
  detail::Rng org_rng(seed, 0x6f7267);
  detail::Rng member_rng(seed, 0x6d656d62);
  detail::PhoneBook phones;

  Catalog catalog;
  catalog.stores = detail::make_stores();
  catalog.departments = detail::make_departments();
  catalog.staff = detail::make_staff(org_rng, phones);
  catalog.members = detail::make_members(member_rng, phones, std::max(members, 0), now_unix, catalog.stores);
  catalog.tickets = detail::make_tickets(seed, now_unix, std::max(tickets, 0), std::max(days, 0), catalog);
  return catalog;
}

}  // namespace kefu::demo
