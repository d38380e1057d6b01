// Importing and exporting the knowledge base as an admin would: the same file twice
// changes nothing, rejected rows come back with their line and reason, the export reads
// back as the same knowledge base, in both formats.
#include "kb/app/kb_transfer.hpp"

#include "kb/app/kb_catalog.hpp"
#include "kb/app/kb_fixture.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class KbTransfer : public KbUseCases {
 protected:
  ImportReport import(const std::string& format, const std::string& text, int64_t at = kNow) {
    return as(
        admin, [&](Context& c) { return import_faqs(c, format, text); }, at);
  }
  std::string exported(const std::string& format) {
    return as(agent, [&](Context& c) { return export_faqs(c, format); });
  }
  std::vector<kb::Faq> all() {
    return as(agent, [&](Context& c) { return list_faqs(c, {.limit = 1000}); });
  }
};

const std::string kCsv =
    "\xEF\xBB\xBF"
    "external_id,question,similar,answer,category,keywords,audience,status,valid_from,valid_to,variant:SH01\r\n"
    "p-1,停车怎么收费,停车多少钱|停一小时多少钱,\"首小时 10 元，之后每小时 5 "
    "元\",停车交通/停车收费,停车,,,,,甲店首小时免费\r\n"
    "p-2,积分怎么兑换,积分能换什么,\"积分可兑换停车券\n和礼品\",会员与积分,积分|兑换,customer,draft,"
    "2026-12-01T00:00:00+08:00,2027-01-01T00:00:00+08:00,\r\n"
    "p-3,,没有问题,答案,,,,,,,\r\n"
    ",没有编号,x,答案,,,,,,,\r\n"
    "p-5,门店,x,答案,,,,,,,\r\n";

TEST_F(KbTransfer, ACsvFileImportsOnceAndReportsItsRejectedRows) {
  auto r = import("csv", kCsv + std::string("p-6,乙店,x,答案,,,,,,,\r\n"));
  EXPECT_EQ(r.rows, 6);
  EXPECT_EQ(r.created, 4);
  ASSERT_EQ(r.rejected.size(), 2u);
  EXPECT_EQ(r.rejected[0].line, 5) << "p-2's answer spans two lines";
  EXPECT_EQ(r.rejected[0].external_id, "p-3");
  EXPECT_EQ(r.rejected[0].code, "required");
  EXPECT_EQ(r.rejected[0].field, "question");
  EXPECT_EQ(r.rejected[1].line, 6);
  EXPECT_EQ(r.rejected[1].field, "external_id");

  const auto entries = all();
  ASSERT_EQ(entries.size(), 4u);
  const auto& p1 = entries[0];
  EXPECT_EQ(p1.external_id, "p-1");
  EXPECT_EQ(p1.status, "published") << "published unless the row says draft";
  EXPECT_EQ(p1.version, 1);
  EXPECT_EQ(p1.content.similar, (std::vector<std::string>{"停车多少钱", "停一小时多少钱"}));
  EXPECT_EQ(p1.variants, (std::map<int64_t, std::string>{{store_a, "甲店首小时免费"}}));
  const auto cats = as(agent, [&](Context& c) { return list_categories(c); });
  EXPECT_EQ(category_path(cats, *p1.category_id), "停车交通/停车收费") << "categories made from the path";
  const auto& p2 = entries[1];
  EXPECT_EQ(p2.status, "draft");
  EXPECT_EQ(p2.content.answer, "积分可兑换停车券\n和礼品");
  EXPECT_EQ(p2.content.valid_from, 1796054400000);
  EXPECT_EQ(p2.content.keywords, (std::vector<std::string>{"积分", "兑换"}));

  // The same file again: nothing changes, not even a timestamp.
  r = import("csv", kCsv, kNow + 60'000);
  EXPECT_EQ(r.created, 0);
  EXPECT_EQ(r.updated, 0);
  EXPECT_EQ(r.unchanged, 3);
  EXPECT_EQ(all(), entries);
}

TEST_F(KbTransfer, AChangedRowUpdatesAndPublishesItsEntry) {
  import("jsonl", R"({"external_id":"h-1","question":"几点关门","answer":"22:00","variants":{"SH01":"甲店 22:30"}})");
  auto r =
      import("jsonl", R"({"external_id":"h-1","question":"几点关门","answer":"22:30","category":"营业"})", kNow + 1000);
  EXPECT_EQ(r.updated, 1);
  const auto f = all().at(0);
  EXPECT_EQ(f.content.answer, "22:30");
  EXPECT_EQ(f.version, 2);
  EXPECT_TRUE(f.variants.empty()) << "the row's variants replace the entry's";
  EXPECT_TRUE(f.category_id);
  // A draft row leaves the change pending.
  import("jsonl", R"({"external_id":"h-1","question":"几点关门","answer":"23:00","category":"营业","status":"draft"})");
  const auto g = all().at(0);
  EXPECT_EQ(g.content.answer, "22:30");
  ASSERT_TRUE(g.draft);
  EXPECT_EQ(g.draft->content.answer, "23:00");
}

TEST_F(KbTransfer, BadLinesAndFieldsAreRejectedOneByOne) {
  auto r = import("jsonl",
                  "{\"external_id\":\"j-1\",\"question\":\"你好\",\"answer\":\"您好\"}\n"
                  "not json\n"
                  "\n"
                  "{\"external_id\":\"j-3\",\"question\":\"x\",\"answer\":\"y\",\"similar\":\"一个\"}\n"
                  "{\"external_id\":\"j-4\",\"question\":\"x\",\"answer\":\"y\",\"variants\":{\"ZZ99\":\"?\"}}\n"
                  "{\"external_id\":\"j-5\",\"question\":\"x\",\"answer\":\"y\",\"valid_to\":\"明天\"}\n");
  EXPECT_EQ(r.rows, 5);
  EXPECT_EQ(r.created, 1);
  ASSERT_EQ(r.rejected.size(), 4u);
  EXPECT_EQ(r.rejected[0].line, 2);
  EXPECT_EQ(r.rejected[1].line, 4);
  EXPECT_EQ(r.rejected[1].code, "invalid_type");
  EXPECT_EQ(r.rejected[2].code, "unknown_reference");
  EXPECT_EQ(r.rejected[3].line, 6);
  EXPECT_EQ(code_of([&] { import("xml", ""); }), "invalid_enum");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return import_faqs(c, "csv", kCsv); }); }), "forbidden");
  EXPECT_EQ(import("csv", "问题,答案\r\n1,2\r\n").rejected.size(), 1u) << "a CSV without its header line";
}

TEST_F(KbTransfer, AnExportImportsBackAsTheSameKnowledgeBaseInBothFormats) {
  import("csv", kCsv);
  auto sop = input("收银故障处理");
  sop.external_id = "sop-1";
  sop.content.audience = "internal";
  sop.content.answer = "1. 通知信息部\n2. 改用备用收款码，\"手工\"登记";
  publish(create(sop).id);
  const auto before = all();
  for (const auto* format : {"csv", "jsonl"}) {
    const auto file = exported(format);
    const auto r = import(format, file, kNow + 5000);
    EXPECT_EQ(r.unchanged, 4) << format << "\n" << file;
    EXPECT_TRUE(r.rejected.empty()) << format;
    EXPECT_EQ(all(), before) << format;
  }
  EXPECT_NE(exported("csv").find("variant:SH01"), std::string::npos);
}

}  // namespace
}  // namespace kefu::app
