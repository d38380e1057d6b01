// Canned replies (快捷回复) as people use them: a supervisor keeps the store's set, every
// agent keeps their own, nobody sees another store's or another person's own entries.
#include "chat/app/canned.hpp"

#include "core/storage/platform_stores.hpp"
#include "sla/app/sla_fixture.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class Canned : public SlaUseCases {
 protected:
  chat::CannedReply create(const people::Actor& who, std::optional<int64_t> store, const std::string& shortcut,
                           const std::string& body = "您好，请问有什么可以帮您？") {
    return as(who, [&](Context& c) {
      return create_canned(c, {.store_id = store, .shortcut = shortcut, .title = "标题", .body = body});
    });
  }
  std::vector<std::string> shortcuts(const people::Actor& who, std::optional<int64_t> store = std::nullopt,
                                     const std::string& q = "") {
    std::vector<std::string> out;
    for (const auto& r : as(who, [&](Context& c) { return list_canned(c, store, q); })) out.push_back(r.shortcut);
    return out;
  }
  std::string update_code(const people::Actor& who, int64_t id, const std::string& shortcut = "new") {
    return code_of([&] {
      as(who,
         [&](Context& c) { return update_canned(c, id, {.shortcut = shortcut, .title = "新标题", .body = "新内容"}); });
    });
  }
  std::string delete_code(const people::Actor& who, int64_t id) {
    return code_of([&] {
      as(who, [&](Context& c) {
        delete_canned(c, id);
        return 0;
      });
    });
  }
};

using Names = std::vector<std::string>;

TEST_F(Canned, AgentsSeeTheirStoresEntriesAndTheirOwnOnly) {
  create(supervisor, store_a, "hours", "本店营业时间 10:00–22:00");
  create(admin, store_b, "park", "乙店停车 5 元/小时");
  create(agent, std::nullopt, "hi", "您好，我是小李");
  create(agent2, std::nullopt, "bye", "感谢您的咨询");

  EXPECT_EQ(shortcuts(agent), (Names{"hi", "hours"}));
  EXPECT_EQ(shortcuts(agent2), (Names{"bye", "hours"}));
  EXPECT_EQ(shortcuts(agent_b), (Names{"park"}));
  EXPECT_EQ(shortcuts(admin), (Names{"hours", "park"})) << "every store's, but nobody's own";
  EXPECT_EQ(shortcuts(agent, store_a, "营业"), (Names{"hours"}));
  EXPECT_EQ(shortcuts(admin, store_b), (Names{"park"}));
  EXPECT_EQ(code_of([&] { shortcuts(agent, store_b); }), "not_found") << "a store the agent does not serve";
}

TEST_F(Canned, OnlySupervisorsKeepTheStoresSetAndEveryoneKeepsTheirOwn) {
  EXPECT_EQ(code_of([&] { create(agent, store_a, "hours"); }), "forbidden");
  EXPECT_EQ(code_of([&] { create(supervisor, store_b, "hours"); }), "unknown_reference");
  const auto store_entry = create(supervisor, store_a, "hours");
  EXPECT_EQ(store_entry.store_id, store_a);
  EXPECT_FALSE(store_entry.owner_id);
  const auto own = create(agent, std::nullopt, "hi");
  EXPECT_EQ(own.owner_id, agent.staff_id);
  EXPECT_FALSE(own.store_id);

  EXPECT_EQ(update_code(agent, store_entry.id), "forbidden") << "the store's set is the supervisor's";
  EXPECT_EQ(update_code(agent_b, store_entry.id), "not_found") << "another store's";
  EXPECT_EQ(update_code(agent2, own.id), "not_found") << "a colleague's own entry is not theirs to see";
  EXPECT_EQ(update_code(supervisor, own.id), "not_found") << "nor a supervisor's";
  EXPECT_EQ(update_code(admin, own.id), "not_found") << "nor an admin's";
  EXPECT_EQ(update_code(agent, store_entry.id + 100), "not_found");
  EXPECT_EQ(update_code(manager, store_entry.id, "open"), "none");
  EXPECT_EQ(update_code(agent, own.id, "hello"), "none");

  auto list = as(agent, [&](Context& c) { return list_canned(c, std::nullopt, ""); });
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].shortcut, "hello");
  EXPECT_EQ(list[0].body, "新内容");
  EXPECT_EQ(list[1].shortcut, "open");
  EXPECT_EQ(list[1].title, "新标题");

  EXPECT_EQ(delete_code(agent, store_entry.id), "forbidden");
  EXPECT_EQ(delete_code(agent2, own.id), "not_found");
  EXPECT_EQ(delete_code(agent, own.id), "none");
  EXPECT_EQ(delete_code(admin, store_entry.id), "none");
  EXPECT_EQ(delete_code(admin, store_entry.id), "not_found") << "gone";
  EXPECT_TRUE(shortcuts(agent).empty());
}

TEST_F(Canned, FieldsAreCheckedAndAShortcutIsUniqueWithinItsSet) {
  auto code = [&](const std::string& shortcut, const std::string& title, const std::string& body) {
    return code_of([&] {
      as(agent, [&](Context& c) { return create_canned(c, {.shortcut = shortcut, .title = title, .body = body}); });
    });
  };
  EXPECT_EQ(code("", "标题", "内容"), "required");
  EXPECT_EQ(code("退 货", "标题", "内容"), "invalid_field");
  EXPECT_EQ(code("退\xE3\x80\x80货", "标题", "内容"), "invalid_field") << "a full-width space";
  EXPECT_EQ(code(std::string(21, 'a'), "标题", "内容"), "too_long");
  EXPECT_EQ(code("退货流程说明退货流程说明退货流程说明退货", "标题", "内容"), "none") << "20 characters";
  EXPECT_EQ(code("t", "", "内容"), "required");
  EXPECT_EQ(code("t", std::string(51, 'x'), "内容"), "too_long");
  EXPECT_EQ(code("t", "标题", ""), "required");
  EXPECT_EQ(code("t", "标题", std::string(2001, 'x')), "too_long");
  EXPECT_EQ(code("t", "标题", std::string(2000, 'x')), "none");

  // The same shortcut: refused in the same set, fine in another.
  EXPECT_EQ(code("t", "标题", "内容"), "canned_shortcut_taken");
  create(agent2, std::nullopt, "t");
  create(supervisor, store_a, "t");
  EXPECT_EQ(code_of([&] { create(manager, store_a, "t"); }), "canned_shortcut_taken");
  create(admin, store_b, "t");
  const auto other = create(agent, std::nullopt, "u");
  EXPECT_EQ(update_code(agent, other.id, "t"), "canned_shortcut_taken");
  EXPECT_EQ(update_code(agent, other.id, "u"), "none") << "keeping its own shortcut";
  try {
    create(agent, std::nullopt, "u");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::conflict);
  }
}

TEST_F(Canned, ChangesAreAudited) {
  const auto r = create(supervisor, store_a, "hours", "10:00–22:00");
  as(supervisor,
     [&](Context& c) { return update_canned(c, r.id, {.shortcut = "open", .title = "营业", .body = "10:00–21:30"}); });
  as(supervisor, [&](Context& c) {
    delete_canned(c, r.id);
    return 0;
  });
  auto log = db->reader().get<storage::AuditStore>().audit("canned_reply", r.id);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].action, "canned_reply.create");
  EXPECT_EQ(log[1].action, "canned_reply.update");
  EXPECT_NE(log[1].before_json.find("10:00–22:00"), std::string::npos);
  EXPECT_NE(log[1].after_json.find("10:00–21:30"), std::string::npos);
  EXPECT_EQ(log[2].action, "canned_reply.delete");
  EXPECT_EQ(log[2].actor_id, supervisor.staff_id);
}

}  // namespace
}  // namespace kefu::app
