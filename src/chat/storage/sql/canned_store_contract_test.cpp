// The storage contract for canned replies (快捷回复) and chat settings: a caller's list is
// their stores' entries and their own, shortcuts are unique per set, settings are one
// row per store.
#include <gtest/gtest.h>

#include "chat/storage/canned_store.hpp"
#include "core/storage/contract_fixture.hpp"

namespace kefu::storage {
namespace {

class CannedContract : public Contract {
 protected:
  int64_t colleague = 0;

  void SetUp() override {
    Contract::SetUp();
    if (!db) return;  // skipped (no PostgreSQL)
    db->write_sync([&](Stores& r) {
      colleague = r.get<OrgStore>().insert_staff(
          {.username = "wang", .display_name = "王", .role = "agent", .store_ids = {store_a}, .password_hash = "h"});
    });
  }

  chat::CannedReply entry(std::optional<int64_t> store, std::optional<int64_t> owner, const std::string& shortcut,
                          const std::string& body, int64_t at = 1000) {
    return {.store_id = store,
            .owner_id = owner,
            .shortcut = shortcut,
            .title = "标题 " + shortcut,
            .body = body,
            .created_at = at,
            .updated_at = at,
            .created_by = staff};
  }
  int64_t add(const chat::CannedReply& r) {
    int64_t id = 0;
    db->write_sync([&](Stores& s) { id = s.get<CannedStore>().insert_canned(r); });
    return id;
  }
  CannedStore& canned() { return db->reader().get<CannedStore>(); }
  std::vector<std::string> shortcuts(const CannedFilter& f) {
    std::vector<std::string> out;
    for (const auto& r : canned().canned_for(f)) out.push_back(r.shortcut);
    return out;
  }
};

using Names = std::vector<std::string>;

TEST_P(CannedContract, ACallerSeesTheirStoresEntriesAndTheirOwn) {
  const auto hours = add(entry(store_a, std::nullopt, "hours", "本店营业时间 10:00–22:00"));
  add(entry(store_a, std::nullopt, "退货", "七天无理由退货，请携带小票"));
  add(entry(store_b, std::nullopt, "park", "乙店停车 5 元/小时"));
  add(entry(std::nullopt, staff, "hi", "您好，我是客服小李"));
  add(entry(std::nullopt, colleague, "bye", "感谢您的咨询"));

  EXPECT_EQ(shortcuts({.store_ids = std::vector<int64_t>{store_a}, .owner_id = staff}), (Names{"hi", "hours", "退货"}))
      << "byte order of shortcuts; the colleague's own and store B's are not listed";
  EXPECT_EQ(shortcuts({.store_ids = std::vector<int64_t>{}, .owner_id = staff}), (Names{"hi"}));
  EXPECT_EQ(shortcuts({.owner_id = colleague}), (Names{"bye", "hours", "park", "退货"})) << "every store";
  EXPECT_EQ(shortcuts({.store_ids = std::vector<int64_t>{store_a, store_b}, .owner_id = staff, .limit = 2}),
            (Names{"hi", "hours"}));

  // The text filter: shortcut, title or body; ASCII in any case.
  EXPECT_EQ(shortcuts({.owner_id = staff, .text = "停车"}), (Names{"park"}));
  EXPECT_EQ(shortcuts({.owner_id = staff, .text = "HOURS"}), (Names{"hours"}));
  EXPECT_EQ(shortcuts({.owner_id = staff, .text = "标题 退"}), (Names{"退货"}));
  EXPECT_TRUE(shortcuts({.owner_id = staff, .text = "会员"}).empty());

  auto got = canned().canned(hours);
  ASSERT_TRUE(got);
  EXPECT_EQ(*got, (chat::CannedReply{.id = hours,
                                     .store_id = store_a,
                                     .shortcut = "hours",
                                     .title = "标题 hours",
                                     .body = "本店营业时间 10:00–22:00",
                                     .created_at = 1000,
                                     .updated_at = 1000,
                                     .created_by = staff}));
  EXPECT_FALSE(canned().canned(hours + 100));
}

TEST_P(CannedContract, ShortcutsAreUniquePerStoreAndPerPerson) {
  const auto store_hi = add(entry(store_a, std::nullopt, "hi", "您好"));
  const auto own_hi = add(entry(std::nullopt, staff, "hi", "您好呀"));
  EXPECT_TRUE(canned().shortcut_taken(entry(store_a, std::nullopt, "hi", ""), 0));
  EXPECT_FALSE(canned().shortcut_taken(entry(store_a, std::nullopt, "hi", ""), store_hi)) << "itself";
  EXPECT_FALSE(canned().shortcut_taken(entry(store_b, std::nullopt, "hi", ""), 0)) << "another store";
  EXPECT_TRUE(canned().shortcut_taken(entry(std::nullopt, staff, "hi", ""), 0));
  EXPECT_FALSE(canned().shortcut_taken(entry(std::nullopt, staff, "hi", ""), own_hi));
  EXPECT_FALSE(canned().shortcut_taken(entry(std::nullopt, colleague, "hi", ""), 0)) << "another person";
  EXPECT_FALSE(canned().shortcut_taken(entry(store_a, std::nullopt, "bye", ""), 0));
  // The database itself refuses a second store entry with the same shortcut.
  EXPECT_ANY_THROW(add(entry(store_a, std::nullopt, "hi", "重复")));
  EXPECT_ANY_THROW(add(entry(std::nullopt, staff, "hi", "重复")));
  add(entry(std::nullopt, colleague, "hi", "同事的"));
}

TEST_P(CannedContract, UpdateAndDeleteChangeOneEntry) {
  const auto id = add(entry(store_a, std::nullopt, "hours", "10:00–22:00"));
  const auto other = add(entry(store_a, std::nullopt, "park", "停车"));
  auto changed = *canned().canned(id);
  changed.shortcut = "open";
  changed.title = "营业时间";
  changed.body = "10:00–21:30";
  changed.updated_at = 2000;
  changed.store_id = store_b;  // not changed by an update
  bool updated = false, missing = true;
  db->write_sync([&](Stores& r) {
    updated = r.get<CannedStore>().update_canned(changed);
    auto ghost = changed;
    ghost.id = id + 100;
    missing = r.get<CannedStore>().update_canned(ghost);
  });
  EXPECT_TRUE(updated);
  EXPECT_FALSE(missing);
  auto got = *canned().canned(id);
  EXPECT_EQ(got.shortcut, "open");
  EXPECT_EQ(got.title, "营业时间");
  EXPECT_EQ(got.body, "10:00–21:30");
  EXPECT_EQ(got.updated_at, 2000);
  EXPECT_EQ(got.created_at, 1000);
  EXPECT_EQ(got.store_id, store_a);

  bool deleted = false, twice = true;
  db->write_sync([&](Stores& r) { deleted = r.get<CannedStore>().delete_canned(id); });
  db->write_sync([&](Stores& r) { twice = r.get<CannedStore>().delete_canned(id); });
  EXPECT_TRUE(deleted);
  EXPECT_FALSE(twice);
  EXPECT_FALSE(canned().canned(id));
  EXPECT_TRUE(canned().canned(other));
}

TEST_P(CannedContract, SettingsAreOneRowPerStore) {
  EXPECT_FALSE(canned().chat_settings(store_a)) << "no row: the defaults apply";
  StoredChatSettings s{.settings = {.store_id = store_a,
                                    .idle_end_minutes = 30,
                                    .first_reply_seconds = 45,
                                    .reply_gap_seconds = 120,
                                    .welcome = "您好，欢迎光临甲店",
                                    .offline_text = "客服已下班，请留言"},
                       .updated_at = 1000,
                       .updated_by = staff};
  db->write_sync([&](Stores& r) { r.get<CannedStore>().put_chat_settings(s); });
  EXPECT_TRUE(canned().chat_settings(store_a)->settings.queue_targets.empty());
  s.settings.idle_end_minutes = 20;
  s.settings.welcome = "";
  s.settings.queue_targets = {{"parking", {20, 60}}, {"returns", {120, 300}}};
  s.settings.bot_queues = {"general", "parking"};
  s.settings.bot_answer = 0.75;
  s.settings.bot_suggest = 0.25;
  s.settings.generative = {.enabled = true,
                           .base_url = "http://127.0.0.1:8081/llm",
                           .model = "qwen2.5-7b",
                           .api_key = "sk-local",
                           .timeout_ms = 3000};
  s.updated_at = 2000;
  db->write_sync([&](Stores& r) { r.get<CannedStore>().put_chat_settings(s); });
  auto got = canned().chat_settings(store_a);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->settings.store_id, store_a);
  EXPECT_EQ(got->settings.idle_end_minutes, 20);
  EXPECT_EQ(got->settings.first_reply_seconds, 45);
  EXPECT_EQ(got->settings.reply_gap_seconds, 120);
  EXPECT_EQ(got->settings.welcome, "");
  EXPECT_EQ(got->settings.offline_text, "客服已下班，请留言");
  EXPECT_DOUBLE_EQ(got->settings.bot_answer, 0.75);
  EXPECT_DOUBLE_EQ(got->settings.bot_suggest, 0.25);
  EXPECT_EQ(got->settings.generative, s.settings.generative);
  EXPECT_EQ(got->updated_at, 2000);
  EXPECT_EQ(got->updated_by, staff);
  EXPECT_EQ(got->settings.targets_for("returns"), (chat::ReplyTargets{120, 300}));
  EXPECT_EQ(got->settings.targets_for("parking"), (chat::ReplyTargets{20, 60}));
  EXPECT_EQ(got->settings.targets_for("general"), (chat::ReplyTargets{45, 120})) << "the store's own";
  EXPECT_EQ(got->settings.bot_queues, (std::vector<std::string>{"general", "parking"}));
  EXPECT_TRUE(got->settings.bot_answers("parking"));
  EXPECT_FALSE(got->settings.bot_answers("returns"));
  EXPECT_FALSE(canned().chat_settings(store_b));
}

INSTANTIATE_TEST_SUITE_P(Backends, CannedContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
