// Tickets: what they are about, where they came from, who took them, and their
// texts; the arrival times come from arrivals.cpp, the life from timeline.cpp.
#include <algorithm>
#include <array>
#include <cstdio>

#include "demo/arrivals.hpp"
#include "demo/calendar.hpp"
#include "demo/parts.hpp"
#include "demo/story.hpp"
#include "demo/ticket_slots.hpp"
#include "demo/timeline.hpp"

namespace kefu::demo::detail {
namespace {

constexpr uint64_t kTicketStream = 0x7469636b00000000ull;

// ---- what: type, scenario, channel ----

struct Weighted {
  std::string_view value;
  int weight;
};

template <size_t N>
std::string_view pick_weighted(const std::array<Weighted, N>& table, Rng& rng) {
  std::array<int, N> weights{};
  for (size_t i = 0; i < N; ++i) weights[i] = table[i].weight;
  return table[rng.weighted(weights)].value;
}

constexpr std::array<Weighted, 7> kTypes = {{{"inquiry", 28},
                                             {"service_request", 24},
                                             {"complaint", 18},
                                             {"return", 12},
                                             {"lost_found", 9},
                                             {"suggestion", 6},
                                             {"praise", 3}}};

std::string_view pick_channel(std::string_view type, Rng& rng) {
  using T = std::array<Weighted, 10>;
  static constexpr T kInquiry = {{{"service_desk", 30},
                                  {"hotline", 24},
                                  {"app", 14},
                                  {"bot_handoff", 14},
                                  {"floor_desk", 10},
                                  {"social_media", 3},
                                  {"email", 2},
                                  {"brand_counter", 2},
                                  {"cashier", 1},
                                  {"comment_box", 0}}};
  static constexpr T kComplaint = {{{"service_desk", 30},
                                    {"hotline", 20},
                                    {"floor_desk", 10},
                                    {"app", 10},
                                    {"brand_counter", 7},
                                    {"social_media", 7},
                                    {"bot_handoff", 5},
                                    {"cashier", 5},
                                    {"comment_box", 4},
                                    {"email", 2}}};
  static constexpr T kReturn = {{{"service_desk", 42},
                                 {"brand_counter", 30},
                                 {"floor_desk", 10},
                                 {"app", 7},
                                 {"cashier", 5},
                                 {"hotline", 4},
                                 {"bot_handoff", 2},
                                 {"email", 0},
                                 {"social_media", 0},
                                 {"comment_box", 0}}};
  static constexpr T kLost = {{{"service_desk", 58},
                               {"hotline", 16},
                               {"floor_desk", 14},
                               {"app", 5},
                               {"cashier", 4},
                               {"bot_handoff", 3},
                               {"email", 0},
                               {"social_media", 0},
                               {"brand_counter", 0},
                               {"comment_box", 0}}};
  static constexpr T kService = {{{"service_desk", 72},
                                  {"floor_desk", 14},
                                  {"hotline", 6},
                                  {"app", 5},
                                  {"bot_handoff", 3},
                                  {"cashier", 0},
                                  {"email", 0},
                                  {"social_media", 0},
                                  {"brand_counter", 0},
                                  {"comment_box", 0}}};
  static constexpr T kSuggestion = {{{"comment_box", 30},
                                     {"app", 28},
                                     {"service_desk", 14},
                                     {"email", 10},
                                     {"social_media", 10},
                                     {"hotline", 5},
                                     {"bot_handoff", 3},
                                     {"floor_desk", 0},
                                     {"cashier", 0},
                                     {"brand_counter", 0}}};
  static constexpr T kPraise = {{{"comment_box", 25},
                                 {"service_desk", 25},
                                 {"app", 20},
                                 {"social_media", 10},
                                 {"hotline", 10},
                                 {"email", 10},
                                 {"floor_desk", 0},
                                 {"cashier", 0},
                                 {"bot_handoff", 0},
                                 {"brand_counter", 0}}};
  if (type == "complaint") return pick_weighted(kComplaint, rng);
  if (type == "return") return pick_weighted(kReturn, rng);
  if (type == "lost_found") return pick_weighted(kLost, rng);
  if (type == "service_request") return pick_weighted(kService, rng);
  if (type == "suggestion") return pick_weighted(kSuggestion, rng);
  if (type == "praise") return pick_weighted(kPraise, rng);
  return pick_weighted(kInquiry, rng);
}

// The story's rising topic (story.hpp): a complaint about the new parking payment system
// or a question how it works.
const Scenario& rising_scenario(Rng& rng) {
  const std::string_view type = rng.percent(65) ? "complaint" : "inquiry";
  for (const auto& s : scenarios())
    if (s.rising && s.type == type) return s;
  return scenarios().front();
}

const Scenario& pick_scenario(std::string_view type, Rng& rng) {
  const auto& all = scenarios();
  std::vector<int> weights;
  weights.reserve(all.size());
  for (const auto& s : all) weights.push_back(s.type == type ? s.weight : 0);
  return all[rng.weighted(weights)];
}

// The department that takes a contact on a channel.
std::string receiving_department(std::string_view channel, std::string_view category, Rng& rng) {
  if (channel == "floor_desk") return "floor";
  if (channel == "brand_counter") return "brand_counter";
  if (channel == "cashier") return "cashier";
  if (category == "会员积分" && rng.percent(70)) return "member_center";
  return "desk";
}

// ---- who ----

std::string pick_owner(const Catalog& catalog, const std::string& store, const std::string& department, Rng& rng) {
  auto pool = staff_with(catalog, store, "agent", department);
  if (department == "desk" && rng.percent(8)) pool = staff_with(catalog, store, "supervisor", department);
  if (pool.empty()) pool = staff_with(catalog, store, "agent", "desk");
  if (pool.empty()) pool = staff_with(catalog, store, "supervisor");
  if (pool.empty()) pool = staff_with(catalog, store, "manager");
  if (pool.empty()) pool = staff_with(catalog, store, "admin");
  return pool.empty() ? std::string() : rng.pick(pool);
}

bool has_flag(const Member& m, std::string_view flag) {
  return std::find(m.care_flags.begin(), m.care_flags.end(), flag) != m.care_flags.end();
}

int member_percent(std::string_view channel) {
  if (channel == "app") return 85;
  if (channel == "bot_handoff") return 70;
  if (channel == "social_media") return 15;
  if (channel == "comment_box") return 20;
  if (channel == "email") return 40;
  return 45;
}

int pick_member(const Catalog& catalog, const Scenario& scenario, std::string_view channel, const std::string& store,
                Rng& rng) {
  const auto& members = catalog.members;
  if (members.empty()) return -1;
  if (!scenario.care.empty() && rng.percent(70)) {
    const size_t start = rng.index(members.size());
    for (size_t i = 0; i < members.size() && i < 400; ++i) {
      const size_t k = (start + i) % members.size();
      if (has_flag(members[k], scenario.care)) return static_cast<int>(k);
    }
  }
  if (!scenario.needs_member && !rng.percent(member_percent(channel))) return -1;
  size_t k = rng.index(members.size());
  for (int tries = 0; tries < 8 && members[k].home_store != store && rng.percent(85); ++tries) {
    k = rng.index(members.size());
  }
  return static_cast<int>(k);
}
// ---- text assembly ----

std::string care_sentence(const Member* m) {
  if (!m) return {};
  for (const auto& flag : m->care_flags) {
    if (flag == "elderly") return "顾客年纪较大，听力不太好，沟通时需放慢语速。";
    if (flag == "disabled") return "顾客乘坐轮椅，已安排工作人员陪同。";
    if (flag == "pregnant") return "顾客怀有身孕，已请其在休息区坐下等候。";
  }
  return {};
}

// Description of 30..200 characters: channel prefix, the situation, then extras
// as long as they fit.
std::string describe(const Slots& slots, const std::string& core, std::string_view channel,
                     const std::vector<std::string>& extras, Rng& rng) {
  const Texts& prefixes = channel_prefixes(channel);
  std::string text = !prefixes.empty() && rng.percent(70) ? std::string(rng.pick(prefixes)) + core : core;
  if (char_count(text) > 200) text = core;
  for (const auto& extra : extras) {
    if (!extra.empty() && char_count(text) + char_count(extra) <= 200) text += extra;
  }
  if (char_count(text) < 30) text += slots.fill("请尽快核实处理，并及时答复顾客。");
  return text;
}

Ticket make_ticket(const Catalog& catalog, const std::vector<TimeSlot>& slots, int64_t now, Rng& rng) {
  const TimeSlot& slot = pick_slot(slots, rng);
  const Store& store = catalog.stores[slot.store];
  Ticket t;
  t.created_at = slot.start + rng.between(0, slot.length - 1);
  t.store_code = store.code;
  t.type = std::string(pick_weighted(kTypes, rng));
  const bool rising = rng.percent(story::rising_percent(now - t.created_at));
  const Scenario& sc = rising ? rising_scenario(rng) : pick_scenario(t.type, rng);
  t.type = std::string(sc.type);
  const Goods& goods = sc.goods.empty() ? rng.pick(detail::goods()) : goods_named(rng.pick(sc.goods));
  t.category = std::string(sc.category.empty() ? goods.category : sc.category);
  t.channel = sc.channel.empty() ? std::string(pick_channel(t.type, rng)) : pick_alternative(sc.channel, rng);
  t.department_code = receiving_department(t.channel, t.category, rng);
  t.owner = pick_owner(catalog, t.store_code, t.department_code, rng);
  t.member_index = pick_member(catalog, sc, t.channel, t.store_code, rng);
  const Member* member = t.member_index >= 0 ? &catalog.members[static_cast<size_t>(t.member_index)] : nullptr;

  const bool claim = sc.priority == "P3" && rng.percent(sc.claim_percent);
  t.priority = claim ? "P2" : std::string(sc.priority);
  int purchase_days = -1;
  if (sc.purchase_min_days >= 0) {
    purchase_days = static_cast<int>(rng.between(sc.purchase_min_days, sc.purchase_max_days));
    const CivilDate bought = civil_from_days(local_day(t.created_at) - purchase_days);
    char serial[8];
    std::snprintf(serial, sizeof serial, "%05d", static_cast<int>(rng.between(1, 99999)));
    t.purchase_ref = "POS-" + store.code + "-" + format_compact(bought) + "-" + serial;
  }

  std::string department_name;
  for (const auto& d : catalog.departments) {
    if (d.code == sc.task_department) department_name = d.name;
  }
  Slots s = make_slots(
      {store, sc, goods, member, t.created_at, purchase_days, t.purchase_ref, t.priority, department_name}, rng);
  t.location = s.fill(rng.pick(sc.locations.empty() ? goods.locations : sc.locations));
  const std::string_view location = t.location;
  s.set("location", inline_place(t.location));
  s.set("floor", std::string(location.substr(0, location.find(' '))));

  // Subjects and resolutions pair with descriptions by index when the counts match.
  const size_t variant = rng.index(sc.descriptions.size());
  const size_t subject = sc.subjects.size() == sc.descriptions.size() ? variant : rng.index(sc.subjects.size());
  const size_t resolution =
      sc.resolutions.size() == sc.descriptions.size() ? variant : rng.index(sc.resolutions.size());
  t.subject = s.fill(pick_alternative(sc.subjects[subject], rng));
  s.set("subject", t.subject);
  std::vector<std::string> extras;
  if (claim) extras.push_back(s.fill(rng.pick(claim_sentences())));
  if (member && (t.channel == "service_desk" || t.channel == "floor_desk") && rng.percent(40)) {
    extras.push_back(care_sentence(member));
  }
  if (member && (member->tier == "gold" || member->tier == "platinum") && rng.percent(30)) {
    extras.push_back(s.fill("顾客为{tier_cn}会员。"));
  }
  t.description = describe(s, s.fill(sc.descriptions[variant]), t.channel, extras, rng);

  t.events = make_timeline({catalog, store, sc, t, s, resolution, now}, rng);
  t.status = "new";
  for (const auto& e : t.events) {
    if (e.kind == "status") t.status = e.to_status;
  }
  return t;
}

}  // namespace

std::vector<Ticket> make_tickets(uint64_t seed, int64_t now_unix, int count, int days, const Catalog& catalog) {
  std::vector<Ticket> tickets;
  if (count <= 0 || days <= 0 || catalog.stores.empty()) return tickets;
  const auto slots = time_slots(catalog.stores, now_unix - static_cast<int64_t>(days) * kDay, now_unix);
  if (slots.empty()) return tickets;
  tickets.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    Rng rng(seed, kTicketStream + static_cast<uint64_t>(i));
    tickets.push_back(make_ticket(catalog, slots, now_unix, rng));
  }
  std::stable_sort(tickets.begin(), tickets.end(),
                   [](const Ticket& a, const Ticket& b) { return a.created_at < b.created_at; });
  return tickets;
}

}  // namespace kefu::demo::detail
