// Members: Chinese names by generation, unique phones and member numbers, tiers
// skewed to normal, birthdays consistent with the elderly flag.
#include <array>
#include <unordered_set>

#include "demo/calendar.hpp"
#include "demo/parts.hpp"
#include "demo/texts.hpp"

namespace kefu::demo::detail {
namespace {

struct AgeBand {
  int min_age;
  int max_age;
  int weight;
};
constexpr std::array kAgeBands = {AgeBand{18, 24, 10}, AgeBand{25, 34, 28}, AgeBand{35, 44, 25},
                                  AgeBand{45, 54, 17}, AgeBand{55, 64, 11}, AgeBand{65, 82, 9}};

std::string pick_surname(Rng& rng) {
  const auto& table = surnames();
  std::vector<int> weights;
  weights.reserve(table.size());
  for (const auto& s : table) weights.push_back(s.weight);
  return std::string(table[rng.weighted(weights)].text);
}

std::string member_number(Rng& rng, std::unordered_set<std::string>& used) {
  for (;;) {
    std::string no = "M" + std::to_string(rng.between(10000000, 99999999));
    if (used.insert(no).second) return no;
  }
}

int points_for(std::string_view tier, Rng& rng) {
  if (tier == "platinum") return static_cast<int>(rng.between(15000, 60000));
  if (tier == "gold") return static_cast<int>(rng.between(5000, 20000));
  if (tier == "silver") return static_cast<int>(rng.between(1000, 8000));
  return static_cast<int>(rng.between(0, 3000));
}

}  // namespace

std::vector<Member> make_members(Rng& rng, PhoneBook& phones, int count, int64_t now_unix,
                                 const std::vector<Store>& stores) {
  static constexpr std::array<std::string_view, 4> kTiers = {"normal", "silver", "gold", "platinum"};
  static constexpr std::array kTierWeights = {58, 25, 12, 5};
  std::array<int, kAgeBands.size()> band_weights{};
  for (size_t i = 0; i < kAgeBands.size(); ++i) band_weights[i] = kAgeBands[i].weight;

  const int64_t today = local_day(now_unix);
  const int this_year = civil_from_days(today).year;
  std::unordered_set<std::string> numbers;
  std::vector<Member> members;
  members.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    const bool female = rng.percent(56);
    const AgeBand& band = kAgeBands[rng.weighted(band_weights)];
    const int age = static_cast<int>(rng.between(band.min_age, band.max_age));
    const int64_t birth_day = today - static_cast<int64_t>(age) * 365 - age / 4 - rng.between(0, 364);
    const CivilDate birth = civil_from_days(birth_day);
    const int generation = birth.year < 1965 ? 0 : (birth.year < 1990 ? 1 : 2);

    Member m;
    m.member_no = member_number(rng, numbers);
    m.name = pick_surname(rng) + std::string(rng.pick(given_names(female, generation)));
    m.phone = phones.next(rng);
    m.tier = std::string(kTiers[rng.weighted(kTierWeights)]);
    m.birthday = format_date(birth);
    const int real_age = this_year - birth.year;
    if (real_age >= 65 && rng.percent(60)) m.care_flags.push_back("elderly");
    if (rng.percent(2)) m.care_flags.push_back("disabled");
    if (female && real_age >= 23 && real_age <= 38 && rng.percent(4)) m.care_flags.push_back("pregnant");
    m.home_store = stores.empty() ? std::string() : stores[rng.percent(55) ? 0 : stores.size() - 1].code;
    m.points = points_for(m.tier, rng);
    m.gender = female ? "F" : "M";
    members.push_back(std::move(m));
  }
  return members;
}

}  // namespace kefu::demo::detail
