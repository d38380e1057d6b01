// Demo data for kefu: two stores, their departments and staff, members and a
// few thousand tickets with a realistic life (replies, notes, status changes,
// collaboration tasks, hand-overs).
//
// The generator is pure and deterministic: the same (seed, now_unix, members,
// tickets, days) always yields the same catalogue, on any platform. It reads no
// clock, file or environment and depends only on the C++ standard library.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kefu::demo {

// One opening period of a store. Several periods per weekday are allowed.
struct Period {
  int weekday;        // 0 = Sunday .. 6 = Saturday
  std::string open;   // local time "HH:MM", e.g. "10:00"
  std::string close;  // local time "HH:MM", after open on the same day, e.g. "22:30"
};

struct Store {
  std::string code;      // "SH01"
  std::string name;      // 恒悦百货（上海静安店）
  std::string timezone;  // "Asia/Shanghai"
  std::string address;
  std::vector<Period> hours;  // when the service desk is staffed; tickets are registered only then
  std::string hotline;        // service hotline shown to customers
};

// Departments are shared by code across stores.
struct Department {
  std::string code;  // "desk", "floor", ...
  std::string name;  // 总服务台, 楼层管理部, ...
  std::string kind;  // desk, floor, brand_counter, security, parking, property, cashier, member_center
};

struct Staff {
  std::string username;                       // pinyin, unique: "zhangmin"; the administrator is "admin"
  std::string display_name;                   // 张敏
  std::string role;                           // agent, supervisor, dept_head, manager, admin
  std::vector<std::string> store_codes;       // admin: every store
  std::vector<std::string> department_codes;  // first one is the home department
  std::string phone;                          // mainland mobile, unique among staff and members
};

struct Member {
  std::string member_no;  // "M" + 8 digits, unique
  std::string name;
  std::string phone;                    // 11 digits, 1[3-9]x..., unique
  std::string tier;                     // normal, silver, gold, platinum
  std::string birthday;                 // "YYYY-MM-DD"
  std::vector<std::string> care_flags;  // subset of elderly, disabled, pregnant
  std::string home_store;               // store code
  int points = 0;                       // current points balance
  std::string gender;                   // "F" or "M"
};

// One entry of a ticket's timeline.
//   reply    message to the customer (text)
//   note     internal note (text); when department_code is set, the note is that
//            department's answer to its collaboration task, which is then done
//   status   status change to to_status: in_progress, waiting_customer,
//            waiting_internal, resolved, closed (a ticket starts as "new")
//   task     collaboration task for department_code (text = what to do,
//            due_offset_seconds = internal deadline, from ticket creation)
//   handover ownership moves from actor to the staff whose username is text;
//            reason says why
struct Event {
  int64_t offset_seconds;  // from Ticket::created_at; strictly increasing within a ticket
  std::string kind;
  std::string actor;  // staff username
  std::string text;
  std::string to_status;
  std::string department_code;
  std::string reason;              // handover only
  int64_t due_offset_seconds = 0;  // task only
};

struct Ticket {
  std::string store_code;
  std::string department_code;  // the department that took the contact (the owner's department)
  std::string type;             // inquiry, complaint, return, lost_found, service_request, suggestion, praise
  std::string channel;          // service_desk, floor_desk, brand_counter, cashier, hotline, app, social_media,
                                // comment_box, bot_handoff, email
  std::string priority;         // P1 safety/food/media, P2 complaint with a claim, P3 complaint, P4 other
  std::string subject;
  std::string description;   // 30..200 characters
  std::string category;      // 服装, 停车, 服务态度, ...
  std::string location;      // "3F 女装区"
  int member_index;          // index into Catalog::members, or -1 for a walk-in customer
  std::string purchase_ref;  // "POS-SH01-20250312-00457" or empty
  std::string owner;         // first-contact owner (首问负责人), staff of the ticket's store
  int64_t created_at;        // unix seconds, inside the store's opening hours
  std::vector<Event> events;
  std::string status;  // status after the last event: new, in_progress, ..., closed
};

struct Catalog {
  std::vector<Store> stores;
  std::vector<Department> departments;
  std::vector<Staff> staff;
  std::vector<Member> members;
  std::vector<Ticket> tickets;  // sorted by created_at
};

// Builds the catalogue. Tickets are created in [now_unix - days * 86400, now_unix)
// and all their events happen no later than now_unix and inside opening hours.
// Negative counts are treated as zero.
Catalog generate(uint64_t seed, int64_t now_unix, int members = 500, int tickets = 3000, int days = 90);

}  // namespace kefu::demo
