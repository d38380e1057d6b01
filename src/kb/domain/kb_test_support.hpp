#pragma once
// Test helpers of the FAQ matcher (not part of the library).
#include <filesystem>
#include <memory>

#include "kb/domain/matcher.hpp"

namespace kefu::kb::testing {

// The segmenter over jieba's dictionary when installed (as in production), else the
// built-in retail terms; OpenCC's t2s (installed by scripts/deps.sh).
inline const TextTools& tools() {
  static const TextTools instance{
      std::filesystem::exists(KEFU_JIEBA_DICT) ? text::Segmenter::load(KEFU_JIEBA_DICT) : text::Segmenter::builtin(),
      T2s::load()};
  return instance;
}

// A small department-store KB written for these tests.
inline KbSnapshot small_kb() {
  KbSnapshot kb;
  kb.docs = {
      {1, "商场几点开门几点关门", {"营业时间是几点到几点", "你们晚上几点下班", "早上几点可以进商场"}, {"营业时间"}},
      {2, "停车怎么收费", {"停车费多少钱一小时", "地下车库怎么收费", "停车第一个小时免费吗"}, {"停车费"}},
      {3, "积分可以兑换停车券吗", {"会员积分能抵停车费吗", "怎么用积分换停车券", "积分换停车"}, {"积分"}},
      {4, "买的衣服不合适可以退货吗", {"衣服买回去不想要了能退吗", "七天无理由退货吗", "没穿过的衣服可以退吗"}, {}},
      {5, "鞋子尺码不合适能换吗", {"鞋码买小了可以换大一码吗", "鞋子偏大能调换吗", "换鞋子的尺码要带什么"}, {}},
      {6, "发票怎么开", {"购物之后怎么开发票", "电子发票在哪里申请", "可以开公司抬头的发票吗"}, {"发票"}},
      {7, "东西丢了去哪里找", {"在商场丢了手机怎么办", "捡到的东西交到哪里", "失物招领在几楼"}, {"失物招领"}},
      {8, "会员卡怎么办理", {"怎么注册会员", "办会员卡要钱吗", "成为会员有什么好处"}, {"会员卡"}},
      {9, "可以借雨伞吗", {"下雨了有没有伞借", "服务台能借伞吗", "借伞要押金吗"}, {}},
      {10, "有没有母婴室", {"哪里可以给宝宝喂奶", "母婴室在几楼", "有换尿布的地方吗"}, {"母婴室"}},
  };
  kb.synonyms = {{"停车券", "停车票", "停车劵"}, {"退货", "退款", "退钱"}, {"发票", "票据"}};
  return kb;
}

}  // namespace kefu::kb::testing
