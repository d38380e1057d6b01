// The POS import's throughput (docs/benchmarks.md, "POS import"): a synthetic export of
// 100,000 receipt lines (about three lines a receipt, two members in three, a return now and
// then, a 满减 on most receipts) read once (CSV → table), then imported through the use case
// in parts of 2,000 rows, one write transaction a part as the HTTP route runs it: the first
// import, then the same file again (everything on file). On SQLite (a file in /tmp), and on
// PostgreSQL when KEFU_TEST_PG names a server (scripts/pg.sh start).
//
//   pos_import_bench [lines]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "core/app/import_file.hpp"
#include "core/storage/open.hpp"
#include "core/storage/pg/database.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "purchases/app/pos_import.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace kefu;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

constexpr int kMembers = 2000;
constexpr int64_t kNow = 1795278600000LL;

std::string fen_text(int64_t fen) {
  return std::to_string(fen / 100) + "." + (fen % 100 < 10 ? "0" : "") + std::to_string(fen % 100);
}

std::string export_of(int lines) {
  std::mt19937_64 rng(15);
  const char* names[] = {"羊毛大衣", "针织开衫", "面霜",       "口红",     "运动鞋",
                         "金手链",   "童装套装", "床品四件套", "进口牛奶", "坚果礼盒"};
  const char* cats[] = {"女装", "女装", "化妆品", "化妆品", "鞋靴", "珠宝", "童装", "家纺", "食品", "食品"};
  std::string out =
      "小票号,门店,销售时间,会员,专柜,品牌,商品编码,品名,品类,数量,单价,满减,积分,支付方式,赠品,原小票,原行号\n";
  int written = 0, receipt = 0;
  while (written < lines) {
    ++receipt;
    const bool is_return = receipt > 10 && rng() % 50 == 0;  // one line back from 10 receipts before
    const int n = is_return ? 1 : 1 + static_cast<int>(rng() % 5);
    const auto member = rng() % 3 ? "M" + std::to_string(1 + rng() % kMembers) : std::string();
    const auto day = 1 + receipt % 28;
    const auto time = "2026-10-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + " 1" +
                      std::to_string(rng() % 10) + ":" + std::to_string(10 + rng() % 50);
    int64_t sum = 0;
    std::vector<std::string> rows;
    for (int i = 0; i < n && written < lines; ++i, ++written) {
      const auto k = rng() % 10;
      const int64_t price = 990 + static_cast<int64_t>(rng() % 200000);
      sum += price;
      std::string row = "R" + std::to_string(receipt) + ",SH01," + time + "," + member + ",一楼,品牌" +
                        std::to_string(k) + ",SKU" + std::to_string(rng() % 5000) + "," + names[k] + "," + cats[k] +
                        "," + (is_return ? "-1" : "1") + "," + fen_text(price) + ",";
      rows.push_back(row);
    }
    const int64_t discount = !is_return && sum >= 30000 ? (sum / 30000) * 5000 : 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      out += rows[i] + (i == 0 && discount ? fen_text(discount) : "") + "," +
             (i == 0 && !member.empty() && !is_return ? std::to_string((sum - discount) / 100) : "") + ",wechat,否,";
      out += is_return ? "R" + std::to_string(receipt - 10) + ",1\n" : ",\n";
    }
  }
  return out;
}

void run(const std::string& name, const std::string& url, const app::ImportTable& table) {
  auto db = storage::open_database(url, true);
  people::Actor sup;
  db->write_sync([&](storage::Stores& w) {
    const auto store = w.get<storage::OrgStore>().insert_store({.code = "SH01", .name = "上海店"});
    people::Staff s{0, "chen", "陈", people::Role::of("supervisor"), "", "", true, {store}, {}, "x"};
    s.id = w.get<storage::OrgStore>().insert_staff(s);
    sup = {.staff_id = s.id, .username = "chen", .role = s.role, .store_ids = {store}};
    for (int i = 1; i <= kMembers; ++i)
      w.get<storage::MemberStore>().insert_member(
          {.member_no = "M" + std::to_string(i), .name = "会员", .phone = "139" + std::to_string(10000000 + i)});
    app::Context c{w, sup, kNow};
    app::put_pos_mapping(c, {.source_name = "bench",
                             .columns = {{"receipt_no", "小票号"},
                                         {"store", "门店"},
                                         {"sold_at", "销售时间"},
                                         {"member", "会员"},
                                         {"counter", "专柜"},
                                         {"brand", "品牌"},
                                         {"sku", "商品编码"},
                                         {"name", "品名"},
                                         {"category", "品类"},
                                         {"quantity", "数量"},
                                         {"unit_price", "单价"},
                                         {"order_discount", "满减"},
                                         {"points_earned", "积分"},
                                         {"payment", "支付方式"},
                                         {"gift", "赠品"},
                                         {"original_receipt_no", "原小票"},
                                         {"original_line_no", "原行号"}},
                             .categories = {{"女装", "clothing"},
                                            {"化妆品", "cosmetics"},
                                            {"鞋靴", "shoes"},
                                            {"珠宝", "jewelry"},
                                            {"童装", "toys"},
                                            {"家纺", "home"},
                                            {"食品", "food_packaged"}}});
  });
  const auto rows = static_cast<int64_t>(table.rows.size());
  for (const char* pass : {"first import", "re-import"}) {
    app::PosImportReport total;
    const auto t = Clock::now();
    for (int64_t offset = 0; offset < rows; offset += 2000)
      db->write_sync([&](storage::Stores& w) {
        app::Context c{w, sup, kNow};
        auto r = app::import_purchases(c, "bench", table, offset, 2000);
        total.rows += r.rows;
        total.orders_added += r.orders_added;
        total.orders_on_file += r.orders_on_file;
        total.lines_added += r.lines_added;
        total.lines_on_file += r.lines_on_file;
        total.rejected.insert(total.rejected.end(), r.rejected.begin(), r.rejected.end());
      });
    const double s = seconds_since(t);
    std::printf("%-10s %-12s %7lld rows %6.2f s %8.0f lines/s  orders +%lld =%lld  lines +%lld =%lld  rejected %zu\n",
                name.c_str(), pass, static_cast<long long>(total.rows), s, static_cast<double>(total.rows) / s,
                static_cast<long long>(total.orders_added), static_cast<long long>(total.orders_on_file),
                static_cast<long long>(total.lines_added), static_cast<long long>(total.lines_on_file),
                total.rejected.size());
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int lines = argc > 1 ? std::atoi(argv[1]) : 100'000;
  const auto csv = export_of(lines);
  auto t = Clock::now();
  const auto table = app::read_import_table(csv);
  std::printf("read %zu rows (%.1f MB CSV) in %.2f s\n", table.rows.size(), static_cast<double>(csv.size()) / 1e6,
              seconds_since(t));
  const auto path = std::filesystem::temp_directory_path() / "kefu-pos-import-bench.db";
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  run("sqlite", "sqlite://" + path.string(), table);
  if (const char* pg = std::getenv("KEFU_TEST_PG"); pg && *pg)
    run("postgresql", storage::pg::schema_url(pg, "pos_import_bench_" + std::to_string(::time(nullptr)), true), table);
  return 0;
}
