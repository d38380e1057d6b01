#include "performance/domain/month.hpp"

#include <gtest/gtest.h>

#include "performance/domain/anonymise.hpp"

namespace kefu::performance {
namespace {

TEST(KpiMonth, ParsesAndSpansOnTheStoresClock) {
  EXPECT_EQ(parse_month("2026-11"), (Month{2026, 11}));
  for (const char* bad : {"2026-13", "2026-1", "26-11", "2026/11", "2026-00", "abcd-ef", ""})
    EXPECT_FALSE(parse_month(bad)) << bad;
  EXPECT_EQ(previous({2026, 1}), (Month{2025, 12}));
  EXPECT_EQ(month_text({2026, 3}), "2026-03");
  // Shanghai is UTC+8: November starts at 2026-10-31 16:00 UTC.
  auto s = month_span({2026, 11}, "Asia/Shanghai");
  EXPECT_EQ(s.from, 1793491200000LL - 8 * 3600'000LL);
  EXPECT_EQ(s.to - s.from, 30LL * 86400'000);
  EXPECT_EQ(month_of(s.from, "Asia/Shanghai"), (Month{2026, 11}));
  EXPECT_EQ(month_of(s.from - 1, "Asia/Shanghai"), (Month{2026, 10}));
  auto dec = month_span({2026, 12}, "Asia/Shanghai");
  EXPECT_EQ(dec.from, s.to);
}

TEST(CaseStory, TheCustomerIsTakenOut) {
  const KnownCustomer who{{"王丽"}, {"13800138000", "M000123"}};
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"王丽女士来电投诉", "顾客来电投诉"},
      {"顾客王丽的手机 13800138000", "顾客顾客的手机 [号码]"},
      {"会员号 M000123 积分未到账", "会员号 [号码] 积分未到账"},
      {"另一个号码 139 0000 1111 也打过", "另一个号码 [号码] 也打过"},
      {"邮箱 wl.test@example.com 已回复", "邮箱 [邮箱] 已回复"},
      {"订单金额 128 元，3 件", "订单金额 128 元，3 件"},  // short numbers stay
      {"工单 KF261122000123", "工单 KF[号码]"},
  };
  for (const auto& r : rows) EXPECT_EQ(anonymise(r.in, who), r.out) << r.in;
}

}  // namespace
}  // namespace kefu::performance
