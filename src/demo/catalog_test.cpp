#include "demo/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "demo/calendar.hpp"
#include "demo/catalog_fixture.hpp"

namespace kefu::demo {
namespace {

using namespace catalog_testing;

TEST(DemoCatalog, IsDeterministic) {
  EXPECT_EQ(fingerprint(generate(42, kNow)), fingerprint(shared()));
  EXPECT_NE(fingerprint(generate(43, kNow)), fingerprint(shared()));
  EXPECT_NE(fingerprint(generate(42, kNow + kDay)), fingerprint(shared()));
}

TEST(DemoCatalog, HasTheRequestedCounts) {
  const auto& c = shared();
  EXPECT_EQ(c.stores.size(), 2u);
  EXPECT_EQ(c.departments.size(), 8u);
  EXPECT_GE(c.staff.size(), 18u);
  EXPECT_LE(c.staff.size(), 24u);
  EXPECT_EQ(c.members.size(), 500u);
  EXPECT_EQ(c.tickets.size(), 3000u);

  const auto small = generate(1, kNow, 40, 120, 30);
  EXPECT_EQ(small.members.size(), 40u);
  EXPECT_EQ(small.tickets.size(), 120u);
  for (const auto& t : small.tickets) EXPECT_GE(t.created_at, kNow - 30 * kDay);

  const auto empty = generate(1, kNow, 0, 0, 90);
  EXPECT_TRUE(empty.members.empty());
  EXPECT_TRUE(empty.tickets.empty());
  EXPECT_EQ(empty.staff.size(), c.staff.size());

  for (const auto& t : generate(1, kNow, 0, 50, 10).tickets) EXPECT_EQ(t.member_index, -1);
}

TEST(DemoCatalog, MoreTicketsLeaveMembersUnchanged) {
  const auto a = generate(5, kNow, 100, 10);
  const auto b = generate(5, kNow, 100, 500);
  ASSERT_EQ(a.members.size(), b.members.size());
  for (size_t i = 0; i < a.members.size(); ++i) EXPECT_EQ(a.members[i].phone, b.members[i].phone);
}

TEST(DemoCatalog, DepartmentsCoverEveryKind) {
  std::set<std::string> kinds, codes;
  for (const auto& d : shared().departments) {
    kinds.insert(d.kind);
    EXPECT_TRUE(codes.insert(d.code).second) << d.code;
    EXPECT_FALSE(d.name.empty());
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"desk", "floor", "brand_counter", "security", "parking", "property",
                                          "cashier", "member_center"}));
}

TEST(DemoCatalog, StoresHaveOpeningHoursEveryDay) {
  for (const auto& s : shared().stores) {
    EXPECT_EQ(s.timezone, "Asia/Shanghai");
    EXPECT_FALSE(s.name.empty());
    EXPECT_FALSE(s.address.empty());
    std::set<int> days;
    for (const auto& p : s.hours) {
      days.insert(p.weekday);
      EXPECT_LT(clock_seconds(p.open), clock_seconds(p.close)) << s.code;
    }
    EXPECT_EQ(days.size(), 7u) << s.code;
  }
}

TEST(DemoCatalog, StaffCoverEveryRoleAndBelongToStores) {
  const auto& c = shared();
  std::set<std::string> roles, usernames;
  const std::regex pinyin("[a-z]+");
  std::set<std::string> department_codes;
  for (const auto& d : c.departments) department_codes.insert(d.code);
  for (const auto& s : c.staff) {
    roles.insert(s.role);
    EXPECT_TRUE(usernames.insert(s.username).second) << s.username;
    EXPECT_TRUE(std::regex_match(s.username, pinyin)) << s.username;
    EXPECT_FALSE(s.store_codes.empty()) << s.username;
    for (const auto& code : s.store_codes) EXPECT_NE(find_store(c, code), nullptr) << code;
    for (const auto& code : s.department_codes) EXPECT_TRUE(department_codes.count(code)) << code;
  }
  EXPECT_EQ(roles, (std::set<std::string>{"agent", "supervisor", "dept_head", "manager", "admin"}));
  const Staff* admin = find_staff(c, "admin");
  ASSERT_NE(admin, nullptr);
  EXPECT_EQ(admin->role, "admin");
  EXPECT_EQ(admin->store_codes.size(), c.stores.size());
  for (const auto& store : c.stores) {
    for (const char* role : {"agent", "supervisor", "manager"}) {
      EXPECT_TRUE(std::any_of(c.staff.begin(), c.staff.end(),
                              [&](const Staff& s) { return s.role == role && contains(s.store_codes, store.code); }))
          << store.code << " has no " << role;
    }
  }
}

TEST(DemoCatalog, PhonesAndMemberNumbersAreUniqueAndWellFormed) {
  const auto& c = shared();
  const std::regex mobile("1[3-9][0-9]{9}");
  const std::regex member_no("M[0-9]{8}");
  const std::regex date("(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])");
  std::set<std::string> phones, numbers;
  for (const auto& s : c.staff) {
    EXPECT_TRUE(std::regex_match(s.phone, mobile)) << s.phone;
    EXPECT_TRUE(phones.insert(s.phone).second) << s.phone;
  }
  std::map<std::string, int> tiers;
  for (const auto& m : c.members) {
    EXPECT_TRUE(std::regex_match(m.phone, mobile)) << m.phone;
    EXPECT_TRUE(phones.insert(m.phone).second) << m.phone;
    EXPECT_TRUE(std::regex_match(m.member_no, member_no)) << m.member_no;
    EXPECT_TRUE(numbers.insert(m.member_no).second) << m.member_no;
    EXPECT_TRUE(std::regex_match(m.birthday, date)) << m.birthday;
    EXPECT_GE(chars(m.name), 2u);
    EXPECT_LE(chars(m.name), 4u);
    EXPECT_NE(find_store(c, m.home_store), nullptr);
    for (const auto& f : m.care_flags) EXPECT_TRUE(f == "elderly" || f == "disabled" || f == "pregnant") << f;
    if (contains(m.care_flags, "elderly")) {
      EXPECT_LT(std::stoi(m.birthday.substr(0, 4)), 1962) << m.birthday;
    }
    ++tiers[m.tier];
  }
  EXPECT_EQ(tiers.size(), 4u);
  for (const auto& [tier, n] : tiers) {
    EXPECT_TRUE(tier == "normal" || tier == "silver" || tier == "gold" || tier == "platinum") << tier;
    if (tier != "normal") {
      EXPECT_LT(n, tiers["normal"]) << tier;
    }
  }
}

TEST(DemoCatalog, TicketsReferToExistingEntries) {
  const auto& c = shared();
  std::set<std::string> departments;
  for (const auto& d : c.departments) departments.insert(d.code);
  for (const auto& t : c.tickets) {
    const Store* store = find_store(c, t.store_code);
    ASSERT_NE(store, nullptr) << t.store_code;
    EXPECT_TRUE(departments.count(t.department_code)) << t.department_code;
    const Staff* owner = find_staff(c, t.owner);
    ASSERT_NE(owner, nullptr) << t.owner;
    EXPECT_TRUE(contains(owner->store_codes, t.store_code)) << t.owner << " " << t.store_code;
    EXPECT_TRUE(contains(owner->department_codes, t.department_code)) << t.owner << " " << t.department_code;
    EXPECT_GE(t.member_index, -1);
    EXPECT_LT(t.member_index, static_cast<int>(c.members.size()));
  }
}

TEST(DemoCatalog, OwnersAreMostlyAgents) {
  int agents = 0;
  for (const auto& t : shared().tickets) agents += find_staff(shared(), t.owner)->role == "agent";
  EXPECT_GT(agents, 2700);
}

TEST(DemoCatalog, TicketsAreCreatedInOpeningHoursWithinTheWindow) {
  const auto& c = shared();
  int64_t previous = 0;
  for (const auto& t : c.tickets) {
    EXPECT_GE(t.created_at, kNow - 90 * kDay);
    EXPECT_LT(t.created_at, kNow);
    EXPECT_TRUE(open_at(*find_store(c, t.store_code), t.created_at)) << t.store_code << " " << t.created_at;
    EXPECT_GE(t.created_at, previous);  // sorted
    previous = t.created_at;
  }
}

TEST(DemoCatalog, ValuesComeFromTheAllowedSets) {
  const std::set<std::string> types = {"inquiry",         "complaint",  "return", "lost_found",
                                       "service_request", "suggestion", "praise"};
  const std::set<std::string> channels = {"service_desk", "floor_desk",   "brand_counter", "cashier",     "hotline",
                                          "app",          "social_media", "comment_box",   "bot_handoff", "email"};
  const std::set<std::string> priorities = {"P1", "P2", "P3", "P4"};
  std::map<std::string, int> seen_types, seen_priorities;
  std::set<std::string> seen_channels;
  for (const auto& t : shared().tickets) {
    EXPECT_TRUE(types.count(t.type)) << t.type;
    EXPECT_TRUE(channels.count(t.channel)) << t.channel;
    EXPECT_TRUE(priorities.count(t.priority)) << t.priority;
    ++seen_types[t.type];
    ++seen_priorities[t.priority];
    seen_channels.insert(t.channel);
  }
  EXPECT_EQ(seen_types.size(), types.size());
  EXPECT_EQ(seen_channels, channels);
  EXPECT_EQ(seen_priorities.size(), priorities.size());
  // The mix of a real desk.
  EXPECT_GT(seen_types["inquiry"] + seen_types["service_request"], 1200);
  EXPECT_GT(seen_types["complaint"], seen_types["lost_found"]);
  EXPECT_LT(seen_types["praise"], seen_types["suggestion"]);
  EXPECT_LT(seen_priorities["P1"], 90);  // a few
  EXPECT_GT(seen_priorities["P4"], 1500);
}

TEST(DemoCatalog, PrioritiesFollowTheRules) {
  for (const auto& t : shared().tickets) {
    if (t.type == "inquiry" || t.type == "suggestion" || t.type == "praise") {
      EXPECT_EQ(t.priority, "P4") << t.subject;
    }
    if (t.priority == "P2") {
      EXPECT_EQ(t.type, "complaint") << t.subject;
    }
    if (t.priority == "P1") {
      EXPECT_TRUE(t.type == "complaint" || t.type == "service_request") << t.subject;
    }
  }
}

TEST(DemoCatalog, TextsAreFilledAndSized) {
  std::set<std::string> descriptions;
  for (const auto& t : shared().tickets) {
    EXPECT_GE(chars(t.description), 30u) << t.description;
    EXPECT_LE(chars(t.description), 200u) << t.description;
    EXPECT_GE(chars(t.subject), 4u) << t.subject;
    EXPECT_LE(chars(t.subject), 40u) << t.subject;
    EXPECT_FALSE(t.category.empty());
    EXPECT_FALSE(t.location.empty());
    for (const auto* text : {&t.subject, &t.description, &t.location}) {
      EXPECT_EQ(text->find_first_of("{}|"), std::string::npos) << *text;
    }
    for (const auto& e : t.events) EXPECT_EQ(e.text.find_first_of("{}"), std::string::npos) << e.text;
    descriptions.insert(t.description);
  }
  EXPECT_GT(descriptions.size(), 2700u);  // little verbatim repetition
}

TEST(DemoCatalog, PurchaseRefsNameTheStoreAndAnEarlierDate) {
  const std::regex pos("POS-([A-Z]{2}[0-9]{2})-([0-9]{8})-[0-9]{5}");
  int with_purchase = 0;
  for (const auto& t : shared().tickets) {
    if (t.purchase_ref.empty()) continue;
    ++with_purchase;
    std::smatch m;
    ASSERT_TRUE(std::regex_match(t.purchase_ref, m, pos)) << t.purchase_ref;
    EXPECT_EQ(m[1], t.store_code);
    const auto created = detail::civil_from_days(detail::local_day(t.created_at));
    EXPECT_LE(m[2].str(), detail::format_compact(created)) << t.purchase_ref;
    EXPECT_NE(t.type, "suggestion");
  }
  EXPECT_GT(with_purchase, 300);
  EXPECT_LT(with_purchase, 2000);
}

TEST(DemoCatalog, WeekendsAndEveningsAreBusier) {
  std::map<int, int> by_weekday, by_hour;
  for (const auto& t : shared().tickets) {
    ++by_weekday[local_weekday(t.created_at)];
    ++by_hour[local_hour(t.created_at)];
  }
  const double weekend = (by_weekday[0] + by_weekday[6]) / 2.0;
  const double midweek = (by_weekday[1] + by_weekday[2] + by_weekday[3]) / 3.0;
  EXPECT_GT(weekend, midweek * 1.5);
  EXPECT_GT(by_hour[19] + by_hour[20], by_hour[10] + by_hour[11]);
}

TEST(DemoCatalog, MembersAreLinkedPlausibly) {
  const auto& c = shared();
  int linked = 0;
  for (const auto& t : c.tickets) {
    if (t.member_index < 0) continue;
    ++linked;
  }
  EXPECT_GT(linked, 1000);
  EXPECT_LT(linked, 2700);
}

// The invariants, checked on catalogues from other seeds, clocks and windows.
void expect_consistent(const Catalog& c, int64_t now, int days) {
  const std::map<std::string, std::set<std::string>> next = {
      {"new", {"in_progress"}},
      {"in_progress", {"waiting_customer", "waiting_internal", "resolved"}},
      {"waiting_customer", {"in_progress"}},
      {"waiting_internal", {"in_progress"}},
      {"resolved", {"closed", "in_progress"}},
      {"closed", {}},
  };
  for (const auto& t : c.tickets) {
    const Store* store = find_store(c, t.store_code);
    ASSERT_NE(store, nullptr);
    EXPECT_GE(t.created_at, now - days * kDay);
    EXPECT_LT(t.created_at, now);
    EXPECT_TRUE(open_at(*store, t.created_at));
    const Staff* owner = find_staff(c, t.owner);
    ASSERT_NE(owner, nullptr);
    EXPECT_TRUE(contains(owner->store_codes, t.store_code));
    EXPECT_GE(chars(t.description), 30u);
    EXPECT_LE(chars(t.description), 200u);
    EXPECT_EQ((t.subject + t.description + t.location).find_first_of("{}|"), std::string::npos) << t.subject;
    std::string status = "new";
    int64_t previous = -1;
    for (const auto& e : t.events) {
      EXPECT_GT(e.offset_seconds, previous);
      previous = e.offset_seconds;
      EXPECT_LE(t.created_at + e.offset_seconds, now);
      if (t.priority != "P1") {  // a P1 case is followed round the clock
        EXPECT_TRUE(open_at(*store, t.created_at + e.offset_seconds));
      }
      EXPECT_EQ(e.text.find_first_of("{}"), std::string::npos) << e.text;
      if (e.kind == "status") {
        EXPECT_TRUE(next.at(status).count(e.to_status)) << status << " -> " << e.to_status;
        status = e.to_status;
      }
    }
    EXPECT_EQ(t.status, status);
  }
}

TEST(DemoCatalog, InvariantsHoldForOtherSeedsAndClocks) {
  // Around New Year 2024, during the 2025 National Day week, at a late evening
  // and just before midnight.
  for (const int64_t now : {int64_t{1704067200}, int64_t{1759460400}, int64_t{1762955940}, kNow + 11 * 3600}) {
    for (const uint64_t seed : {1u, 2u, 3u}) {
      for (const int days : {1, 7, 400}) {
        SCOPED_TRACE(testing::Message() << "now=" << now << " seed=" << seed << " days=" << days);
        const auto c = generate(seed, now, 60, 300, days);
        EXPECT_EQ(c.tickets.size(), 300u);
        expect_consistent(c, now, days);
      }
    }
  }
}

}  // namespace
}  // namespace kefu::demo
