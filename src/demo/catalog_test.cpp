#include "demo/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "demo/calendar.hpp"

namespace kefu::demo {
namespace {

// 2025-05-21 12:00 in Shanghai: the window covers Qingming and Labour Day.
constexpr int64_t kNow = 1747800000;
constexpr int64_t kDay = 86400;

const Catalog& shared() {
  static const Catalog catalog = generate(42, kNow);
  return catalog;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

const Staff* find_staff(const Catalog& c, const std::string& username) {
  for (const auto& s : c.staff) {
    if (s.username == username) return &s;
  }
  return nullptr;
}

const Store* find_store(const Catalog& c, const std::string& code) {
  for (const auto& s : c.stores) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

size_t chars(const std::string& utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

int clock_seconds(const std::string& hhmm) {
  return std::stoi(hhmm.substr(0, 2)) * 3600 + std::stoi(hhmm.substr(3)) * 60;
}

// Independent of the generator's calendar code: Shanghai is UTC+8 without DST,
// and 1970-01-01 was a Thursday.
bool open_at(const Store& store, int64_t unix_time) {
  const int64_t local = unix_time + 8 * 3600;
  const int64_t day = local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
  const int weekday = static_cast<int>((day + 4) % 7);
  const int64_t second = local - day * kDay;
  for (const auto& p : store.hours) {
    if (p.weekday == weekday && second >= clock_seconds(p.open) && second < clock_seconds(p.close)) return true;
  }
  return false;
}

int local_hour(int64_t unix_time) { return static_cast<int>(((unix_time + 8 * 3600) % kDay) / 3600); }
int local_weekday(int64_t unix_time) { return static_cast<int>(((unix_time + 8 * 3600) / kDay + 4) % 7); }

std::string fingerprint(const Catalog& c) {
  std::string out;
  for (const auto& s : c.staff) out += s.username + s.phone + ";";
  for (const auto& m : c.members) out += m.member_no + m.name + m.phone + m.tier + m.birthday + m.home_store + ";";
  for (const auto& t : c.tickets) {
    out += t.store_code + t.type + t.channel + t.priority + t.subject + t.description + t.location + t.owner +
           t.purchase_ref + std::to_string(t.created_at) + std::to_string(t.member_index) + ";";
    for (const auto& e : t.events) out += std::to_string(e.offset_seconds) + e.kind + e.actor + e.text + e.to_status;
  }
  return out;
}

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

TEST(DemoCatalog, EventsAreOrderedAndInsideOpeningHours) {
  const auto& c = shared();
  for (const auto& t : c.tickets) {
    const Store& store = *find_store(c, t.store_code);
    int64_t previous = -1;
    for (const auto& e : t.events) {
      EXPECT_GT(e.offset_seconds, previous) << t.subject;
      previous = e.offset_seconds;
      EXPECT_LE(t.created_at + e.offset_seconds, kNow);
      EXPECT_TRUE(open_at(store, t.created_at + e.offset_seconds)) << e.kind << " " << e.text;
      EXPECT_LE(e.offset_seconds, 30 * kDay);  // a plausible span
    }
  }
}

TEST(DemoCatalog, EventsAreWellFormed) {
  const auto& c = shared();
  std::set<std::string> departments;
  for (const auto& d : c.departments) departments.insert(d.code);
  std::map<std::string, int> kinds;
  for (const auto& t : c.tickets) {
    for (const auto& e : t.events) {
      ++kinds[e.kind];
      const Staff* actor = find_staff(c, e.actor);
      ASSERT_NE(actor, nullptr) << e.actor;
      EXPECT_TRUE(contains(actor->store_codes, t.store_code)) << e.actor;
      if (e.kind == "reply" || e.kind == "note") {
        EXPECT_FALSE(e.text.empty());
      }
      if (e.kind == "task") {
        EXPECT_TRUE(departments.count(e.department_code)) << e.department_code;
        EXPECT_FALSE(e.text.empty());
        EXPECT_GT(e.due_offset_seconds, e.offset_seconds);
      }
      if (e.kind == "handover") {
        const Staff* target = find_staff(c, e.text);
        ASSERT_NE(target, nullptr) << e.text;
        EXPECT_TRUE(contains(target->store_codes, t.store_code));
        EXPECT_NE(e.text, e.actor);
        EXPECT_FALSE(e.reason.empty());
      }
      if (e.kind != "status") {
        EXPECT_TRUE(e.to_status.empty());
      }
    }
  }
  for (const char* kind : {"reply", "note", "status", "task", "handover"}) {
    EXPECT_GT(kinds[kind], 20) << kind;
  }
  EXPECT_EQ(kinds.size(), 5u);
}

TEST(DemoCatalog, StatusChangesFormAValidPath) {
  const std::map<std::string, std::set<std::string>> next = {
      {"new", {"in_progress"}},
      {"in_progress", {"waiting_customer", "waiting_internal", "resolved"}},
      {"waiting_customer", {"in_progress"}},
      {"waiting_internal", {"in_progress"}},
      {"resolved", {"closed", "in_progress"}},
      {"closed", {}},
  };
  std::map<std::string, int> finals;
  for (const auto& t : shared().tickets) {
    std::string status = "new";
    for (const auto& e : t.events) {
      if (e.kind != "status") continue;
      EXPECT_TRUE(next.at(status).count(e.to_status)) << status << " -> " << e.to_status << " in " << t.subject;
      status = e.to_status;
    }
    EXPECT_EQ(t.status, status);
    ++finals[status];
  }
  for (const char* s : {"new", "in_progress", "waiting_customer", "waiting_internal", "resolved", "closed"}) {
    EXPECT_GT(finals[s], 0) << s;
  }
}

TEST(DemoCatalog, LifeFitsTheTicketsAge) {
  int fresh = 0, fresh_open = 0, old = 0, old_done = 0;
  for (const auto& t : shared().tickets) {
    const int64_t age = kNow - t.created_at;
    const bool open = t.status != "resolved" && t.status != "closed";
    if (age < kDay) ++fresh, fresh_open += open;
    if (age > 10 * kDay) ++old, old_done += !open;
  }
  ASSERT_GT(fresh, 10);
  EXPECT_GT(fresh_open * 2, fresh);  // mostly still new or in progress
  EXPECT_GT(old_done * 100, old * 90);
  EXPECT_LT(old_done, old);  // but a few got stuck
}

TEST(DemoCatalog, ComplaintsGetCollaborationTasksToTheRightDepartment) {
  int complaints = 0, with_task = 0;
  std::map<std::string, std::set<std::string>> task_departments;  // category -> departments
  for (const auto& t : shared().tickets) {
    if (t.type != "complaint") continue;
    ++complaints;
    bool task = false;
    for (const auto& e : t.events) {
      if (e.kind != "task") continue;
      task = true;
      task_departments[t.category].insert(e.department_code);
    }
    with_task += task;
  }
  EXPECT_GT(with_task * 2, complaints);
  EXPECT_TRUE(task_departments["停车"].count("parking"));
  EXPECT_TRUE(task_departments["服装"].count("brand_counter"));
  EXPECT_TRUE(task_departments["收银"].count("cashier"));
  EXPECT_TRUE(task_departments["环境设施"].count("property"));
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
      EXPECT_TRUE(open_at(*store, t.created_at + e.offset_seconds));
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
