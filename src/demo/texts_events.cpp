// Phrases of a ticket's timeline: first replies, internal notes, generic
// collaboration tasks and answers, callbacks, hand-over reasons, claims and
// channel prefixes of descriptions.
#include "demo/texts.hpp"

namespace kefu::demo::detail {

const Texts& acknowledgements(std::string_view type) {
  static const Texts kComplaint = {
      "{hello}，非常抱歉给您带来不愉快的体验，您反映的情况已登记，我们会在{promise}内核实并答复您。",
      "{hello}，感谢您告诉我们，这件事由我全程负责跟进，核实清楚后{promise}内给您回复。",
      "{hello}，您的心情我们完全理解，已第一时间联系相关部门核实，请保持电话畅通。"};
  static const Texts kReturn = {"{hello}，您的退换货申请已受理，我们正在核对购买记录和商品情况，请稍候。",
                                "{hello}，已收到您的申请，我会协调专柜尽快为您处理，{promise}内给您明确答复。"};
  static const Texts kLost = {"{hello}，已为您登记遗失信息，我们马上联系各岗位协助查找，有消息第一时间通知您。",
                              "{hello}，请别着急，信息已登记，正在安排人员查找。"};
  static const Texts kSuggestion = {"{hello}，感谢您的宝贵建议，我们已记录并转交相关部门评估。",
                                    "{hello}，谢谢您提出的建议，评估后会把结果告诉您。"};
  static const Texts kOther = {"{hello}，已收到您的需求，正在为您处理，请稍候。", "{hello}，收到，马上为您安排。"};
  if (type == "complaint") return kComplaint;
  if (type == "return") return kReturn;
  if (type == "lost_found") return kLost;
  if (type == "suggestion") return kSuggestion;
  return kOther;
}

const Texts& fact_finding_notes() {
  static const Texts k = {"已调取POS记录，购买信息与顾客描述一致。",
                          "已电话联系楼层值班主管了解现场情况。",
                          "顾客情绪较激动，已安排在服务台休息区等候并提供温水。",
                          "已拍照留存商品现状及小票，照片上传附件。",
                          "经查该顾客近三个月无同类投诉记录。",
                          "已与当事柜组长沟通，对方对情况说明有出入，需进一步核实。",
                          "已向顾客说明处理流程和预计时间，顾客表示可以等待。"};
  return k;
}

const Texts& generic_tasks(std::string_view department) {
  static const Texts kBrand = {"请{brand}专柜在{due}对顾客的{product}进行检测，并出具书面处理意见。"};
  static const Texts kFloor = {"请楼层管理部核实{location}的现场情况并约谈相关人员，{due}反馈。"};
  static const Texts kSecurity = {"请保安部调取{location}{time}前后的监控录像，{due}反馈结果。"};
  static const Texts kParking = {"请停车场核实车牌{plate}的进出场及缴费记录，{due}反馈。"};
  static const Texts kProperty = {"请物业管理部派工程人员检查{location}相关设施，排除隐患后{due}反馈。"};
  static const Texts kCashier = {"请收银部核对当班收银记录及操作情况，{due}反馈。"};
  static const Texts kMember = {"请会员中心核查会员账户和积分流水，{due}反馈。"};
  static const Texts kDesk = {"请总服务台协助跟进，{due}反馈。"};
  if (department == "brand_counter") return kBrand;
  if (department == "floor") return kFloor;
  if (department == "security") return kSecurity;
  if (department == "parking") return kParking;
  if (department == "property") return kProperty;
  if (department == "cashier") return kCashier;
  if (department == "member_center") return kMember;
  return kDesk;
}

const Texts& generic_feedback(std::string_view department) {
  static const Texts kBrand = {"{brand}专柜反馈：已与厂家确认，同意按顾客诉求处理。",
                               "{brand}专柜反馈：经检测确认属质量问题，同意退换。"};
  static const Texts kFloor = {"楼层管理部反馈：已现场核实并约谈相关人员，整改措施已落实。",
                               "楼层管理部反馈：情况属实，已责令专柜整改并纳入月度考核。"};
  static const Texts kSecurity = {"保安部反馈：监控已调取，情况与顾客描述基本一致。",
                                  "保安部反馈：已核实当班人员情况，已进行批评教育。"};
  static const Texts kParking = {"停车场反馈：已核对系统记录，情况已处理。",
                                 "停车场反馈：已增派高峰期疏导人员，设备已检修。"};
  static const Texts kProperty = {"物业管理部反馈：已完成检修，并加强日常巡检。",
                                  "物业管理部反馈：工程人员已到场处理完毕，排查无其他隐患。"};
  static const Texts kCashier = {"收银部反馈：已核对流水并约谈当班收银员，确认处理意见。"};
  static const Texts kMember = {"会员中心反馈：已核查账户并完成处理。"};
  static const Texts kDesk = {"总服务台反馈：已协助处理完毕。"};
  if (department == "brand_counter") return kBrand;
  if (department == "floor") return kFloor;
  if (department == "security") return kSecurity;
  if (department == "parking") return kParking;
  if (department == "property") return kProperty;
  if (department == "cashier") return kCashier;
  if (department == "member_center") return kMember;
  return kDesk;
}

const Texts& generic_waits() {
  static const Texts k = {"{hello}，为了尽快处理，请您方便时携带购物小票和商品到1F总服务台，我们当面为您办理。",
                          "{hello}，我们提供了两种方案：更换新品或办理退款，请您考虑后回复我们。",
                          "{hello}，麻烦您提供一下商品问题部位的照片，方便专柜判断处理方案。",
                          "{hello}，刚才给您打电话没有接通，方便时请回电{hotline}，谢谢。"};
  return k;
}

const Texts& customer_returns_notes() {
  // Paired by index with generic_waits().
  static const Texts k = {"顾客已携带商品和小票到服务台。", "顾客已回电，选定了处理方案。", "顾客已通过微信发来照片。",
                          "顾客已回电，表示同意处理方案。"};
  return k;
}

const Texts& callback_notes() {
  static const Texts k = {"电话回访：顾客对处理结果表示满意，评价5分。",
                          "电话回访：顾客认可处理结果，感谢商场的及时处理。", "电话回访：顾客表示基本满意，评价4分。",
                          "短信回访：顾客回复满意。", "电话回访两次未接通，已发送回访短信。"};
  return k;
}

const Texts& reopen_notes() {
  static const Texts k = {"回访时顾客表示问题并未彻底解决，工单重新打开继续跟进。",
                          "顾客再次来电，称承诺的补偿尚未收到，重新打开工单。",
                          "顾客对处理结果不满意，要求主管再次核实，工单重开。"};
  return k;
}

const Texts& handover_reasons(bool escalation) {
  static const Texts kEscalation = {"涉及金额超出一线授权额度，转值班主管处理", "顾客要求主管出面处理",
                                    "事件影响较大，升级处理", "需要跨部门协调，由主管统一跟进"};
  static const Texts kShift = {"交接班，后续由接班同事跟进", "本人休假，工单移交同组同事", "按排班调整移交"};
  return escalation ? kEscalation : kShift;
}

const Texts& claim_sentences() {
  static const Texts k = {"顾客要求退款并赔偿¥{claim}。", "顾客要求给予合理补偿，否则将向12315投诉。",
                          "顾客要求商场承担来回交通费和误工费共¥{claim}。", "顾客要求按规定给予赔偿。",
                          "顾客要求更换新品并给予补偿。"};
  return k;
}

const Texts& channel_prefixes(std::string_view channel) {
  static const Texts kHotline = {"来电反映：", "热线来电，"};
  static const Texts kApp = {"小程序留言：", "APP在线反馈："};
  static const Texts kSocial = {"点评平台评论：", "微博留言：", "公众号后台留言："};
  static const Texts kBox = {"意见箱留言卡："};
  static const Texts kBot = {"智能客服转人工：", "机器人未能解答，转人工："};
  static const Texts kEmail = {"邮件反馈："};
  static const Texts kNone = {};
  if (channel == "hotline") return kHotline;
  if (channel == "app") return kApp;
  if (channel == "social_media") return kSocial;
  if (channel == "comment_box") return kBox;
  if (channel == "bot_handoff") return kBot;
  if (channel == "email") return kEmail;
  return kNone;
}

const Texts& closing_notes() {
  static const Texts k = {"已办结，归档。", "顾客无其他诉求，关闭工单。", "超过三天无新诉求，关闭工单。"};
  return k;
}

const Texts& slow_department_chasers() {
  static const Texts k = {"已电话催办物业管理部，对方称新换的维保单位人手不足，工程师明天才能到场。",
                          "物业管理部回复：维保单位更换后配件需重新报采购，预计还要一两天，已再次催办。",
                          "再次催办物业管理部，值班工程师说新维保单位还在熟悉设备，会尽快安排。"};
  return k;
}

const Texts& supplier_tasks() {
  static const Texts k = {"请专柜将商品寄回厂家做质量检测，跟进检测报告并反馈结论。",
                          "请专柜联系厂家确认维修配件到货时间，到货后第一时间反馈。"};
  return k;
}

const Texts& supplier_notes() {
  static const Texts k = {"专柜反馈：商品已寄回厂家检测，厂家称检测报告需7个工作日出具。",
                          "专柜反馈：厂家配件缺货，已加急调货，预计下周到店。"};
  return k;
}

}  // namespace kefu::demo::detail
