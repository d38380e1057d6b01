// The storage contract of the automatic quality checks: saved rules, hits (once per rule and
// message, filtered, counted, flagged for sampling) and what the job reads of chats and tickets.
#include <gtest/gtest.h>

#include "chat/storage/conversation_store.hpp"
#include "core/storage/contract_fixture.hpp"
#include "quality/storage/auto_hit_store.hpp"
#include "quality/storage/auto_rule_store.hpp"
#include "quality/storage/auto_source_store.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::storage {
namespace {

class QaAutoContract : public Contract {
 protected:
  QaAutoHit hit(std::string rule, std::string kind, int64_t subject, int64_t ref, int64_t store, int64_t at,
                bool red = false) {
    QaAutoHit h;
    h.rule_code = std::move(rule);
    h.rule_kind = "forbidden_phrase";
    h.rule_name = "服务禁用语";
    h.subject_kind = std::move(kind);
    h.subject_id = subject;
    h.message_ref = ref;
    h.staff_id = staff;
    h.store_id = store;
    h.red_line = red;
    h.excerpt = "不归我管";
    h.detail = "不归我管";
    h.at = at;
    return h;
  }
};

TEST_P(QaAutoContract, RulesPerScopeWithVersions) {
  quality::AutoRule chain = quality::default_rules()[1];
  chain.phrases = {"不归我管", "自己去看"};
  chain.updated_at = 10;
  chain.updated_by = staff;
  quality::AutoRule mine = quality::default_rules()[1];
  mine.store_id = store_a;
  mine.enabled = false;
  quality::AutoRule other = quality::default_rules()[3];
  other.store_id = store_b;
  db->write_sync([&](Stores& r) {
    auto& rules = r.get<QaAutoRuleStore>();
    EXPECT_TRUE(rules.insert_rule(chain));
    EXPECT_TRUE(rules.insert_rule(mine));
    EXPECT_TRUE(rules.insert_rule(other));
    auto again = chain;
    EXPECT_FALSE(rules.insert_rule(again));  // the code is taken in the chain
  });
  auto& reader = db->reader().get<QaAutoRuleStore>();
  auto got = reader.rule(chain.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->phrases, chain.phrases);
  EXPECT_EQ(got->kind, "forbidden_phrase");
  EXPECT_EQ(got->version, 1);
  EXPECT_EQ(got->updated_by, staff);
  auto for_a = reader.rules_for(store_a);
  ASSERT_EQ(for_a.size(), 2u);
  EXPECT_EQ(for_a[0].store_id, 0);
  EXPECT_FALSE(for_a[1].enabled);
  EXPECT_EQ(reader.all_rules().size(), 3u);

  db->write_sync([&](Stores& r) {
    auto& rules = r.get<QaAutoRuleStore>();
    auto edit = chain;
    edit.phrases = {"不归我管"};
    edit.red_line = true;
    EXPECT_TRUE(rules.update_rule(edit, 1));
    EXPECT_EQ(edit.version, 2);
    EXPECT_FALSE(rules.update_rule(edit, 1));  // a stale version
    EXPECT_TRUE(rules.delete_rule(other.id));
    EXPECT_FALSE(rules.delete_rule(other.id));
  });
  got = db->reader().get<QaAutoRuleStore>().rule(chain.id);
  EXPECT_EQ(got->phrases, std::vector<std::string>{"不归我管"});
  EXPECT_TRUE(got->red_line);
  EXPECT_FALSE(db->reader().get<QaAutoRuleStore>().rule(other.id));
  EXPECT_EQ(db->reader().get<QaAutoRuleStore>().rules_for(store_b).size(), 1u);
}

TEST_P(QaAutoContract, HitsOncePerRuleAndMessageFilteredCountedAndFlagged) {
  db->write_sync([&](Stores& r) {
    auto& hits = r.get<QaAutoHitStore>();
    auto a = hit("forbidden_phrases", "conversation", 1, 3, store_a, 1000);
    EXPECT_TRUE(hits.insert_hit(a));
    EXPECT_GT(a.id, 0);
    auto twice = hit("forbidden_phrases", "conversation", 1, 3, store_a, 1500);
    EXPECT_FALSE(hits.insert_hit(twice));  // the same rule and message
    auto red = hit("red_line_phrases", "conversation", 1, 3, store_a, 1000, true);
    EXPECT_TRUE(hits.insert_hit(red));
    auto t = hit("greeting", "ticket", 7, 70, store_a, 2000);
    t.staff_id.reset();
    EXPECT_TRUE(hits.insert_hit(t));
    auto b = hit("greeting", "ticket", 8, 80, store_b, 3000);
    EXPECT_TRUE(hits.insert_hit(b));
  });
  auto& reader = db->reader().get<QaAutoHitStore>();
  auto all = reader.hits({});
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].subject_id, 8);  // newest first
  EXPECT_EQ(all[3].excerpt, "不归我管");
  EXPECT_EQ(all[3].rule_name, "服务禁用语");
  EXPECT_EQ(reader.hits({.store_ids = {store_a}}).size(), 3u);
  EXPECT_EQ(reader.hits({.staff_id = staff}).size(), 3u);
  EXPECT_EQ(reader.hits({.rule_code = "greeting"}).size(), 2u);
  EXPECT_EQ(reader.hits({.red_line = true}).size(), 1u);
  EXPECT_EQ(reader.hits({.red_line = false}).size(), 3u);
  EXPECT_EQ(reader.hits({.subject_kind = "ticket", .subject_id = 7}).size(), 1u);
  EXPECT_EQ(reader.hits({.from = 1500, .to = 3000}).size(), 1u);
  EXPECT_EQ(reader.hits({.before_id = all[1].id}).size(), 2u);
  EXPECT_EQ(reader.hits({.limit = 1}).size(), 1u);

  auto counts = reader.hit_counts({store_a}, 0, 10'000);
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].rule_code, "forbidden_phrases");
  EXPECT_EQ(counts[0].hits, 1);
  EXPECT_EQ(counts[1].rule_code, "greeting");
  EXPECT_FALSE(counts[1].staff_id);
  EXPECT_EQ(counts[2].red_line_hits, 1);
  EXPECT_EQ(reader.hit_counts({}, 0, 10'000).size(), 4u);

  auto flagged = reader.flagged({}, 0, 10'000);
  ASSERT_EQ(flagged.size(), 3u);
  EXPECT_EQ(flagged[0].subject_kind, "conversation");  // a red line first
  EXPECT_EQ(flagged[0].hits, 2);
  EXPECT_EQ(flagged[0].red_line_hits, 1);
  EXPECT_EQ(flagged[0].staff_id, staff);
  EXPECT_EQ(flagged[1].subject_id, 8);  // then the latest
  EXPECT_EQ(flagged[1].store_id, store_b);
  EXPECT_EQ(reader.flagged({store_a}, 1500, 10'000).size(), 1u);
  EXPECT_EQ(reader.flagged({}, 0, 10'000, 1).size(), 1u);
}

TEST_P(QaAutoContract, WhatTheJobReads) {
  int64_t conv_a = 0, conv_b = 0, conv_open = 0, event_reply = 0, event_later = 0;
  ticket::Ticket t = make_ticket(store_a, 1000);
  db->write_sync([&](Stores& r) {
    auto& chats = r.get<ConversationStore>();
    auto make = [&](const std::string& digest) {
      chat::Conversation c;
      c.store_id = store_a;
      c.queue = "general";
      c.status = "queued";
      c.visitor_digest = digest;
      c.created_at = c.last_message_at = 1000;
      return chats.insert_conversation(c);
    };
    conv_a = make("a");
    conv_b = make("b");
    conv_open = make("c");
    chats.end_conversation(conv_b, "customer", 5000);
    chats.end_conversation(conv_a, "customer", 5000);

    r.get<TicketStore>().insert_ticket(t);
    auto& timeline = r.get<TimelineStore>();
    event_reply = timeline.insert_event({0, t.id, "reply", staff, "明天给您回电", "{}", true, 2000});
    timeline.insert_event({0, t.id, "note", staff, "内部备注", "{}", false, 2100});
    timeline.insert_event({0, t.id, "task_created", staff, "请仓库核实", "{}", false, 2500});
    timeline.insert_event({0, t.id, "callback", staff, "已回访", "{}", false, 9000});
    event_later = timeline.insert_event({0, t.id, "reply", staff, "已处理", "{}", true, 9500});

    auto& cursors = r.get<QaAutoSourceStore>();
    EXPECT_EQ(cursors.cursor("chats"), 0);
    cursors.set_cursor("chats", 42);
    cursors.set_cursor("chats", 43);
  });
  auto& reader = db->reader().get<QaAutoSourceStore>();
  auto ended = reader.ended_chats(0, 0, 10'000, 10);
  ASSERT_EQ(ended.size(), 2u);
  EXPECT_EQ(ended[0].id, std::min(conv_a, conv_b));  // the same end time: by id
  EXPECT_EQ(ended[0].ended_at, 5000);
  EXPECT_EQ(reader.ended_chats(5000, std::min(conv_a, conv_b), 10'000, 10).size(), 1u);
  EXPECT_TRUE(reader.ended_chats(5000, std::max(conv_a, conv_b), 10'000, 10).empty());
  EXPECT_TRUE(reader.ended_chats(0, 0, 4999, 10).empty());
  EXPECT_EQ(reader.ended_chats(0, 0, 10'000, 1).size(), 1u);
  (void)conv_open;

  auto replies = reader.ticket_replies(0, 10'000, 10);
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0].event_id, event_reply);
  EXPECT_EQ(replies[0].store_id, store_a);
  EXPECT_EQ(replies[0].staff_id, staff);
  EXPECT_EQ(replies[0].body, "明天给您回电");
  EXPECT_EQ(replies[0].at, 2000);
  EXPECT_EQ(reader.ticket_replies(event_reply, 10'000, 10)[0].event_id, event_later);
  EXPECT_EQ(reader.ticket_replies(0, 9000, 10).size(), 1u);

  EXPECT_EQ(reader.follow_ups(t.id, 2000, 10'000), (std::vector<int64_t>{2500, 9000}));
  EXPECT_EQ(reader.follow_ups(t.id, 3000, 8000), std::vector<int64_t>{});
  EXPECT_EQ(reader.cursor("chats"), 43);
}

INSTANTIATE_TEST_SUITE_P(Backends, QaAutoContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
