// The social import's use cases: a file read through the remembered mapping becomes social
// items, a second import adds nothing, bad rows are reported by line, GBK is read, and
// who may map and import.
#include "feedback/app/feedback_import.hpp"

#include <gtest/gtest.h>

#include "core/app/use_case_test.hpp"
#include "feedback/app/feedback_items.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app::testing {
namespace {

class FeedbackImport : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store_a = r.get<storage::OrgStore>().insert_store({.code = "SH01", .name = "甲店"});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "CD01", .name = "乙店"});
      supervisor = make(r, "sup", "supervisor", {store_a}, {});
      agent = make(r, "agent1", "agent", {store_a}, {});
    });
    as(supervisor, [&](Context& c) {
      return put_import_mapping(c, {"大众点评", "评价内容", "评价时间", "用户名", "星级", "评价ID", "门店", store_a});
    });
  }
  ImportReport import(const std::string& csv, const std::string& source = "大众点评") {
    return as(supervisor, [&](Context& c) { return import_social(c, source, read_import_table(csv)); });
  }

  int64_t store_a = 0, store_b = 0;
  people::Actor supervisor, agent;
};

const std::string kFile =
    "评价ID,用户名,评价时间,星级,评价内容,门店\n"
    "d1,小王,2026-11-20 14:22,2,停车场排队四十分钟,SH01\n"
    "d2,阿May,2026/11/21 09:05,50,\"导购很耐心，\n帮我找到了合适的尺码\",甲店\n"
    "d3,路人,2026-11-21,3,,SH01\n"
    "d4,路人乙,昨天,1,收银台只开了一个,SH01\n"
    "d5,小李,2026-11-21 10:00,4,乙店的试衣间很干净,CD01\n"
    "d6,小张,2026-11-21 11:00,5,没有写门店的评价,\n";

TEST_F(FeedbackImport, RowsBecomeSocialItemsThroughTheMappingAndBadRowsAreReportedByLine) {
  const auto r = import(kFile);
  EXPECT_EQ(r.format, "csv");
  EXPECT_EQ(r.encoding, "utf-8");
  EXPECT_EQ(r.rows, 6);
  EXPECT_EQ(r.added, 3);
  EXPECT_EQ(r.duplicates, 0);
  ASSERT_EQ(r.skipped.size(), 3u);
  EXPECT_EQ(r.skipped[0].line, 5);  // d3: the quoted line break makes d2 two lines
  EXPECT_EQ(r.skipped[0].reason, "empty_text");
  EXPECT_EQ(r.skipped[1].line, 6);
  EXPECT_EQ(r.skipped[1].reason, "bad_time");
  EXPECT_EQ(r.skipped[2].line, 7);
  EXPECT_EQ(r.skipped[2].reason, "unknown_store") << "a store the supervisor does not serve";

  const auto first = as(agent, [&](Context& c) { return get_item(c, r.item_ids[0]); });
  EXPECT_EQ(first.source, "social");
  EXPECT_EQ(first.source_ref, "大众点评:d1");
  EXPECT_EQ(first.author, "小王");
  EXPECT_EQ(first.rating, 2);
  EXPECT_EQ(first.store_id, store_a);
  EXPECT_EQ(first.said_at, 1795155720000) << "2026-11-20 14:22 in Shanghai";
  const auto second = as(agent, [&](Context& c) { return get_item(c, r.item_ids[1]); });
  EXPECT_EQ(second.text, "导购很耐心，\n帮我找到了合适的尺码");
  EXPECT_EQ(second.rating, 5) << "50 on the 0–50 scale";
  const auto third = as(agent, [&](Context& c) { return get_item(c, r.item_ids[2]); });
  EXPECT_EQ(third.store_id, store_a) << "an empty store cell takes the mapping's store";
}

TEST_F(FeedbackImport, AFileSentWholeIsImportedInSlicesOfItsRows) {
  auto part = [&](int64_t offset, std::optional<int64_t> limit) {
    auto table = read_import_table(kFile);
    keep_rows(table, offset, limit);
    return as(supervisor, [&](Context& c) { return import_social(c, "大众点评", table); });
  };
  auto a = part(1, 2);  // d2, d3
  EXPECT_EQ(a.rows, 2);
  EXPECT_EQ(a.added, 1);
  ASSERT_EQ(a.skipped.size(), 1u);
  EXPECT_EQ(a.skipped[0].line, 5) << "lines stay the file's";
  auto b = part(3, std::nullopt);  // d4, d5, d6
  EXPECT_EQ(b.rows, 3);
  EXPECT_EQ(b.added, 1);
  auto c = part(0, 1);  // d1
  EXPECT_EQ(c.added, 1);
  EXPECT_EQ(part(-5, 0).duplicates, 3) << "a negative offset is 0, a limit of 0 none: the whole file again";
  EXPECT_EQ(part(99, 1).rows, 0);
}

TEST_F(FeedbackImport, ASecondImportOfTheSameFileAddsNothing) {
  import(kFile);
  const auto again = import(kFile);
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.duplicates, 3);
  EXPECT_EQ(again.skipped.size(), 3u);
}

TEST_F(FeedbackImport, PostsWithoutAnIdAreKeyedByAuthorTimeAndText) {
  as(supervisor, [&](Context& c) {
    return put_import_mapping(c, {"小红书", "笔记内容", "", "作者", "", "", "", store_a});
  });
  const std::string file = "作者,笔记内容\n薯条,电梯口的指示牌看不清\n薯条,电梯口的指示牌看不清\n";
  const auto r = import(file, "小红书");
  EXPECT_EQ(r.added, 1);
  EXPECT_EQ(r.duplicates, 1) << "the same post twice in one file";
  EXPECT_EQ(import(file, "小红书").added, 0);
}

TEST_F(FeedbackImport, AGbkFileIsReadAsChinese) {
  std::string gbk = "\xC6\xC0\xBC\xDB\xC4\xDA\xC8\xDD\n\xCD\xA3\xB3\xB5\xC4\xD1\n";  // 评价内容 / 停车难
  as(supervisor, [&](Context& c) {
    return put_import_mapping(c, {"点评GBK", "评价内容", "", "", "", "", "", store_a});
  });
  const auto table = read_import_table(gbk);
  EXPECT_EQ(table.encoding, "gb18030");
  ASSERT_EQ(table.header.size(), 1u);
  EXPECT_EQ(table.header[0], "评价内容");
  const auto r = import(gbk, "点评GBK");
  ASSERT_EQ(r.added, 1);
  EXPECT_EQ(as(agent, [&](Context& c) { return get_item(c, r.item_ids[0]); }).text, "停车难");
}

TEST_F(FeedbackImport, AFileOrMappingThatDoesNotFitIsRefusedWhole) {
  EXPECT_EQ(code_of([&] { import(kFile, "微博"); }), "invalid_field") << "no mapping yet";
  EXPECT_EQ(code_of([&] { import("内容\n你好\n"); }), "invalid_field") << "the mapped columns are missing";
  EXPECT_EQ(code_of([&] { read_import_table(std::string("PK\x03\x04", 4) + "xl/"); }), "invalid_field");
  EXPECT_EQ(code_of([&] { read_import_table(""); }), "invalid_field");
  EXPECT_EQ(code_of([&] { read_import_table("a,b\n\"open"); }), "invalid_field");
}

TEST_F(FeedbackImport, AgentsReadMappingsButOnlySupervisorsMapAndImport) {
  const auto list = as(agent, [&](Context& c) { return list_import_mappings(c); });
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].source_name, "大众点评");
  EXPECT_EQ(list[0].updated_by, supervisor.staff_id);
  EXPECT_EQ(
      code_of([&] { as(agent, [&](Context& c) { return import_social(c, "大众点评", read_import_table(kFile)); }); }),
      "forbidden");
  EXPECT_EQ(
      code_of([&] {
        as(agent, [&](Context& c) { return put_import_mapping(c, {"微博", "内容", "", "", "", "", "", store_a}); });
      }),
      "forbidden");
  EXPECT_EQ(code_of([&] {
              as(supervisor, [&](Context& c) {
                return put_import_mapping(c, {"微博", "内容", "", "", "", "", "", store_b});
              });
            }),
            "unknown_reference")
      << "a store the supervisor does not serve";
  EXPECT_EQ(code_of([&] {
              as(supervisor, [&](Context& c) { return put_import_mapping(c, {"微博", "内容", "", "", "", "", ""}); });
            }),
            "required")
      << "no store column and no store";
}

}  // namespace
}  // namespace kefu::app::testing
