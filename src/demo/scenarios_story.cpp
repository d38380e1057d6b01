// The story's rising topic (story.hpp): the car parks' new payment system. These
// scenarios have weight 0: only the rise in tickets.cpp picks them, in the last weeks.
#include "demo/texts.hpp"

namespace kefu::demo::detail {

void add_story_scenarios(std::vector<Scenario>& out) {
  out.push_back({
      .type = "complaint",
      .weight = 0,
      .priority = "P3",
      .claim_percent = 40,
      .category = "停车",
      .task_department = "parking",
      .task_percent = 100,
      .locations = {"B2 停车场 出口", "B1 停车场 缴费处", "B2 停车场 缴费机"},
      .subjects = {"停车缴费扫码失败|新缴费系统扫码付不了款", "缴费后道闸不抬杆|已付停车费出场仍显示未缴费",
                   "停车券在新缴费系统无法抵扣|出场按全价收停车费"},
      .descriptions =
          {"{customer}车牌{plate}，{time}"
           "在出口扫码缴停车费，页面一直提示支付失败，连试三次都不行，后面的车排起了长队。",
           "{customer}称已在小程序交了停车费，开到出口道闸却不抬杆，屏幕显示未缴费，等了十几分钟才有人来人工放行。",
           "{customer}反映会员停车券在停车场新的缴费系统里用不了，出场时被按全价收了停车费，要求退还差价。"},
      .tasks = {"请停车场在新缴费系统中核查车牌{plate}的缴费记录，处理异常并反馈。"},
      .feedback = {"停车场反馈：新缴费系统支付通道超时，已报系统厂商排查，本次费用已人工核销。",
                   "停车场反馈：新系统未同步到小程序的缴费记录，已人工补录放行并报厂商修复。",
                   "停车场反馈：新系统与会员停车券接口未打通，已按券面金额原路退还差价。"},
      .resolutions =
          {"{hello}，经核查是停车场新缴费系统的支付故障，已为您处理完毕，出口也增设了人工收费通道，给您添麻烦了。",
           "{hello}，您的缴费记录已补录，是新系统同步延迟造成的，厂商正在修复，非常抱歉耽误您的时间。",
           "{hello}，多收的停车费已原路退回，新系统抵扣停车券的问题厂商正在修复，修好前可在服务台人工抵扣。"},
      .rising = true,
  });
  out.push_back({
      .type = "inquiry",
      .weight = 0,
      .priority = "P4",
      .category = "停车",
      .locations = {"B2 停车场 缴费机", "B1 停车场 缴费处", "1F 总服务台"},
      .subjects = {"咨询新停车缴费系统怎么用|停车场换了缴费方式", "停车券怎么在新系统抵扣|会员停车优惠怎么用"},
      .descriptions = {"{customer}询问停车场换了新的缴费系统后怎么付费，以前在小程序里绑定的车牌好像失效了。",
                       "{customer}说会员停车券以前出场自动抵扣，换了新缴费系统后不知道该怎么用，想问清楚再去开车。"},
      .resolutions =
          {"{hello}，新缴费系统需要在小程序重新绑定车牌，我们已帮您绑定好，出场时会自动扣费。",
           "{hello}，新系统里停车券需要在缴费页面手动勾选抵扣，已为您演示操作，如有问题可到服务台人工抵扣。"},
      .rising = true,
  });
}

}  // namespace kefu::demo::detail
