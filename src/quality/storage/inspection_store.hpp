#pragma once
// Inspections (质检) with their appeal, and the inspectors' comments on exact messages.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/storage/stores.hpp"
#include "quality/domain/scorecard.hpp"
#include "quality/domain/vocabulary.hpp"

namespace kefu::storage {

struct Inspection {
  int64_t id = 0;
  int64_t store_id = 0;
  quality::SubjectKind subject_kind;
  int64_t subject_id = 0;  // a ticket or a conversation
  int64_t staff_id = 0;    // the agent whose work is inspected
  quality::ChannelKind channel;
  quality::Reason reason;
  int64_t week_start = 0;  // the sample's week (its Monday 00:00 in ms); 0 when added by hand
  int64_t scorecard_store_id = 0;
  int64_t scorecard_version = 0;  // 0: the defaults in code
  quality::Status status;
  std::optional<int64_t> inspector_id;  // who scored it (first)
  std::vector<quality::Mark> marks;
  std::optional<int> score_x10;
  bool red_line = false;
  std::string summary;                   // the inspector's overall comment
  std::optional<int> first_score_x10;    // the score before an accepted appeal
  std::optional<int64_t> appeal_due_at;  // set when scored
  std::string appeal_reason;
  std::optional<int64_t> appealed_at;
  std::optional<int64_t> decided_by;
  std::string decision_note;
  std::optional<int64_t> decided_at;
  std::optional<int64_t> acknowledged_at;
  std::optional<int64_t> submitted_at;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t version = 1;
  friend bool operator==(const Inspection&, const Inspection&) = default;
};

struct InspectionFilter {
  std::vector<int64_t> store_ids;  // empty: every store
  std::optional<int64_t> staff_id;
  std::optional<int64_t> inspector_id;
  std::vector<std::string> statuses;      // empty: any
  std::optional<int64_t> submitted_from;  // submitted_at >= (and so submitted)
  std::optional<int64_t> submitted_to;    // submitted_at <
  bool oldest_submitted_first = false;    // else newest id first
  int limit = 200;
};

struct QaComment {
  int64_t id = 0;
  int64_t inspection_id = 0;
  std::string anchor;  // "event" (a ticket event id), "message" (a chat message seq) or "" (none)
  std::optional<int64_t> anchor_id;
  std::string item;  // the scorecard item it is about, or ""
  std::string body;
  int64_t author_id = 0;
  int64_t created_at = 0;
  friend bool operator==(const QaComment&, const QaComment&) = default;
};

class InspectionStore : public Store {
 public:
  static std::unique_ptr<InspectionStore> open(Stores&);

  // Sets i.id.
  virtual void insert_inspection(Inspection& i) = 0;
  virtual std::optional<Inspection> inspection(int64_t id) = 0;
  // Writes every field but id and created_at when the stored version is `expected`; false otherwise.
  virtual bool update_inspection(const Inspection&, int64_t expected) = 0;
  virtual std::vector<Inspection> list_inspections(const InspectionFilter&) = 0;
  // The (subject kind, id) of the store's inspections created at or after `since`.
  virtual std::vector<std::pair<std::string, int64_t>> inspected_subjects(int64_t store_id, int64_t since) = 0;
  // Sets c.id.
  virtual void insert_qa_comment(QaComment& c) = 0;
  // Oldest first.
  virtual std::vector<QaComment> qa_comments(int64_t inspection_id) = 0;
};

}  // namespace kefu::storage
