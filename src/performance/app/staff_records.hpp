#pragma once
// Complaints against staff (员工被投诉) and praise naming staff, with the review of each
// complaint (核实) — the accountability half of the KPI sheet.
//
// A supervisor names the person on a complaint or praise ticket (the ticket page's panel):
// one record per ticket, person and kind. A complaint is then reviewed by a supervisor+
// other than the person: upheld (属实), partly (部分属实) or not upheld (不属实), whose
// responsibility, the action taken (coaching, warning …) and notes; the person is notified.
// Only upheld complaints count against them on the KPI sheet (partly at half); praise
// counts for them. An agent sees the records about themselves, supervisors+ their stores'.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "performance/domain/records.hpp"

namespace kefu::app {

// Supervisor+, quality:write, the ticket in the caller's stores (404). 409
// not_complaint_or_praise unless the ticket's type is complaint or praise (its kind is the
// ticket's); 400 unknown_reference (field about_staff_id) unless the person serves the
// ticket's store; 409 already_recorded; summary at most 500 characters. A note on the
// ticket's timeline (staff only), audit "staff_record.create".
performance::StaffRecord record_staff(Context&, int64_t ticket_id, int64_t about_staff_id, const std::string& summary);

struct Review {
  performance::Outcome outcome;  // not pending (400 invalid_field, field outcome)
  performance::Responsibility responsibility;
  performance::Action action;
  std::string notes;               // at most 1000 characters
  std::optional<int64_t> version;  // 409 version_conflict when given and stale
};

// Supervisor+, quality:write, the record's store (404); 409 not_a_complaint for praise;
// 403 for the person themselves. May be reviewed again (the latest review stands). Audit
// "staff_record.review"; the person is notified (kind "staff_complaint_review").
performance::StaffRecord review_complaint(Context&, int64_t id, const Review&);

// One record: supervisors+ of its store, or the person it names (404 outside the caller's
// stores, 403 for others of the store).
performance::StaffRecord staff_record(Context&, int64_t id);

// A ticket's records (quality:read, the ticket in the caller's stores): supervisors+ see
// all, others those naming themselves.
std::vector<performance::StaffRecord> ticket_staff_records(Context&, int64_t ticket_id);

struct StaffRecordQuery {
  int64_t store_id = 0;
  std::optional<int64_t> staff_id;  // below supervisor: always the caller
  std::optional<std::string> kind, outcome, month;
  int limit = 200;
};
// A store's records (quality:read, 404 outside the caller's stores), newest first.
std::vector<performance::StaffRecord> staff_records(Context&, const StaffRecordQuery&);

}  // namespace kefu::app
