// The storage contract of PosImportStore: mappings (columns and category names) remembered
// per source; the batch path writes each receipt and line once however often a part comes,
// across chunk boundaries (more rows than one statement holds).
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "purchases/storage/pos_import_store.hpp"
#include "purchases/storage/purchase_store.hpp"

namespace kefu::storage {
namespace {

class PosImportStoreContract : public Contract {
 protected:
  static purchase::Order receipt(int64_t store, int n) {
    purchase::Order o;
    o.store_id = store;
    o.receipt_no = "P" + std::to_string(n);
    o.sold_at = 1'790'000'000'000 + n;
    o.payment = "alipay";
    o.order_discount_fen = 500;
    o.promotion = "满300减50";
    o.source = "import";
    o.created_at = 1'790'000'100'000;
    return o;
  }
  static purchase::Line line(int64_t order_id, int no) {
    purchase::Line l;
    l.order_id = order_id;
    l.line_no = no;
    l.counter = "一楼 美妆";
    l.brand = "佰草集";
    l.sku = "S" + std::to_string(no);
    l.name = "面霜";
    l.category = "cosmetics";
    l.quantity = 1;
    l.unit_price_fen = 26800;
    l.discount_share_fen = 250;
    l.paid_fen = 26550;
    return l;
  }
  PosImportStore& store() { return db->reader().get<PosImportStore>(); }
};

TEST_P(PosImportStoreContract, AMappingIsRememberedPerSourceWithItsCategoryNames) {
  EXPECT_TRUE(store().mappings().empty());
  PosImportMapping m{"海信收银", {{"receipt_no", "小票号"}, {"unit_price", "单价"}},
                     store_a,    {{"女装", "clothing"}, {"化妆品", "cosmetics"}},
                     staff,      100};
  db->write_sync([&](Stores& s) { s.get<PosImportStore>().put_mapping(m); });
  EXPECT_EQ(store().mapping("海信收银"), m);
  m.columns["name"] = "品名";
  m.categories = {{"童装", "toys"}};
  m.store_id.reset();
  m.updated_at = 200;
  db->write_sync([&](Stores& s) { s.get<PosImportStore>().put_mapping(m); });
  EXPECT_EQ(store().mapping("海信收银"), m) << "replaced, categories too";
  ASSERT_EQ(store().mappings().size(), 1u);
  EXPECT_FALSE(store().mapping("别的"));
}

TEST_P(PosImportStoreContract, ABatchWritesEachReceiptAndLineOnceAcrossChunks) {
  // 250 receipts (three statements of 100, the last padded), two lines each (three of 200).
  std::vector<purchase::Order> orders;
  for (int n = 0; n < 250; ++n) orders.push_back(receipt(n % 2 ? store_a : store_b, n));
  int added = 0, lines_added = 0;
  db->write_sync([&](Stores& s) {
    auto& b = s.get<PosImportStore>();
    added = b.insert_orders(orders);
    std::vector<purchase::Line> lines;
    for (const auto& o : orders)
      for (int no : {1, 2}) lines.push_back(line(o.id, no));
    lines_added = b.insert_lines(lines);
  });
  EXPECT_EQ(added, 250);
  EXPECT_EQ(lines_added, 500);
  for (const auto& o : orders) ASSERT_GT(o.id, 0);

  std::vector<ReceiptKey> keys;
  for (const auto& o : orders) keys.emplace_back(o.store_id, o.receipt_no);
  keys.emplace_back(store_a, "P0");  // P0 is store_b's: not this store's receipt
  auto on_file = store().orders_on_file(keys);
  EXPECT_EQ(on_file.size(), 250u);
  EXPECT_EQ(on_file.at({store_b, "P0"}), orders[0].id);
  EXPECT_FALSE(on_file.count({store_a, "P0"}));
  std::vector<int64_t> ids;
  for (const auto& o : orders) ids.push_back(o.id);
  auto numbers = store().line_numbers(ids);
  EXPECT_EQ(numbers.size(), 250u);
  EXPECT_EQ(numbers.at(orders[7].id), (std::vector<int>{1, 2}));

  // The same part again: nothing new; ids of the new ones only.
  auto again = orders;
  for (auto& o : again) o.id = 0;
  again.push_back(receipt(store_a, 1000));
  db->write_sync([&](Stores& s) {
    auto& b = s.get<PosImportStore>();
    added = b.insert_orders(again);
    lines_added = b.insert_lines({line(orders[3].id, 1), line(orders[3].id, 3)});
  });
  EXPECT_EQ(added, 1);
  EXPECT_EQ(again[0].id, 0) << "on file: no id from the insert";
  EXPECT_GT(again.back().id, 0);
  EXPECT_EQ(lines_added, 1);
  auto stored = db->reader().get<PurchaseStore>().order(orders[3].id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->lines.size(), 3u);
  EXPECT_EQ(stored->lines[0].paid_fen, 26550);
  EXPECT_EQ(stored->lines[0].brand, "佰草集");
  EXPECT_EQ(stored->promotion, "满300减50");
}

INSTANTIATE_TEST_SUITE_P(Backends, PosImportStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
