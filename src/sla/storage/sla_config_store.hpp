#pragma once
// What the SLA clocks run on: policies with their escalation ladders, and each store's
// special days (holidays, extended hours) of its business calendar.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "sla/domain/calendar.hpp"
#include "sla/domain/escalation.hpp"
#include "sla/domain/policy.hpp"

namespace kefu::storage {

// An SLA policy as an admin manages it: the domain policy, its escalation ladder, and
// whether it is in force (retired policies stay for the tickets that used them).
struct SlaPolicyRecord {
  sla::Policy policy;
  sla::Ladder ladder;
  bool active = true;
  int64_t updated_at = 0;
  int64_t version = 1;
};

class SlaConfigStore : public Store {
 public:
  static std::unique_ptr<SlaConfigStore> open(Stores&);

  // Policies, ordered by position then id. update_sla_policy writes only when the
  // stored version equals expected_version.
  virtual int64_t insert_sla_policy(const SlaPolicyRecord&) = 0;
  virtual bool update_sla_policy(const SlaPolicyRecord&, int64_t expected_version) = 0;
  virtual std::vector<SlaPolicyRecord> sla_policies(bool include_retired) = 0;
  virtual std::optional<SlaPolicyRecord> sla_policy(int64_t id) = 0;

  // The store's special days, by date.
  virtual std::vector<sla::SpecialDay> special_days(int64_t store_id) = 0;
  virtual void replace_special_days(int64_t store_id, const std::vector<sla::SpecialDay>&) = 0;

  // A token that changes whenever policies, special days or stores change (and differs
  // between databases): what in-process caches of the SLA configuration compare.
  virtual std::string sla_config_version() = 0;
};

}  // namespace kefu::storage
