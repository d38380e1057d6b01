// Text tables of the demo generator: names, goods, ticket scenarios and the
// phrases of a ticket's timeline. All texts are written for this demo.
#pragma once

#include <string_view>
#include <vector>

namespace kefu::demo::detail {

using Texts = std::vector<std::string_view>;

// --- people (texts_people.cpp) ---
struct Surname {
  std::string_view text;
  int weight;
};
const std::vector<Surname>& surnames();
// Given names by generation (0: born before 1965, 1: 1965-1989, 2: 1990 and later).
const Texts& given_names(bool female, int generation);

// --- goods (texts_goods.cpp) ---
struct Goods {
  std::string_view category;  // 服装, 鞋包, ...
  Texts brands;               // invented brand names
  Texts products;
  Texts specs;  // size, volume, weight or model: "M码", "50ml", "KFR-35GW"
  Texts locations;
  int price_min;  // yuan
  int price_max;
};
const std::vector<Goods>& goods();
// The goods category with that name; the first one when unknown.
const Goods& goods_named(std::string_view category);

// Small slot tables (texts_goods.cpp).
const Texts& colours();
const Texts& promotions();
const Texts& holidays();
const Texts& lost_items();
const Texts& parking_zones();

// --- ticket scenarios (scenarios_*.cpp) ---
// One kind of situation at the desk; a ticket is one scenario with its slots
// filled in. Every text may use the slots made in ticket_slots.cpp.
struct Scenario {
  std::string_view type{};
  int weight{};                        // relative frequency within its type
  std::string_view priority{};         // P1..P4
  int claim_percent = 0;               // chance the customer claims money or a replacement: P3 -> P2
  std::string_view category{};         // the ticket category; empty: the picked goods category
  Texts goods{};                       // goods categories for the {brand}/{product}/... slots; empty: any
  Texts products{};                    // overrides the goods category's products
  std::string_view channel{};          // forced channel, "a|b" for a choice; empty: by type
  std::string_view task_department{};  // collaboration task target; empty: none
  int task_percent = 0;
  int purchase_min_days = -1;  // with a purchase when >= 0: bought this many days before
  int purchase_max_days = -1;
  bool needs_member = false;  // only members raise it (points, member number...)
  std::string_view care{};    // prefer a member with this care flag
  bool hold = false;          // something is lent or kept until the customer comes back
  Texts locations{};          // empty: the goods category's locations
  // Subjects and resolutions pair with descriptions by index when they have as
  // many entries; otherwise any of them fits every description. A subject may
  // offer alternatives: "a|b". Feedback pairs with resolutions the same way
  // (e.g. found / not found).
  Texts subjects{};
  Texts descriptions{};
  Texts tasks{};        // empty: the department's generic task
  Texts feedback{};     // the department's answer to its task; empty: generic
  Texts resolutions{};  // the reply that settles the case
  Texts waits{};        // reply that asks the customer for something; empty: generic
  bool rising = false;  // only the story's rising topic picks it (story.hpp), never the weights
};

const std::vector<Scenario>& scenarios();
void add_inquiry_scenarios(std::vector<Scenario>& out);
void add_service_scenarios(std::vector<Scenario>& out);
void add_complaint_scenarios(std::vector<Scenario>& out);
void add_return_scenarios(std::vector<Scenario>& out);
void add_feedback_scenarios(std::vector<Scenario>& out);  // lost & found, suggestion, praise
void add_story_scenarios(std::vector<Scenario>& out);     // the rising topic (story.hpp), weight 0

// --- timeline phrases (texts_events.cpp) ---
const Texts& acknowledgements(std::string_view type);  // first reply
const Texts& fact_finding_notes();
const Texts& generic_tasks(std::string_view department);
const Texts& generic_feedback(std::string_view department);
const Texts& generic_waits();
const Texts& customer_returns_notes();  // the customer answered generic_waits()[i]
const Texts& callback_notes();          // 回访
const Texts& reopen_notes();
const Texts& handover_reasons(bool escalation);
const Texts& claim_sentences();
const Texts& channel_prefixes(std::string_view channel);
const Texts& closing_notes();
// The story (story.hpp): chasing the slow department, waiting on a brand's supplier.
const Texts& slow_department_chasers();
const Texts& supplier_tasks();
const Texts& supplier_notes();

}  // namespace kefu::demo::detail
