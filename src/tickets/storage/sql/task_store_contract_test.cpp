// The storage contract of TaskStore: collaboration tasks (协办任务) of tickets, their
// versioned updates, and the scheduler's list of overdue ones escalated once.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/storage/task_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kAt = 1795278600000LL;

class TaskStoreContract : public Contract {
 protected:
  int64_t new_ticket() {
    auto t = make_ticket(store_a, kAt);
    db->write_sync([&](Stores& r) { r.get<storage::TicketStore>().insert_ticket(t); });
    return t.id;
  }

  ticket::Task make_task(int64_t ticket_id, int64_t due_at, ticket::TaskStatus status = "open",
                         std::string description = "调取监控") {
    return {.ticket_id = ticket_id,
            .department_id = dept,
            .description = std::move(description),
            .status = status,
            .due_at = due_at,
            .created_by = staff,
            .created_at = kAt,
            .updated_at = kAt};
  }

  int64_t insert(const ticket::Task& t) {
    int64_t id = 0;
    db->write_sync([&](Stores& r) { id = r.get<storage::TaskStore>().insert_task(t); });
    return id;
  }
};

TEST_P(TaskStoreContract, ATaskRoundTripsAndATicketsTasksComeInCreationOrder) {
  const int64_t one = new_ticket(), two = new_ticket();
  auto first = make_task(one, kAt + 3000, "open", "调取监控");
  first.assignee_id = staff;
  auto second = make_task(one, kAt + 1000, "in_progress", "联系品牌专柜");
  second.result = "已联系";
  const int64_t a = insert(first);
  const int64_t other = insert(make_task(two, kAt + 500));
  const int64_t b = insert(second);
  EXPECT_GT(a, 0);
  EXPECT_NE(a, b);

  auto& r = db->reader();
  auto got = r.get<storage::TaskStore>().task(a);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, a);
  EXPECT_EQ(got->ticket_id, one);
  EXPECT_EQ(got->department_id, dept);
  EXPECT_EQ(got->assignee_id, staff);
  EXPECT_EQ(got->description, "调取监控");
  EXPECT_EQ(got->status, "open");
  EXPECT_EQ(got->due_at, kAt + 3000);
  EXPECT_EQ(got->result, "");
  EXPECT_EQ(got->created_by, staff);
  EXPECT_EQ(got->created_at, kAt);
  EXPECT_EQ(got->updated_at, kAt);
  EXPECT_EQ(got->version, 1);
  auto unassigned = r.get<storage::TaskStore>().task(b);
  ASSERT_TRUE(unassigned);
  EXPECT_FALSE(unassigned->assignee_id);
  EXPECT_EQ(unassigned->status, "in_progress");
  EXPECT_EQ(unassigned->result, "已联系");
  EXPECT_FALSE(r.get<storage::TaskStore>().task(b + 1000));

  // In the order created (not by due time), and only that ticket's.
  auto list = r.get<storage::TaskStore>().tasks(one);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, a);
  EXPECT_EQ(list[1].id, b);
  EXPECT_EQ(list[1].description, "联系品牌专柜");
  ASSERT_EQ(r.get<storage::TaskStore>().tasks(two).size(), 1u);
  EXPECT_EQ(r.get<storage::TaskStore>().tasks(two)[0].id, other);
  EXPECT_TRUE(r.get<storage::TaskStore>().tasks(two + 1000).empty());
}

TEST_P(TaskStoreContract, AnUpdateWithAStaleVersionWritesNothing) {
  const int64_t ticket_id = new_ticket();
  auto t = make_task(ticket_id, kAt + 1000);
  t.id = insert(t);

  auto done = t;
  done.assignee_id = staff;
  done.status = "done";
  done.result = "监控已调取";
  done.due_at = kAt + 2000;
  done.updated_at = kAt + 50;
  done.version = 2;
  auto late = t;
  late.description = "迟到的修改";
  late.status = "cancelled";
  late.version = 2;
  bool first = false, stale = true, unknown = true;
  db->write_sync([&](Stores& r) {
    first = r.get<storage::TaskStore>().update_task(done, 1);
    stale = r.get<storage::TaskStore>().update_task(late, 1);
    auto missing = done;
    missing.id += 1000;
    unknown = r.get<storage::TaskStore>().update_task(missing, 2);
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(stale);
  EXPECT_FALSE(unknown);

  auto got = db->reader().get<storage::TaskStore>().task(t.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->version, 2);
  EXPECT_EQ(got->status, "done");
  EXPECT_EQ(got->description, "调取监控") << "the stale update wrote nothing";
  EXPECT_EQ(got->result, "监控已调取");
  EXPECT_EQ(got->assignee_id, staff);
  EXPECT_EQ(got->due_at, kAt + 2000);
  EXPECT_EQ(got->updated_at, kAt + 50);
  EXPECT_EQ(got->created_at, kAt);
  EXPECT_EQ(got->created_by, staff);

  // With the current version it writes, also clearing the assignee.
  got->assignee_id.reset();
  got->version = 3;
  bool next = false;
  db->write_sync([&](Stores& r) { next = r.get<storage::TaskStore>().update_task(*got, 2); });
  EXPECT_TRUE(next);
  auto again = db->reader().get<storage::TaskStore>().task(t.id);
  EXPECT_EQ(again->version, 3);
  EXPECT_FALSE(again->assignee_id);
}

TEST_P(TaskStoreContract, OverdueTasksAreOpenOnesPastDueMostOverdueFirstUntilEscalated) {
  const int64_t ticket_id = new_ticket();
  const int64_t now = kAt + 10'000;
  const int64_t late3 = insert(make_task(ticket_id, now - 1000));
  const int64_t done = insert(make_task(ticket_id, now - 9000, "done"));
  const int64_t late1 = insert(make_task(ticket_id, now - 5000, "in_progress"));
  const int64_t cancelled = insert(make_task(ticket_id, now - 9000, "cancelled"));
  const int64_t at_now = insert(make_task(ticket_id, now));
  const int64_t future = insert(make_task(ticket_id, now + 1));
  const int64_t late2 = insert(make_task(ticket_id, now - 5000));  // the same due time: by id

  auto& r = db->reader();
  EXPECT_EQ(r.get<storage::TaskStore>().tasks_overdue(now, 10), (std::vector<int64_t>{late1, late2, late3, at_now}))
      << "due at `now` counts; done, cancelled (ids " << done << ", " << cancelled << ") and not yet due (" << future
      << ") do not";
  EXPECT_EQ(r.get<storage::TaskStore>().tasks_overdue(now, 2), (std::vector<int64_t>{late1, late2}));
  EXPECT_TRUE(r.get<storage::TaskStore>().tasks_overdue(now - 9001, 10).empty());

  // Escalated exactly once; an escalated task is no longer overdue work.
  bool once = false, twice = true, unknown = true;
  db->write_sync([&](Stores& w) {
    once = w.get<storage::TaskStore>().mark_task_escalated(late1, now);
    twice = w.get<storage::TaskStore>().mark_task_escalated(late1, now + 1);
    unknown = w.get<storage::TaskStore>().mark_task_escalated(future + 1000, now);
  });
  EXPECT_TRUE(once);
  EXPECT_FALSE(twice);
  EXPECT_FALSE(unknown);
  EXPECT_EQ(db->reader().get<storage::TaskStore>().tasks_overdue(now, 10),
            (std::vector<int64_t>{late2, late3, at_now}));

  // A task that is done leaves the list too.
  db->write_sync([&](Stores& w) {
    auto t = *w.get<storage::TaskStore>().task(late2);
    t.status = "done";
    t.version = 2;
    ASSERT_TRUE(w.get<storage::TaskStore>().update_task(t, 1));
  });
  EXPECT_EQ(db->reader().get<storage::TaskStore>().tasks_overdue(now, 10), (std::vector<int64_t>{late3, at_now}));
  EXPECT_EQ(db->reader().get<storage::TaskStore>().tasks_overdue(now + 1, 10),
            (std::vector<int64_t>{late3, at_now, future}));
}

INSTANTIATE_TEST_SUITE_P(Backends, TaskStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
