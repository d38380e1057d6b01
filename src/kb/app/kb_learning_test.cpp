// What the matcher learns, as use cases on a real SQLite database: who may record, list,
// revoke and import; what an agent's signal may name; what a pairs file may hold.
#include "kb/app/kb_learning.hpp"

#include <gtest/gtest.h>

#include "kb/app/kb_fixture.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class Learning : public KbUseCases {
 protected:
  void SetUp() override {
    KbUseCases::SetUp();
    entry = create(input("停车怎么收费", "每小时 10 元")).id;
    publish(entry);
    draft = create(input("积分怎么兑换")).id;
  }
  SignalInput pick(std::string query, int64_t faq_id, std::string source = "agent_pick") {
    return {.query = std::move(query), .faq_id = faq_id, .source = std::move(source), .conversation_id = 7};
  }
  int64_t entry = 0, draft = 0;
};

TEST_F(Learning, WhoMayDoWhat) {
  // An agent records; only admins see, revoke and import.
  const auto g = as(agent, [&](Context& c) { return record_staff_signal(c, pick("车停一天多少钱", entry)); });
  EXPECT_EQ(g.created_by, agent.staff_id);
  EXPECT_EQ(g.query, "车停一天多少钱");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return list_signals(c, {}); }); }), "forbidden");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return set_signal_revoked(c, g.id, true); }); }),
            "forbidden");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return import_pairs(c, "csv", "a,b,same\n"); }); }),
            "forbidden");
  EXPECT_EQ(as(admin, [&](Context& c) { return list_signals(c, {}); }).size(), 1u);
}

TEST_F(Learning, AnAgentsSignalNamesAPublishedCustomerEntry) {
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return record_staff_signal(c, pick("积分", draft)); }); }),
            "unknown_reference")
      << "a draft is not what customers are answered with";
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return record_staff_signal(c, pick("  ", entry)); }); }),
            "required");
  EXPECT_EQ(
      code_of([&] { as(agent, [&](Context& c) { return record_staff_signal(c, pick("停车", entry, "clicked")); }); }),
      "invalid_enum")
      << "customers' clicks come from the bot, not from staff";
  const auto once = as(agent, [&](Context& c) { return record_staff_signal(c, pick(" 停车多少钱 ", entry)); });
  const auto twice = as(agent, [&](Context& c) { return record_staff_signal(c, pick("停车多少钱", entry)); });
  EXPECT_EQ(once.id, twice.id) << "trimmed, and kept once per conversation";
}

TEST_F(Learning, RevokingIsAuditedAndRestoringBringsItBack) {
  const auto g = as(agent, [&](Context& c) { return record_staff_signal(c, pick("车停一天多少钱", entry)); });
  const auto revoked = as(
      admin, [&](Context& c) { return set_signal_revoked(c, g.id, true); }, kNow + 10);
  EXPECT_EQ(revoked.revoked_at, kNow + 10);
  EXPECT_EQ(revoked.revoked_by, admin.staff_id);
  EXPECT_EQ(as(admin, [&](Context& c) { return learning_counts(c); }), (storage::LearningCounts{0, 1, 0, 0}));
  const auto restored = as(
      admin, [&](Context& c) { return set_signal_revoked(c, g.id, false); }, kNow + 20);
  EXPECT_FALSE(restored.revoked_at);
  EXPECT_EQ(code_of([&] { as(admin, [&](Context& c) { return set_signal_revoked(c, g.id + 99, true); }); }),
            "not_found");
}

TEST_F(Learning, APairsFileIsReadRowByRowAndKeptOnce) {
  const std::string csv =
      "a,b,same\n停车费怎么算,停车怎么收钱,1\n\"发票, 怎么开\",停车怎么收钱,false\n只有一句,,1\n同一句,同一句,1\n"
      "停车费怎么算,积分,maybe\n";
  auto r = as(admin, [&](Context& c) { return import_pairs(c, "csv", csv); });
  EXPECT_EQ(r.rows, 5);
  EXPECT_EQ(r.added, 2);
  std::vector<int> lines;
  for (const auto& x : r.rejected) lines.push_back(x.line);
  EXPECT_EQ(lines, (std::vector<int>{4, 5, 6}));
  r = as(admin, [&](Context& c) {
    return import_pairs(c, "jsonl", "{\"a\":\"停车怎么收钱\",\"b\":\"停车费怎么算\",\"same\":true}\n[1]\n");
  });
  EXPECT_EQ(r.unchanged, 1) << "either order is the same pair";
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].line, 2);
  const auto pairs = as(admin, [&](Context& c) { return list_pairs(c, {}); });
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].b, "发票, 怎么开") << "a quoted comma; the two kept in byte order";
  EXPECT_FALSE(pairs[0].same);
  EXPECT_EQ(code_of([&] { as(admin, [&](Context& c) { return import_pairs(c, "xlsx", ""); }); }), "invalid_enum");
  const auto headless = as(admin, [&](Context& c) { return import_pairs(c, "csv", "x,y\n1,2\n"); });
  ASSERT_EQ(headless.rejected.size(), 1u) << "a file without the columns is one refused row";
  EXPECT_EQ(headless.rejected[0].line, 1);
}

}  // namespace
}  // namespace kefu::app
