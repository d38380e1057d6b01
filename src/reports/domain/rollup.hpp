#pragma once
// Rollups (汇总): the ticket facts (facts.hpp) added up per (dimension, created day,
// store, key), so that a dashboard reads a few hundred rows instead of a million
// tickets. A ticket contributes to exactly one day bucket per dimension (its cohort day),
// so a change to a ticket is "subtract its old fact, add its new one".
//
// Dimensions and their keys:
//   all               ""                       (totals; by day, week, month and store)
//   type, channel, priority                    the codes
//   department, staff  the department id / current owner id, "" when none
//   category          the free-text category (may be "")
//   complaint_cause   the category of complaints; other types do not count here
//   hour              "00".."23", the local hour of creation (the heat map)
#include <array>
#include <compare>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "reports/domain/facts.hpp"

namespace kefu::reports {

inline constexpr std::array<std::string_view, 9> kDimensions{
    "all", "type", "channel", "priority", "department", "staff", "category", "complaint_cause", "hour"};

// What a bucket adds up. Every fact contributes contacts = 1 to each of its buckets, so
// a bucket with contacts == 0 is empty in every measure.
struct Measures {
  int64_t contacts = 0;
  int64_t resolved = 0;
  int64_t frt_n = 0, frt_sum_ms = 0;  // tickets with a first response time, their sum
  int64_t res_n = 0, res_sum_ms = 0;  // resolved tickets with a resolution time, their sum
  int64_t sla_met = 0, sla_missed = 0;
  int64_t fcr = 0;
  int64_t reopened = 0;
  int64_t csat_n = 0, csat_sum = 0, csat_good = 0;  // ratings, their sum, those of 4–5

  void add(const Measures& m, int sign = 1);
  friend bool operator==(const Measures&, const Measures&) = default;
};

struct RollupKey {
  std::string dim;
  int day = 0;
  int64_t store_id = 0;
  std::string key;
  friend auto operator<=>(const RollupKey&, const RollupKey&) = default;
  friend bool operator==(const RollupKey&, const RollupKey&) = default;
};

using Rollups = std::map<RollupKey, Measures>;

Measures measures(const TicketFact& f);
// The buckets a fact counts in (one per dimension; complaint_cause only for complaints).
std::vector<RollupKey> buckets(const TicketFact& f);
// Adds (sign 1) or subtracts (sign -1) a fact's contribution.
void accumulate(Rollups& into, const TicketFact& f, int sign);

}  // namespace kefu::reports
