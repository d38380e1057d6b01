#pragma once
// The performance capability's records: the KPI and bonus rules a manager saved (per store
// or chain-wide), complaints and praise naming staff with their review, the case library,
// and the two month-of-a-store reads the KPI sheet needs beyond the SLA clocks (ticket
// ratings by owner, chats by agent).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "performance/domain/bonus.hpp"
#include "performance/domain/kpi.hpp"
#include "performance/domain/records.hpp"

namespace kefu::storage {

struct KpiRuleSet {
  std::optional<int64_t> store_id;  // empty: the chain's
  performance::KpiRules kpi;
  performance::BonusRules bonus;
  int64_t updated_by = 0;
  int64_t updated_at = 0;
};

struct StaffRecordFilter {
  std::vector<int64_t> store_ids;  // empty = all
  std::optional<int64_t> about_staff_id;
  std::optional<std::string> kind;
  std::optional<std::string> outcome;
  int64_t from = 0;  // created_at in [from, to)
  int64_t to = INT64_MAX;
  int limit = 200;
};

struct CaseFilter {
  std::vector<int64_t> store_ids;  // empty = all
  std::optional<std::string> kind;
  std::string query;                 // in the title, lesson, story or tags (substring); "" = any
  std::string tag;                   // one of the tags exactly; "" = any
  std::optional<int64_t> before_id;  // paging: newest first
  int limit = 50;
};

// Sums per person over a month of one store.
struct PersonRatings {
  int64_t staff_id = 0;
  int64_t count = 0;  // contacts (chats) or ratings (tickets)
  int64_t rating_sum = 0;
  int64_t rating_count = 0;
};

class PerformanceStore : public Store {
 public:
  static std::unique_ptr<PerformanceStore> open(Stores&);

  // The saved rules of a store, or of the chain (nullopt), if any.
  virtual std::optional<KpiRuleSet> rule_set(std::optional<int64_t> store_id) = 0;
  // Replaces that scope's rules.
  virtual void save_rule_set(const KpiRuleSet&) = 0;

  // Fills id. Returns false (nothing written) when the ticket already names this person for this kind.
  virtual bool insert_record(performance::StaffRecord&) = 0;
  virtual std::optional<performance::StaffRecord> record(int64_t id) = 0;
  // The review fields and version, when the stored version is `expected_version`.
  virtual bool update_review(const performance::StaffRecord&, int64_t expected_version) = 0;
  virtual std::vector<performance::StaffRecord> ticket_records(int64_t ticket_id) = 0;
  // Newest first.
  virtual std::vector<performance::StaffRecord> records(const StaffRecordFilter&) = 0;

  virtual int64_t insert_case(const performance::CaseEntry&) = 0;
  virtual std::optional<performance::CaseEntry> case_entry(int64_t id) = 0;
  virtual bool update_case(const performance::CaseEntry&, int64_t expected_version) = 0;
  // Newest first.
  virtual std::vector<performance::CaseEntry> cases(const CaseFilter&) = 0;

  // CSAT of the store's tickets created in [from, to), per owner: count = tickets rated.
  virtual std::vector<PersonRatings> ticket_ratings(int64_t store_id, int64_t from, int64_t to) = 0;
  // The store's conversations created in [from, to) with an agent, per agent: count =
  // conversations, with their ratings.
  virtual std::vector<PersonRatings> chat_figures(int64_t store_id, int64_t from, int64_t to) = 0;
};

}  // namespace kefu::storage
