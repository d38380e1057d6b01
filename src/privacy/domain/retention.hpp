#pragma once
// Retention rules (保存期限): how long kefu keeps what it holds on people, applied by the
// nightly keeper (privacy/jobs/retention_keeper). Defaults live here and apply while an
// admin has not saved the rule (the table holds only what was edited). Off by default
// except what is plainly safe: an unused export link is gone after its short life anyway,
// and its row after a day says nothing anyone needs.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/vocabulary.hpp"

namespace kefu::privacy {

enum class RetentionKindCode { inactive_people, chat_photos, feedback_photos, bot_questions, export_links };
inline constexpr std::array<Term<RetentionKindCode>, 5> kRetentionKinds{{
    {RetentionKindCode::inactive_people, "inactive_people", "匿名化长期未联系的顾客",
     "Anonymise people not heard from"},
    {RetentionKindCode::chat_photos, "chat_photos", "删除在线会话照片", "Delete chat photos"},
    {RetentionKindCode::feedback_photos, "feedback_photos", "删除反馈照片", "Delete feedback photos"},
    {RetentionKindCode::bot_questions, "bot_questions", "清除机器人日志中的顾客原话",
     "Clear customers' words from the bot log"},
    {RetentionKindCode::export_links, "export_links", "删除过期的导出链接记录", "Delete expired export links"},
}};
using RetentionKind = Closed<RetentionKindCode, kRetentionKinds>;

struct RetentionRule {
  RetentionKind kind;
  bool enabled = false;
  int days = 0;  // how old (since the last contact, the upload, the question, the expiry)
  int64_t updated_by = 0;
  int64_t updated_at = 0;  // 0: the default, never saved
};

constexpr int kMinDays = 1;
constexpr int kMaxDays = 36500;

// The rules with the defaults filled in for the kinds never saved, in kRetentionKinds order.
std::vector<RetentionRule> with_defaults(const std::vector<RetentionRule>& saved);
RetentionRule default_rule(RetentionKind);

// Rows older than this are due: now − days (in ms). Days are 24-hour days.
int64_t cutoff(const RetentionRule&, int64_t now_ms);

}  // namespace kefu::privacy
