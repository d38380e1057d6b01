#pragma once
// What the reports read and keep: the dashboard's live counts over tickets, the ticket
// facts, their rollups and the queue of stale facts (reports/domain/facts.hpp, rollup.hpp).
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/storage/stores.hpp"
#include "reports/domain/rollup.hpp"

namespace kefu::storage {

// The dashboard's counts over tickets in some stores (empty = all).
struct TicketCounts {
  std::vector<std::pair<std::string, int64_t>> by_type;     // created in the period
  std::vector<std::pair<std::string, int64_t>> by_channel;  // created in the period
  int64_t created = 0;                                      // in the period
  int64_t open = 0;                                         // not resolved or closed, any age
  int64_t overdue = 0;                                      // a running SLA clock past its deadline now
};

struct DirtyMark {
  int64_t ticket_id = 0;
  int64_t seq = 0;
};

// A rollup read: one dimension, the days [from_day, to_day] (yyyymmdd, inclusive), some
// stores (empty = all), summed per group.
struct RollupQuery {
  std::string dim = "all";
  int from_day = 0, to_day = 0;
  std::vector<int64_t> store_ids;
  enum class Group { key, day, store, day_key } group = Group::key;
};
struct RollupRow {
  std::string key;       // Group::key, day_key
  int day = 0;           // Group::day, day_key
  int64_t store_id = 0;  // Group::store
  reports::Measures m;
};

class ReportStore : public Store {
 public:
  static std::unique_ptr<ReportStore> open(Stores&);

  // Tickets created in [from, to) by type and channel, plus the open and overdue (at
  // `now`) ones.
  virtual TicketCounts ticket_counts(const std::vector<int64_t>& store_ids, int64_t from, int64_t to, int64_t now) = 0;

  // The queue: up to `limit` marks, lowest ticket id first; clear_dirty deletes each mark
  // only if it was not marked again since (its seq is unchanged).
  virtual std::vector<DirtyMark> dirty(int limit) = 0;
  virtual void clear_dirty(const std::vector<DirtyMark>&) = 0;
  // Marks every ticket (the rebuild); returns how many.
  virtual int64_t mark_all_dirty() = 0;

  // The stored facts of these tickets (those that have one).
  virtual std::vector<reports::TicketFact> facts(const std::vector<int64_t>& ticket_ids) = 0;
  virtual void put_facts(const std::vector<reports::TicketFact>&) = 0;
  // Adds each delta to its bucket (creating it); buckets left with no contacts go away.
  virtual void add_rollups(const reports::Rollups& delta) = 0;
  virtual std::vector<RollupRow> rollup_rows(const RollupQuery&) = 0;
  // Every bucket (the consistency check) — small: days × stores × keys.
  virtual reports::Rollups rollups() = 0;
  // Deletes every fact and bucket (the rebuild, before mark_all_dirty).
  virtual void clear_reports() = 0;
};

}  // namespace kefu::storage
