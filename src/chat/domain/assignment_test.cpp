#include "chat/domain/assignment.hpp"

#include <gtest/gtest.h>

namespace kefu::chat {
namespace {

constexpr int64_t kStore = 1, kOther = 2;
constexpr int64_t kMin = 60'000;

AgentLoad agent(int64_t id, int capacity, int active, std::optional<int64_t> last = std::nullopt) {
  return {id, Presence::online, false, capacity, active, last, {kStore}, {}};
}

template <class F>
AgentLoad with(AgentLoad a, F f) {
  f(a);
  return a;
}

// One row per situation: the agents, what is wanted, who takes it (0 = it waits).
struct Row {
  const char* what;
  std::vector<AgentLoad> agents;
  Wanted wanted;
  int64_t chosen;
};

TEST(Assignment, DecisionTable) {
  const Wanted general{kStore, "一般咨询"}, returns{kStore, "退换货"};
  const Row rows[] = {
      {"nobody at all", {}, general, 0},
      {"one free agent", {agent(7, 3, 0)}, general, 7},
      {"the least loaded takes it", {agent(7, 3, 2), agent(8, 3, 1)}, general, 8},
      {"share of capacity, not count: 2/5 beats 1/2", {agent(7, 2, 1), agent(8, 5, 2)}, general, 8},
      {"equal shares: the one idle longest", {agent(7, 4, 2, 500), agent(8, 2, 1, 300)}, general, 8},
      {"never assigned counts as idle longest", {agent(7, 2, 0, 100), agent(8, 2, 0)}, general, 8},
      {"same share, same idle: the smaller id", {agent(9, 2, 0, 100), agent(8, 2, 0, 100)}, general, 8},
      {"full agents wait", {agent(7, 2, 2), agent(8, 1, 1)}, general, 0},
      {"capacity 0 takes no chats", {agent(7, 0, 0)}, general, 0},
      {"away is not online",
       {with(agent(7, 3, 0), [](auto& a) { a.presence = Presence::away; }), agent(8, 3, 2)},
       general,
       8},
      {"offline is not online", {with(agent(7, 3, 0), [](auto& a) { a.presence = Presence::offline; })}, general, 0},
      {"no new chats during a call",
       {with(agent(7, 3, 0), [](auto& a) { a.on_call = true; }), agent(8, 3, 2)},
       general,
       8},
      {"another store's agent is not eligible",
       {with(agent(7, 3, 0), [](auto& a) { a.store_ids = {kOther}; })},
       general,
       0},
      {"an agent of both stores is",
       {with(agent(7, 3, 0),
             [](auto& a) {
               a.store_ids = {kOther, kStore};
             })},
       general,
       7},
      {"skills: only the returns desk takes returns",
       {with(agent(7, 3, 0), [](auto& a) { a.queues = {"会员"}; }), with(agent(8, 3, 2),
                                                                         [](auto& a) {
                                                                           a.queues = {"退换货", "会员"};
                                                                         })},
       returns,
       8},
      {"no skills = every queue", {agent(7, 3, 1)}, returns, 7},
      {"a skilled agent who is full: it waits",
       {with(agent(8, 2, 2), [](auto& a) { a.queues = {"退换货"}; }),
        with(agent(9, 2, 0), [](auto& a) { a.queues = {"停车"}; })},
       returns,
       0},
  };
  for (const auto& r : rows) EXPECT_EQ(choose_agent(r.agents, r.wanted).value_or(0), r.chosen) << r.what;
}

TEST(Assignment, LoadSpreadsInProportionToCapacity) {
  // Chats arrive and none ends: each goes to the choice of the moment.
  std::vector<AgentLoad> agents{agent(1, 5, 0), agent(2, 5, 0), agent(3, 10, 0)};
  const Wanted w{kStore, "一般咨询"};
  for (int t = 1; t <= 20; ++t) {
    auto id = choose_agent(agents, w);
    ASSERT_TRUE(id) << "chat " << t;
    for (auto& a : agents)
      if (a.staff_id == *id) ++a.active, a.last_assigned_at = t;
    if (t == 12) {
      EXPECT_EQ(agents[0].active, 3);
      EXPECT_EQ(agents[1].active, 3);
      EXPECT_EQ(agents[2].active, 6) << "twice the capacity, twice the chats";
    }
  }
  EXPECT_EQ(agents[0].active, 5);
  EXPECT_EQ(agents[1].active, 5);
  EXPECT_EQ(agents[2].active, 10);
  EXPECT_FALSE(choose_agent(agents, w)) << "everyone is full";
}

TEST(Assignment, EstimatedWait) {
  const Wanted w{kStore, "一般咨询"};
  const std::vector<AgentLoad> agents{agent(1, 3, 3), agent(2, 2, 2),
                                      with(agent(3, 4, 0), [](auto& a) { a.presence = Presence::away; }),
                                      with(agent(4, 4, 0), [](auto& a) { a.store_ids = {kOther}; })};
  EXPECT_EQ(staffed_capacity(agents, w), 5);
  // 5 slots, 6 minutes per chat: a slot frees every 72 s on average.
  EXPECT_EQ(estimated_wait_ms(1, 5, 6 * kMin), 2 * kMin);  // 72 s, rounded up
  EXPECT_EQ(estimated_wait_ms(5, 5, 6 * kMin), 6 * kMin);
  EXPECT_EQ(estimated_wait_ms(6, 5, 6 * kMin), 8 * kMin);  // 432 s
  EXPECT_EQ(estimated_wait_ms(1, 0, 6 * kMin), std::nullopt) << "nobody online: no estimate";
  EXPECT_EQ(staffed_capacity({agent(1, 0, 0)}, w), 0);
}

}  // namespace
}  // namespace kefu::chat
