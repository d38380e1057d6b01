// BotTurnStore over SQL, the same on SQLite and PostgreSQL.
#include "bot/storage/bot_turn_store.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;
using nlohmann::json;

const std::string kCols =
    "id, conversation_id, store_id, queue, created_at, question, question_seq, act, faq_id, guesses, "
    "confidence_ppm, handoff, verdict, handed_over, unanswered, handled, handled_at, handled_by";
// Quarters of an hour since the epoch, as the ms of their start.
const std::string kQuarter = "(created_at / 900000) * 900000";

std::string guesses_text(const std::vector<bot::Guess>& guesses) {
  auto out = json::array();
  for (std::size_t i = 0; i < guesses.size() && i < bot::kLoggedGuesses; ++i)
    out.push_back({{"faq_id", guesses[i].faq_id}, {"question", guesses[i].question}, {"score", guesses[i].score}});
  return out.dump();
}

std::vector<bot::Guess> guesses_of(const std::string& text) {
  std::vector<bot::Guess> out;
  const auto j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& g : j)
    if (g.is_object())
      out.push_back({g.value("faq_id", int64_t{0}), g.value("question", std::string()), g.value("score", 0.0)});
  return out;
}

template <class S>
bot::TurnRecord read_turn(const S& s) {
  bot::TurnRecord t;
  t.id = s.i64(0);
  t.conversation_id = s.i64(1);
  t.store_id = s.i64(2);
  t.queue = s.text(3);
  t.created_at = s.i64(4);
  t.question = s.text(5);
  t.question_seq = s.i64(6);
  t.act = s.text(7);
  t.faq_id = s.opt_i64(8);
  t.guesses = guesses_of(s.text(9));
  t.confidence = static_cast<double>(s.i64(10)) / 1e6;
  t.handoff = s.text(11);
  t.verdict = s.text(12);
  t.handed_over = s.i64(13) != 0;
  t.unanswered = s.i64(14) != 0;
  t.handled = s.text(15);
  t.handled_at = s.opt_i64(16);
  t.handled_by = s.opt_i64(17);
  return t;
}

template <class D>
class SqlBotTurnStore final : public BotTurnStore {
 public:
  SqlBotTurnStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_turn(const bot::TurnRecord& t) override {
    const auto ppm = static_cast<int64_t>(std::lround(std::clamp(t.confidence, 0.0, 1.0) * 1e6));
    return D::insert(db_,
                     "INSERT INTO bot_turns(conversation_id, store_id, queue, created_at, question, question_seq, act, "
                     "faq_id, guesses, confidence_ppm, handoff, verdict, handed_over, unanswered, handled, handled_at, "
                     "handled_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     t.conversation_id, t.store_id, t.queue, t.created_at, t.question, t.question_seq, t.act, t.faq_id,
                     guesses_text(t.guesses), ppm, t.handoff, t.verdict, t.handed_over, t.unanswered, t.handled,
                     t.handled_at, t.handled_by);
  }

  std::vector<bot::TurnRecord> turns_of(int64_t conversation_id) override {
    auto s = db_.prepare("SELECT " + kCols + " FROM bot_turns WHERE conversation_id = ? ORDER BY id");
    s->bind(1, conversation_id);
    std::vector<bot::TurnRecord> out;
    while (s->step()) out.push_back(read_turn(*s));
    return out;
  }

  bool set_verdict(int64_t conversation_id, int64_t answer_seq, const std::string& verdict) override {
    auto s = db_.prepare(
        "SELECT id, act FROM bot_turns WHERE conversation_id = ? AND question_seq > 0 AND question_seq < ? "
        "ORDER BY question_seq DESC, id DESC LIMIT 1");
    s->bind_all(conversation_id, answer_seq);
    if (!s->step() || s->text(1) != "answer") return false;
    const int64_t id = s->i64(0);
    const bool unsolved = verdict == "unsolved";
    db_.prepare(
           "UPDATE bot_turns SET verdict = ?, unanswered = CASE WHEN ? = 1 AND handled = '' THEN 1 ELSE unanswered "
           "END WHERE id = ?")
        ->bind_all(verdict, unsolved, id)
        .run();
    return db_.changes() == 1;
  }

  int mark_handed_over(int64_t conversation_id) override {
    db_.prepare("UPDATE bot_turns SET handed_over = 1 WHERE conversation_id = ? AND handed_over = 0")
        ->bind_all(conversation_id)
        .run();
    return static_cast<int>(db_.changes());
  }

  std::vector<bot::TurnRecord> unanswered(const BotLogRange& r, int limit) override {
    std::string where = "unanswered = 1 AND created_at >= ? AND created_at < ?";
    std::vector<Value> args{r.from, r.to};
    add_in(where, args, "store_id", r.store_ids);
    args.emplace_back(int64_t{limit});
    auto s = db_.prepare("SELECT " + kCols + " FROM bot_turns WHERE " + where +
                         " ORDER BY created_at DESC, id DESC LIMIT ?");
    bind_values(*s, args);
    std::vector<bot::TurnRecord> out;
    while (s->step()) out.push_back(read_turn(*s));
    return out;
  }

  int mark_handled(const std::vector<int64_t>& store_ids, const std::vector<std::string>& questions,
                   const std::string& handled, int64_t at, int64_t by) override {
    if (questions.empty()) return 0;
    std::string where = "unanswered = 1";
    std::vector<Value> args{handled, at, by};
    add_in(where, args, "question", questions);
    add_in(where, args, "store_id", store_ids);
    auto s =
        db_.prepare("UPDATE bot_turns SET unanswered = 0, handled = ?, handled_at = ?, handled_by = ? WHERE " + where);
    bind_values(*s, args);
    s->run();
    return static_cast<int>(db_.changes());
  }

  std::vector<bot::QuarterCount> conversations_started(const BotLogRange& r) override {
    std::string where = "created_at >= ? AND created_at < ?";
    std::vector<Value> args{r.from, r.to};
    add_in(where, args, "store_id", r.store_ids);
    auto s = db_.prepare("SELECT store_id, " + kQuarter + ", COUNT(*) FROM conversations WHERE " + where +
                         " GROUP BY 1, 2 ORDER BY 1, 2");
    bind_values(*s, args);
    std::vector<bot::QuarterCount> out;
    while (s->step()) out.push_back({s->i64(0), s->i64(1), "", s->i64(2)});
    return out;
  }

  std::vector<bot::QuarterCount> bot_conversations(const BotLogRange& r) override {
    // A conversation's turns come after its start: the log is read from `from` on.
    std::string inner = "created_at >= ?";
    std::vector<Value> args{r.from};
    add_in(inner, args, "store_id", r.store_ids);
    std::string outer = "c.created_at >= ? AND c.created_at < ?";
    args.emplace_back(r.from);
    args.emplace_back(r.to);
    add_in(outer, args, "c.store_id", r.store_ids);
    auto s = db_.prepare(
        "SELECT c.store_id, (c.created_at / 900000) * 900000, COUNT(*), SUM(t.h) FROM conversations c JOIN "
        "(SELECT conversation_id, MAX(handed_over) AS h FROM bot_turns WHERE " +
        inner + " GROUP BY conversation_id) t ON t.conversation_id = c.id WHERE " + outer +
        " GROUP BY 1, 2 ORDER BY 1, 2");
    bind_values(*s, args);
    std::vector<bot::QuarterCount> out;
    while (s->step()) out.push_back({s->i64(0), s->i64(1), "", s->i64(2), s->i64(3)});
    return out;
  }

  std::vector<bot::QuarterCount> handoffs(const BotLogRange& r) override {
    std::string where = "act = 'handoff' AND created_at >= ? AND created_at < ?";
    std::vector<Value> args{r.from, r.to};
    add_in(where, args, "store_id", r.store_ids);
    auto s = db_.prepare("SELECT store_id, " + kQuarter + ", handoff, COUNT(*) FROM bot_turns WHERE " + where +
                         " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    bind_values(*s, args);
    std::vector<bot::QuarterCount> out;
    while (s->step()) out.push_back({s->i64(0), s->i64(1), s->text(2), s->i64(3)});
    return out;
  }

  std::vector<bot::FaqCount> faq_counts(const BotLogRange& r) override {
    std::string where = "act = 'answer' AND faq_id IS NOT NULL AND created_at >= ? AND created_at < ?";
    std::vector<Value> args{r.from, r.to};
    add_in(where, args, "store_id", r.store_ids);
    auto s = db_.prepare(
        "SELECT faq_id, COUNT(*), SUM(CASE WHEN verdict = 'solved' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN verdict = 'unsolved' THEN 1 ELSE 0 END), SUM(handed_over) FROM bot_turns WHERE " +
        where + " GROUP BY faq_id ORDER BY faq_id");
    bind_values(*s, args);
    std::vector<bot::FaqCount> out;
    while (s->step()) out.push_back({s->i64(0), s->i64(1), s->i64(2), s->i64(3), s->i64(4)});
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<BotTurnStore> BotTurnStore::open(Stores& s) { return make_store<BotTurnStore, SqlBotTurnStore>(s); }

}  // namespace kefu::storage
