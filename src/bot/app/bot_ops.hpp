#pragma once
// Bot operations (机器人运营, docs/bot.md): the bot's figures per day and store and per FAQ
// entry, and the questions it could not answer, grouped, for an admin to turn into the
// knowledge base or to dismiss.
//
// Who: the report and the list are for supervisors and above (chat:read), of their stores
// (another store is 404 not_found; without store_id: every store they serve, admins all).
// Resolving and dismissing questions edit the knowledge base: admins with kb:write.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bot/app/bot.hpp"
#include "bot/domain/clusters.hpp"
#include "bot/domain/ops_report.hpp"
#include "core/app/context.hpp"
#include "kb/domain/faq.hpp"

namespace kefu::app {

// A report or list covers at most this many days.
inline constexpr int64_t kBotOpsMaxDays = 93;
// The unanswered list groups at most this many questions, the newest.
inline constexpr int kUnansweredMax = 500;
// Likeness (the matcher's probability that two questions ask the same) to share a group.
inline constexpr double kClusterThreshold = 0.5;

struct BotOpsRange {
  std::optional<int64_t> store_id;  // none: every store the caller serves
  int64_t from = 0;                 // ms, inclusive
  int64_t to = 0;                   // ms, exclusive
};

struct BotReport {
  BotOpsRange range;
  bot::Report report;
  std::map<int64_t, std::string> faq_questions;  // faq_id → its standard question ("" when deleted)
};

BotReport bot_report(Context&, const BotOpsRange&);

struct UnansweredList {
  std::vector<bot::QuestionCluster> clusters;
  int questions = 0;       // questions read (repeats counted)
  bool truncated = false;  // there were more than kUnansweredMax: the oldest were left out
};

UnansweredList unanswered_questions(Context&, const Knowledge&, const BotOpsRange&);

// Into the knowledge base: the questions become similar questions of entry `faq_id` (a
// draft of it, as any admin edit of a published entry: docs/kb.md), or a new entry (a
// draft) with `question`, `answer` and the questions as its similar questions. Either way
// the questions leave the unanswered list (resolved).
struct ResolveQuestions {
  std::vector<std::string> questions;
  std::optional<int64_t> faq_id;
  std::string question;
  std::string answer;
  std::optional<int64_t> category_id;
};

struct Resolved {
  kb::Faq entry;
  int handled = 0;  // log rows taken off the list
};

Resolved resolve_questions(Context&, const ResolveQuestions&);
// Off the list without a change to the knowledge base; returns the rows taken off.
int dismiss_questions(Context&, const std::vector<std::string>& questions);

}  // namespace kefu::app
