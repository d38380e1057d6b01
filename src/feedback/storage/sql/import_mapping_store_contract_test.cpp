// The storage contract of the social-import column mappings: remembered per source name,
// replaced on the next save, listed by name.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "feedback/storage/import_mapping_store.hpp"

namespace kefu::storage {
namespace {

class ImportMappingContract : public Contract {
 protected:
  void put(const ImportMapping& m) {
    db->write_sync([&](Stores& s) { s.get<ImportMappingStore>().put_mapping(m); });
  }
  ImportMappingStore& mappings() { return db->reader().get<ImportMappingStore>(); }
};

TEST_P(ImportMappingContract, AMappingIsRememberedPerSourceNameAndReplacedByTheNextSave) {
  EXPECT_TRUE(mappings().mappings().empty());
  EXPECT_FALSE(mappings().mapping("微博"));
  ImportMapping weibo{"微博", "内容", "发布时间", "用户", "", "微博ID", "", store_a, staff, 100};
  put(weibo);
  ImportMapping dianping{"大众点评", "评价内容", "评价时间",   "用户名",     "星级",
                         "",         "门店",     std::nullopt, std::nullopt, 200};
  put(dianping);
  EXPECT_EQ(mappings().mapping("微博"), weibo);
  auto all = mappings().mappings();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].source_name, "大众点评") << "by source name (bytes)";
  EXPECT_EQ(all[1], weibo);

  weibo.text_column = "正文";
  weibo.store_id = store_b;
  weibo.updated_at = 300;
  put(weibo);
  EXPECT_EQ(mappings().mapping("微博"), weibo);
  EXPECT_EQ(mappings().mappings().size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportMappingContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
