// The storage contract for ticket search: what SQLite's FTS5 table (unicode61, each
// term a quoted phrase, terms AND-ed, newest first) finds, every backend finds.
#include <gtest/gtest.h>

#include <map>

#include "core/storage/contract_fixture.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

class SearchContract : public Contract {
 protected:
  // Inserts one ticket per document (in order, 10 s apart) and indexes it; returns
  // the ids by document.
  std::map<std::string, int64_t> index(const std::vector<std::string>& docs) {
    std::map<std::string, int64_t> ids;
    db->write_sync([&](Stores& r) {
      int64_t at = 1795278600000LL;
      for (const auto& doc : docs) {
        auto t = make_ticket(store_a, at += 10000, doc);
        ids[doc] = r.get<storage::TicketStore>().insert_ticket(t);
        r.get<storage::TicketStore>().index_ticket(t.id, doc);
      }
    });
    return ids;
  }

  std::vector<int64_t> find(std::vector<std::string> terms) {
    TicketFilter f;
    f.search_terms = std::move(terms);
    std::vector<int64_t> out;
    for (const auto& t : db->reader().get<storage::TicketStore>().tickets(f)) out.push_back(t.id);
    return out;
  }
};

using Ids = std::vector<int64_t>;

TEST_P(SearchContract, AsciiCaseDoesNotMatter) {
  auto id = index({"Refund 退款", "退款 申请"});
  EXPECT_EQ(find({"refund"}), Ids{id["Refund 退款"]});
  EXPECT_EQ(find({"REFUND"}), Ids{id["Refund 退款"]});
  EXPECT_EQ(find({"ReFuNd 退款"}), Ids{id["Refund 退款"]});
  EXPECT_EQ(find({"\"refund\""}), Ids{id["Refund 退款"]});  // quotes are separators
  EXPECT_TRUE(find({"refunds"}).empty());                   // whole words, no stemming
  EXPECT_TRUE(find({"refun"}).empty());                     // and no prefixes
}

TEST_P(SearchContract, HyphensAndDotsSplitWords) {
  auto id = index({"SKU-12345 尺码", "订单 299.00 元"});
  const int64_t sku = id["SKU-12345 尺码"], amount = id["订单 299.00 元"];
  EXPECT_EQ(find({"SKU-12345"}), Ids{sku});
  EXPECT_EQ(find({"sku 12345"}), Ids{sku});
  EXPECT_EQ(find({"12345"}), Ids{sku});
  EXPECT_EQ(find({"sku"}), Ids{sku});
  EXPECT_EQ(find({"12345 尺码"}), Ids{sku});  // a phrase across the hyphen's split
  EXPECT_TRUE(find({"12345-sku"}).empty());   // a phrase keeps its order
  EXPECT_TRUE(find({"1234"}).empty());
  EXPECT_EQ(find({"299"}), Ids{amount});
  EXPECT_EQ(find({"299.00"}), Ids{amount});
  EXPECT_EQ(find({"00"}), Ids{amount});
  EXPECT_TRUE(find({"299.0"}).empty());
  EXPECT_TRUE(find({"29900"}).empty());
}

TEST_P(SearchContract, ChineseWordsAreTheGivenTokens) {
  auto id = index({"停车 停车场 收费", "停车场 收费", "退货 尺码 不合适"});
  const int64_t both = id["停车 停车场 收费"], lot = id["停车场 收费"], ret = id["退货 尺码 不合适"];
  EXPECT_EQ(find({"停车"}), Ids{both});  // a token, not a substring of 停车场
  EXPECT_EQ(find({"停车场"}), (Ids{lot, both}));
  EXPECT_EQ(find({"收费"}), (Ids{lot, both}));
  EXPECT_EQ(find({"退货"}), Ids{ret});
  EXPECT_EQ(find({"尺码"}), Ids{ret});
  EXPECT_TRUE(find({"车场"}).empty());
  EXPECT_TRUE(find({"退"}).empty());
  EXPECT_EQ(find({"退货 尺码"}), Ids{ret});
  EXPECT_TRUE(find({"尺码 退货"}).empty());
}

TEST_P(SearchContract, ChineseNumeralZeroAndRepeatMarksStayInsideWords) {
  auto id = index({"二〇二六 年 人々", "二 六"});
  const int64_t year = id["二〇二六 年 人々"], digits = id["二 六"];
  EXPECT_EQ(find({"二〇二六"}), Ids{year});
  EXPECT_EQ(find({"人々"}), Ids{year});
  EXPECT_EQ(find({"二"}), Ids{digits}) << "〇 does not split 二〇二六 into 二 and 二六";
}

TEST_P(SearchContract, CjkPunctuationSeparatesTokens) {
  auto id = index({"退货，尺码。停车、收费", "「退款」：尺码！"});
  const int64_t a = id["退货，尺码。停车、收费"], b = id["「退款」：尺码！"];
  EXPECT_EQ(find({"退货"}), Ids{a});
  EXPECT_EQ(find({"停车"}), Ids{a});
  EXPECT_EQ(find({"退款"}), Ids{b});
  EXPECT_EQ(find({"尺码"}), (Ids{b, a}));
  EXPECT_EQ(find({"退货 尺码"}), Ids{a});  // adjacent words across the comma
  EXPECT_EQ(find({"退货，尺码"}), Ids{a});
  EXPECT_TRUE(find({"尺码，退货"}).empty());
  // A term without any word is an empty phrase: it matches nothing, even AND-ed.
  EXPECT_TRUE(find({"，"}).empty());
  EXPECT_TRUE(find({"退货", "，"}).empty());
  EXPECT_TRUE(find({"-"}).empty());
}

TEST_P(SearchContract, TermsAreAnded) {
  auto id = index({"退货 尺码", "退货 停车", "尺码 停车 sku"});
  EXPECT_EQ(find({"退货", "尺码"}), Ids{id["退货 尺码"]});
  EXPECT_EQ(find({"停车", "退货"}), Ids{id["退货 停车"]});
  EXPECT_EQ(find({"停车", "SKU", "尺码"}), Ids{id["尺码 停车 sku"]});
  EXPECT_EQ(find({"停车"}), (Ids{id["尺码 停车 sku"], id["退货 停车"]}));
  EXPECT_TRUE(find({"退货", "尺码", "停车"}).empty());
  EXPECT_EQ(find({"尺码", "尺码"}), (Ids{id["尺码 停车 sku"], id["退货 尺码"]}));
}

TEST_P(SearchContract, SearchResultsPageByKeysetNewestFirst) {
  std::vector<std::string> docs;
  for (int i = 0; i < 23; ++i)
    docs.push_back(i % 3 == 0 ? "退货 第" + std::to_string(i) : "退货 尺码 " + std::to_string(i));
  auto id = index(docs);
  Ids want;
  for (auto it = docs.rbegin(); it != docs.rend(); ++it)
    if (it->find("尺码") != std::string::npos) want.push_back(id[*it]);
  ASSERT_EQ(want.size(), 15u);

  for (const std::string sort : {"created_at", "updated_at"}) {
    TicketFilter f;
    f.search_terms = {"尺码", "退货"};
    f.sort = sort;
    f.limit = 4;
    Ids seen;
    for (int pages = 0; pages < 10; ++pages) {
      auto page = db->reader().get<storage::TicketStore>().tickets(f);
      for (const auto& t : page) seen.push_back(t.id);
      if (page.size() < 4u) break;
      f.after_id = page.back().id;
      f.after_key = std::to_string(sort == "created_at" ? page.back().created_at : page.back().updated_at);
    }
    EXPECT_EQ(seen, want) << sort;

    f.descending = false;  // oldest first
    f.after_id.reset();
    f.after_key.reset();
    f.limit = 100;
    seen.clear();
    for (const auto& t : db->reader().get<storage::TicketStore>().tickets(f)) seen.push_back(t.id);
    EXPECT_EQ(seen, Ids(want.rbegin(), want.rend())) << sort;
  }
}

TEST_P(SearchContract, SearchCombinesWithTheOtherFilters) {
  int64_t in_a = 0, in_b = 0;
  db->write_sync([&](Stores& r) {
    auto a = make_ticket(store_a, 1000), b = make_ticket(store_b, 2000);
    b.status = "closed";
    in_a = r.get<storage::TicketStore>().insert_ticket(a);
    in_b = r.get<storage::TicketStore>().insert_ticket(b);
    r.get<storage::TicketStore>().index_ticket(in_a, "退货 尺码");
    r.get<storage::TicketStore>().index_ticket(in_b, "退货 尺码");
  });
  TicketFilter f;
  f.search_terms = {"退货"};
  f.store_ids = {store_a};
  auto got = db->reader().get<storage::TicketStore>().tickets(f);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].id, in_a);
  f.store_ids = {};
  f.statuses = {"closed"};
  got = db->reader().get<storage::TicketStore>().tickets(f);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].id, in_b);
  // An unindexed ticket is never found.
  db->write_sync([&](Stores& r) {
    auto c = make_ticket(store_a, 3000, "退货");
    r.get<storage::TicketStore>().insert_ticket(c);
  });
  f.statuses = {};
  EXPECT_EQ(db->reader().get<storage::TicketStore>().tickets(f).size(), 2u);
}

// Tests of the Contract suite (core/storage/contract_fixture.hpp), instantiated in
// core/storage/contract_test.cpp.
TEST_P(Contract, SearchBySegmentedTokens) {
  int64_t parking = 0, sku = 0;
  db->write_sync([&](Stores& r) {
    auto a = make_ticket(store_a, 1000, "停车场收费");
    parking = r.get<storage::TicketStore>().insert_ticket(a);
    r.get<storage::TicketStore>().index_ticket(parking, "停车 停车场 收费");
    auto b = make_ticket(store_a, 2000, "SKU-12345 尺码");
    sku = r.get<storage::TicketStore>().insert_ticket(b);
    r.get<storage::TicketStore>().index_ticket(sku, "sku 12345 尺码");
  });
  TicketFilter f;
  f.search_terms = {"停车"};
  auto found = db->reader().get<storage::TicketStore>().tickets(f);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, parking);
  f.search_terms = {"sku 12345"};
  EXPECT_EQ(db->reader().get<storage::TicketStore>().tickets(f).at(0).id, sku);
  f.search_terms = {"尺码", "停车"};
  EXPECT_TRUE(db->reader().get<storage::TicketStore>().tickets(f).empty());
  f.search_terms = {"\"quoted\""};
  EXPECT_NO_THROW(db->reader().get<storage::TicketStore>().tickets(f));
  // Re-indexing replaces the document.
  db->write_sync([&](Stores& r) { r.get<storage::TicketStore>().index_ticket(sku, "退货"); });
  f.search_terms = {"尺码"};
  EXPECT_TRUE(db->reader().get<storage::TicketStore>().tickets(f).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
