#pragma once
// The weekly sample (抽检), pure and deterministic from a seed.
//
// Per agent, in this order, never the same subject twice:
//   1. what an automatic check flagged (red-line hits first), up to max_flagged;
//   2. low CSAT (≤ 2), up to extra_low_csat; complaints, up to extra_complaint;
//      reopened, up to extra_reopened;
//   3. routine picks from the rest, up to per_agent.
// Within each step the order is a hash of (seed, subject), so the same seed over the same
// candidates draws the same sample and another seed draws another one.
#include <cstdint>
#include <vector>

#include "quality/domain/vocabulary.hpp"

namespace kefu::quality {

struct Candidate {
  SubjectKind kind;
  int64_t id = 0;
  int64_t staff_id = 0;
  ChannelKind channel;
  bool flagged = false;   // an automatic check hit it
  bool red_line = false;  // … with a red-line rule
  bool low_csat = false;
  bool complaint = false;
  bool reopened = false;
  friend bool operator==(const Candidate&, const Candidate&) = default;
};

struct SamplingRules {
  int per_agent = 3;  // routine picks per agent per week
  int extra_low_csat = 2;
  int extra_complaint = 2;
  int extra_reopened = 1;
  int max_flagged = 5;
  friend bool operator==(const SamplingRules&, const SamplingRules&) = default;
};

struct Pick {
  Candidate candidate;
  Reason reason;
};

// Agents in ascending staff id, each agent's picks in the order of the steps above.
std::vector<Pick> draw_sample(const std::vector<Candidate>&, const SamplingRules&, uint64_t seed);

}  // namespace kefu::quality
