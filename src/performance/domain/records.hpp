#pragma once
// Complaints against staff (员工被投诉) and praise naming staff, their review, and the case
// library (案例库): the vocabularies and the plain records.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/vocabulary.hpp"

namespace kefu::performance {

enum class RecordKindCode { complaint, praise };
inline constexpr std::array<Term<RecordKindCode>, 2> kRecordKinds{{
    {RecordKindCode::complaint, "complaint", "投诉", "Complaint"},
    {RecordKindCode::praise, "praise", "表扬", "Praise"},
}};
using RecordKind = Closed<RecordKindCode, kRecordKinds>;

// A complaint's review outcome; "pending" until a supervisor reviews it. Only upheld (and,
// at half weight, partly upheld) complaints count against the person.
enum class OutcomeCode { pending, upheld, partly, not_upheld };
inline constexpr std::array<Term<OutcomeCode>, 4> kOutcomes{{
    {OutcomeCode::pending, "pending", "待核实", "Pending review"},
    {OutcomeCode::upheld, "upheld", "属实", "Upheld"},
    {OutcomeCode::partly, "partly", "部分属实", "Partly upheld"},
    {OutcomeCode::not_upheld, "not_upheld", "不属实", "Not upheld"},
}};
using Outcome = Closed<OutcomeCode, kOutcomes>;

// Who carries the responsibility once reviewed.
enum class ResponsibilityCode { none, personal, shared, process };
inline constexpr std::array<Term<ResponsibilityCode>, 4> kResponsibilities{{
    {ResponsibilityCode::none, "none", "无责任", "None"},
    {ResponsibilityCode::personal, "personal", "个人责任", "Personal"},
    {ResponsibilityCode::shared, "shared", "共同责任", "Shared"},
    {ResponsibilityCode::process, "process", "流程/制度原因", "Process"},
}};
using Responsibility = Closed<ResponsibilityCode, kResponsibilities>;

enum class ActionCode { none, coaching, warning, written_warning, retraining, other };
inline constexpr std::array<Term<ActionCode>, 6> kActions{{
    {ActionCode::none, "none", "不处理", "None"},
    {ActionCode::coaching, "coaching", "辅导", "Coaching"},
    {ActionCode::warning, "warning", "口头警告", "Verbal warning"},
    {ActionCode::written_warning, "written_warning", "书面警告", "Written warning"},
    {ActionCode::retraining, "retraining", "重新培训", "Retraining"},
    {ActionCode::other, "other", "其他", "Other"},
}};
using Action = Closed<ActionCode, kActions>;

struct StaffRecord {
  int64_t id = 0;
  int64_t store_id = 0;
  int64_t ticket_id = 0;
  RecordKind kind;
  int64_t about_staff_id = 0;
  std::string summary;
  int64_t recorded_by = 0;
  int64_t created_at = 0;
  Outcome outcome;  // praise: always pending (not reviewed)
  Responsibility responsibility;
  Action action;
  std::optional<int64_t> reviewer_id;
  std::string review_notes;
  std::optional<int64_t> reviewed_at;
  int64_t version = 1;
};

enum class CaseKindCode { good_practice, lesson };
inline constexpr std::array<Term<CaseKindCode>, 2> kCaseKinds{{
    {CaseKindCode::good_practice, "good_practice", "优秀做法", "Good practice"},
    {CaseKindCode::lesson, "lesson", "经验教训", "Lesson learned"},
}};
using CaseKind = Closed<CaseKindCode, kCaseKinds>;

struct CaseEntry {
  int64_t id = 0;
  int64_t store_id = 0;
  std::optional<int64_t> ticket_id;
  std::optional<int64_t> conversation_id;
  CaseKind kind;
  std::string title;
  std::string lesson;
  std::vector<std::string> tags;
  std::string story;  // anonymised when saved (anonymise.hpp)
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t version = 1;
};

}  // namespace kefu::performance
