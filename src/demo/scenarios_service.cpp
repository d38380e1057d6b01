// Service request scenarios (便民服务): umbrellas, wheelchairs, strollers,
// gift wrap, lost children, first aid, finding a car, deliveries.
#include "demo/texts.hpp"

namespace kefu::demo::detail {

void add_service_scenarios(std::vector<Scenario>& out) {
  out.push_back({
      .type = "service_request",
      .weight = 40,
      .priority = "P4",
      .category = "便民服务",
      .channel = "service_desk",
      .hold = true,
      .locations = {"1F 总服务台", "1F 东门服务点"},
      .subjects = {"借用雨伞{n}把", "雨天借伞登记", "申请借用雨伞"},
      .descriptions =
          {"外面突然下起大雨，{customer}到服务台借雨伞{n}把，登记了手机号，收取押金¥{deposit}，约定三天内归还。",
           "{customer}买完东西准备走时下雨了，车停在地面停车场，申请借伞，会员出示会员码免押金。"},
      .resolutions = {"雨伞已归还并检查完好，押金已原路退回，感谢您的爱护。", "{hello}，雨伞已收到，期待您再次光临。"},
      .waits = {"{hello}，雨伞已借出，可在三天内归还到任一服务台，雨天路滑请注意安全。"},
  });
  out.push_back({
      .type = "service_request",
      .weight = 18,
      .priority = "P4",
      .category = "便民服务",
      .care = "elderly",
      .hold = true,
      .locations = {"1F 总服务台", "1F 东门服务点", "B2 电梯厅"},
      .subjects = {"借用轮椅|为老人申请轮椅", "申请轮椅及陪同服务|借用轮椅"},
      .descriptions =
          {"{customer}陪{age}岁的母亲来买衣服，老人腿脚不便，申请借用轮椅一台，已登记身份证，按规定免押金。",
           "{customer}术后行动不便，来店取预订的{product}，需要一台轮椅，并希望有工作人员陪同到{goods_location}。"},
      .resolutions = {"轮椅已归还，检查完好，感谢您的配合，欢迎再次光临。"},
      .waits = {"{hello}，轮椅已为您准备好，用完请还到总服务台，途中如需帮忙可随时找楼层工作人员。"},
  });
  out.push_back({
      .type = "service_request",
      .weight = 14,
      .priority = "P4",
      .category = "便民服务",
      .hold = true,
      .locations = {"1F 总服务台", "5F 儿童区服务点"},
      .subjects = {"借用婴儿推车", "申请儿童推车"},
      .descriptions = {"{customer}带{child_age}的孩子来店，抱着逛街太累，申请借用婴儿推车一辆，押金¥{deposit}"
                       "，已告知仅限商场内使用。",
                       "{customer}一家带着两个孩子逛街，问服务台有没有儿童推车可借，凭会员码免押金借出一辆。"},
      .resolutions = {"推车已归还并完成消毒，感谢您的配合，欢迎下次再来。"},
      .waits = {"{hello}，推车已借出，请在离店前归还至任一服务台，使用扶梯时请勿推车乘坐。"},
  });
  out.push_back({
      .type = "service_request",
      .weight = 22,
      .priority = "P4",
      .category = "便民服务",
      .goods = {"服装", "化妆品", "黄金珠宝", "儿童用品"},
      .purchase_min_days = 0,
      .purchase_max_days = 0,
      .locations = {"1F 总服务台 礼品包装处"},
      .subjects = {"{product}礼品包装", "礼品包装及贺卡书写", "申请礼品包装"},
      .descriptions =
          {"{customer}在{brand}买了{product}，准备送朋友当生日礼物，请服务台帮忙包装，选了{colour}包装纸并附贺卡。",
           "{customer}一次买了{n}份{brand}{product}当公司伴手礼，希望统一包装系丝带，一个小时后来取。"},
      .resolutions = {"{hello}，礼品已包装好，请凭取件号到1F总服务台领取，祝您送礼愉快。",
                      "{hello}，{n}份礼品已统一包装完毕，丝带颜色按您的要求选用了{colour}。"},
  });
  out.push_back({
      .type = "service_request",
      .weight = 2,
      .priority = "P1",
      .category = "安全",
      .channel = "service_desk|floor_desk",
      .task_department = "security",
      .task_percent = 100,
      .locations = {"5F 儿童区", "1F 中庭", "B1 超市入口", "3F 女装区", "4F 影院入口"},
      .subjects = {"广播寻找走失儿童", "儿童走失紧急求助"},
      .descriptions = {"家长在{location}附近与{child_age}的孩子走散，孩子穿{colour}"
                       "外套，大约十分钟前最后看到，请求立即广播并通知各出入口。",
                       "{customer}非常焦急，说孩子在{location}玩的时候一转眼就不见了，孩子{child_age}，穿{colour}"
                       "上衣，请求马上帮忙寻找。"},
      .tasks = {"紧急：请保安部立即通知各出入口岗位留意，调取{location}附近监控，协助寻找走失儿童。"},
      .feedback = {"保安部反馈：孩子已在{floor}扶梯口附近找到，情绪稳定，由保安陪同送回服务台。"},
      .resolutions = {"孩子已平安交还家长，家长核对身份后签字确认，并向现场工作人员表示感谢。"},
  });
  out.push_back({
      .type = "service_request",
      .weight = 2,
      .priority = "P1",
      .category = "安全",
      .channel = "service_desk|floor_desk",
      .task_department = "security",
      .task_percent = 100,
      .locations = {"1F 中庭", "B1 超市 收银区", "3F 女装区", "5F 美食广场", "2F 鞋包区"},
      .subjects = {"顾客身体不适紧急求助", "老人摔倒需要协助"},
      .descriptions = {"{customer}在{location}突然头晕出冷汗，自述可能是低血糖，同行家属请求工作人员协助并找地方休息。",
                       "一位{age}岁老人在{location}附近摔倒，意识清醒但膝盖擦伤，家属请求协助，现场已有保安照看。"},
      .tasks = {"请保安部携带急救箱赶到{location}，视情况协助拨打120并维持现场秩序。"},
      .feedback = {"保安部反馈：已到场处理，顾客经休息和简单包扎后好转，无需送医。"},
      .resolutions = {"{hello}，很高兴顾客已无大碍，我们已留下家属的联系方式，后续如需协助请随时联系我们。"},
  });
  out.push_back({
      .type = "service_request",
      .weight = 14,
      .priority = "P4",
      .category = "停车",
      .task_department = "parking",
      .task_percent = 100,
      .locations = {"B2 停车场 {zone}", "B1 停车场 {zone}"},
      .subjects = {"协助寻找停放车辆", "忘记车辆停放位置", "找不到车了"},
      .descriptions =
          {"{customer}忘了车停在哪个区，车牌{plate}，在B1和B2找了二十多分钟都没找到，请停车场帮忙查找。",
           "{customer}带着老人和好几个购物袋，找不到自己的车，只记得停在柱子编号带字母的区域，车牌{plate}。"},
      .tasks = {"请停车场根据车牌识别记录查询{plate}的停放位置，并派人引导顾客取车。"},
      .feedback = {"停车场反馈：车辆停在{zone}，已派人引导顾客取车。"},
      .resolutions = {"{hello}，您的车停在{zone}，工作人员已陪同您取车，祝您一路平安。"},
  });
  out.push_back({
      .type = "service_request",
      .weight = 10,
      .priority = "P4",
      .goods = {"家电"},
      .task_department = "brand_counter",
      .task_percent = 100,
      .purchase_min_days = 0,
      .purchase_max_days = 3,
      .subjects = {"大件商品送货上门预约|预约{product}送货安装", "{product}能否送货到外区|更改送货地址"},
      .descriptions = {"{customer}{when}在{brand}买了{product}（{spec}），小票{pos}"
                       "，希望周末送货并安装，小区货车进不去，需要提前沟通。",
                       "{customer}买的{brand}{product}想改送到父母家，地址在郊区，问能不能送、要不要加运费。"},
      .tasks = {"请{brand}专柜联系厂家安排{product}送货安装，并提前一天与顾客确认时间和地址。"},
      .feedback = {"{brand}专柜反馈：已与厂家确认，本周六上午送货安装，不收取额外运费。"},
      .resolutions = {"{hello}，已为您预约本周六上午送货安装，师傅会提前一小时电话联系您。"},
  });
  out.push_back({
      .type = "service_request",
      .weight = 10,
      .priority = "P4",
      .category = "便民服务",
      .channel = "service_desk",
      .hold = true,
      .locations = {"1F 总服务台 寄存处"},
      .subjects = {"寄存购物袋", "临时寄存物品"},
      .descriptions = {"{customer}买的东西太多拎不动，想把{n}个购物袋先寄存在服务台，去{floor}吃完饭再来取。",
                       "{customer}要去看电影，带着刚买的{product}不方便，申请临时寄存，已发放寄存牌。"},
      .resolutions = {"顾客已凭寄存牌取回物品，当面核对无误。"},
      .waits = {"{hello}，物品已寄存，请凭寄存牌在今天闭店前领取。"},
  });
  out.push_back({
      .type = "service_request",
      .weight = 8,
      .priority = "P4",
      .category = "便民服务",
      .channel = "service_desk",
      .hold = true,
      .locations = {"1F 总服务台"},
      .subjects = {"借用充电宝", "手机没电求助"},
      .descriptions = {"{customer}手机只剩3%的电，没法扫码付停车费，申请借用充电宝，已登记手机号和车牌{plate}。",
                       "{customer}等家人时手机没电了，担心联系不上，申请借用充电宝，已登记身份证号后四位。"},
      .resolutions = {"充电宝已归还，顾客顺利缴费离场。"},
      .waits = {"{hello}，充电宝已借出，请在离店前归还至服务台。"},
  });
}

}  // namespace kefu::demo::detail
