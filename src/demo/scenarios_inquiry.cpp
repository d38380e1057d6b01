// Inquiry scenarios (咨询): hours, promotions, stock, parking, points, invoices...
#include "demo/texts.hpp"

namespace kefu::demo::detail {

void add_inquiry_scenarios(std::vector<Scenario>& out) {
  out.push_back({
      .type = "inquiry",
      .weight = 18,
      .priority = "P4",
      .category = "营业信息",
      .locations = {"1F 总服务台"},
      .subjects = {"询问{holiday}期间营业时间", "{holiday}假期是否调整营业时间", "咨询{holiday}开门时间"},
      .descriptions =
          {"{customer}询问{holiday}假期商场营业时间有没有调整，打算一开门就去{brand}"
           "专柜买礼物，顺便问了从地铁哪个出口出来最近。",
           "{customer}计划{holiday}带全家来逛街吃饭，想知道节日期间几点开门几点打烊，停车场是不是也同步开放。",
           "{customer}来问{holiday}当天超市和餐饮区是否正常营业，家里老人想早点来买菜，怕白跑一趟。"},
      .resolutions = {"{hello}，{holiday}期间商场营业时间为10:00至22:30，超市提前半小时开门，具体以公众号公告为准。",
                      "{hello}，节日期间各楼层正常营业，餐饮区延长至23:00，停车场同步开放，地铁2号口出站步行约3分钟。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 12,
      .priority = "P4",
      .category = "营业信息",
      .goods = {"服装"},
      .locations = {"1F 总服务台"},
      .subjects = {"咨询今晚闭店时间|今天营业到几点", "担心专柜提前收银|今晚营业到几点"},
      .descriptions = {"{customer}下班后想过来取改好的{product}，询问今天最晚几点闭店，服务台和专柜是不是同时下班。",
                       "{customer}来电说人还在路上，大概{time}到店，担心专柜提前收银，问今晚营业到几点。"},
      .resolutions = {"{hello}，今天营业至22:00，服务台与各专柜同时结束营业，建议您21:30前到店办理。",
                      "{hello}，已帮您联系专柜，柜员会等您到店再结账，请注意路上安全。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 30,
      .priority = "P4",
      .category = "促销活动",
      .goods = {"服装", "鞋包", "化妆品", "运动户外", "儿童用品"},
      .task_department = "floor",
      .task_percent = 25,
      .subjects = {"询问{brand}是否参加{promo}|{promo}活动规则咨询", "咨询活动能否跨专柜累计|{promo}能否跨柜累计",
                   "{promo}截止时间咨询|已消费能否补参加{promo}"},
      .descriptions =
          {"{customer}看到商场{promo}的海报，想知道{brand}专柜的{product}参不参加，活动券能不能和会员折扣一起用。",
           "{customer}在{brand}看中一件标价¥{price}的{product}，询问{promo}能否跨专柜累计金额，小票需不需要合并。",
           "{customer}问{promo}截止到哪天，上周已经买过的东西能不能拿小票来补参加活动。"},
      .tasks = {"请楼层管理部确认{brand}专柜是否参加{promo}，并说明参与的商品范围。"},
      .feedback = {"楼层管理部反馈：{brand}专柜参加{promo}，新品和特价商品除外。"},
      .resolutions = {"{hello}，{brand}专柜参加本次{promo}，活动券可与会员折扣同享，黄金和烟酒类商品除外。",
                      "{hello}，本次活动支持跨专柜累计，请保留各专柜小票，到1F总服务台统一兑换。",
                      "{hello}，活动截至本周日22:00，已消费的小票不能补登，下期活动我们会提前短信通知您。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 32,
      .priority = "P4",
      .goods = {"服装", "鞋包", "化妆品", "运动户外", "儿童用品", "家电"},
      .task_department = "brand_counter",
      .task_percent = 35,
      .subjects = {"咨询{brand}{product}是否有货", "查询{colour}{product}库存", "{product} {spec}有没有现货"},
      .descriptions =
          {"{customer}在小程序上看到{brand}的{colour}{product}（{sku}），想确认店里有没有{spec}"
           "的现货，有的话希望先留两天。",
           "{customer}来电询问{brand}{product}有没有{colour}，{spec}的是否还有，如果没有能不能从别的门店调货。",
           "{customer}上周在{location}试过一款{product}，当时{spec}断码，问现在有没有补货。"},
      .tasks = {"请{brand}专柜核实{colour}{product}（{spec}）的库存，无货时确认能否调货及到货时间。"},
      .feedback = {"{brand}专柜反馈：店内还有{spec}现货一件，已贴条保留。",
                   "{brand}专柜反馈：本店断码，可从其他门店调货，约3个工作日到。"},
      .resolutions = {"{hello}，已向{brand}专柜确认{colour}{spec}有现货，已为您保留至后天闭店，到柜台报手机号即可。",
                      "{hello}，本店{spec}暂时缺货，专柜可从其他门店调货，约3个工作日到店，到货后短信通知您。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 14,
      .priority = "P4",
      .goods = {"服装", "鞋包", "化妆品", "黄金珠宝", "儿童用品", "运动户外", "家电"},
      .locations = {"1F 总服务台", "1F 导购台"},
      .subjects = {"询问{brand}专柜位置", "{brand}在几楼", "找{brand}专柜"},
      .descriptions = {"{customer}第一次来店，想找{brand}专柜，询问在几楼，附近有没有直梯，推着婴儿车不方便坐扶梯。",
                       "{customer}说朋友推荐了{brand}的{product}，在商场转了一圈没找到专柜，问是不是已经撤柜了。"},
      .resolutions = {"{hello}，{brand}专柜在{goods_location}，从中庭乘直梯上楼后右转即是，推车可走东侧无障碍通道。",
                      "{hello}，{brand}没有撤柜，只是调整到了{goods_location}，已在导览图上为您标出位置。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 26,
      .priority = "P4",
      .category = "停车",
      .locations = {"B2 停车场 {zone}", "B1 停车场 缴费处", "1F 总服务台"},
      .subjects = {"咨询停车收费与减免规则|询问会员停车优惠", "小票如何抵扣停车费|消费满多少免停车费"},
      .descriptions =
          {"{customer}询问停车每小时怎么收费，消费满多少可以减免，{tier_cn}会员是不是还有额外免费时长。",
           "{customer}车牌{plate}，今天在商场消费了¥{price}，想知道小票怎么抵扣停车费，是到出口缴费还是扫码。"},
      .resolutions =
          {"{hello}，停车首小时免费，之后每小时5元；当日消费满200元减免2小时，金卡及以上会员每天另享2小时免费。",
           "{hello}，请在小程序“停车缴费”里输入车牌{plate}并上传小票，系统会自动抵扣，出口无需排队缴费。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 8,
      .priority = "P4",
      .category = "停车",
      .locations = {"B1 停车场 缴费处", "1F 总服务台"},
      .subjects = {"停车费电子发票怎么开", "停车发票开具咨询"},
      .descriptions = {"{customer}停车费需要回公司报销，询问电子发票在哪里开，上周{plate}的停车记录能不能一起补开。",
                       "{customer}称缴费后小程序里找不到开票入口，车牌{plate}，想在离场前把发票开好。"},
      .resolutions = {"{hello}，停车发票可在缴费后30天内通过小程序“我的-停车记录”开具，已为您发送操作截图。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 22,
      .priority = "P4",
      .category = "会员积分",
      .task_department = "member_center",
      .task_percent = 20,
      .needs_member = true,
      .locations = {"1F 会员中心", "1F 总服务台"},
      .subjects = {"积分到期时间及兑换咨询", "询问积分能兑换什么", "会员积分查询"},
      .descriptions = {"会员{member_no}询问卡里的{points}积分什么时候到期，能不能换停车券或者超市购物卡。",
                       "{customer}（会员号{member_no}）想用积分换礼品，问积分商城在哪里看，礼品要不要到店自提。"},
      .tasks = {"请会员中心核查会员{member_no}的积分有效期，并确认可兑换的礼品库存。"},
      .feedback = {"会员中心反馈：该会员{points}积分将于年底到期，礼品库存充足。"},
      .resolutions =
          {"{hello}，您的{points}积分将于今年12月31日到期，可在会员中心兑换停车券或礼品，100积分可换1小时停车。",
           "{hello}，积分商城在小程序“会员-积分兑换”中，礼品可选择到1F会员中心自提。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 10,
      .priority = "P4",
      .category = "会员积分",
      .needs_member = true,
      .locations = {"1F 会员中心", "1F 总服务台"},
      .subjects = {"咨询生日月会员权益|生日礼怎么领取", "生日券使用范围咨询|生日券能在哪里用"},
      .descriptions = {"{customer}下个月过生日，问生日当月消费是不是有双倍积分，生日礼需不需要本人到会员中心领取。",
                       "会员{member_no}收到生日祝福短信，想知道短信里的生日券能在哪些专柜使用，有效期多久。"},
      .resolutions = {"{hello}，生日当月消费享双倍积分，生日礼凭会员码到1F会员中心领取，家人可代领。",
                      "{hello}，生日券除黄金珠宝外全场通用，生日当月内有效，结账时出示会员码即可。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 14,
      .priority = "P4",
      .category = "收银",
      .goods = {"服装", "鞋包", "化妆品", "家电", "运动户外"},
      .purchase_min_days = 0,
      .purchase_max_days = 20,
      .locations = {"1F 总服务台", "1F 开票窗口"},
      .subjects = {"购物发票开具咨询|询问能否开单位抬头发票", "小票遗失能否补开发票|补开{when}的购物发票"},
      .descriptions =
          {"{customer}{when}在{brand}买了{product}，实付¥{price}，小票号{pos}，需要开单位抬头的普通发票，问在哪里办。",
           "{customer}来电说{when}的购物小票找不到了，能不能凭支付记录补开发票，需要带哪些材料。"},
      .resolutions = {"{hello}，请携带小票到1F开票窗口，提供单位名称和税号即可当场开具电子发票。",
                      "{hello}，已凭支付记录查到交易{pos}，可为您补开发票，请在购物后30天内办理。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 12,
      .priority = "P4",
      .goods = {"家电"},
      .task_department = "brand_counter",
      .task_percent = 30,
      .purchase_min_days = 30,
      .purchase_max_days = 300,
      .subjects = {"{brand}{product}保修政策咨询", "{product}还在保修期吗", "咨询{product}上门维修"},
      .descriptions =
          {"{customer}{when}在本店买的{brand}{product}（{spec}）最近有异响，问还在不在保修期，需不需要把机器搬来店里。",
           "{customer}询问{days}天前买的{product}如果坏了，是商场负责售后还是厂家负责，保修卡丢了有没有影响。"},
      .tasks = {"请{brand}专柜联系厂家售后，确认{product}（{spec}）的保修范围并预约上门检测。"},
      .feedback = {"{brand}专柜反馈：机器在一年保修期内，厂家可上门检测，已登记顾客地址。"},
      .resolutions = {"{hello}，{brand}{product}整机保修一年，凭小票{pos}即可享受，厂家可上门检测，已为您预约。",
                      "{hello}，保修由厂家负责、商场全程协助，保修卡丢失可用购物小票代替，{brand}售后会联系您。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 10,
      .priority = "P4",
      .goods = {"服装"},
      .products = {"牛仔裤", "休闲裤", "西装外套", "连衣裙", "半身裙"},
      .purchase_min_days = 0,
      .purchase_max_days = 10,
      .subjects = {"询问{product}修改服务", "{product}能否免费改尺寸"},
      .descriptions = {"{customer}在{brand}买了{product}（{spec}），长度偏长，问商场有没有免费修改服务，改好要几天。",
                       "{customer}{when}买的{product}腰身偏大，想在专柜改一下，问费用怎么算，能不能邮寄到家。"},
      .resolutions = {"{hello}，服装类商品提供免费基础修改，约2天可取，请凭小票到{location}办理。",
                      "{hello}，{brand}专柜可提供修改，基础修改免费，改好后可免费快递到家，已为您登记。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 10,
      .priority = "P4",
      .category = "购物卡",
      .locations = {"1F 总服务台"},
      .subjects = {"购物卡余额查询|购物卡有效期咨询", "询问购物卡使用范围|购物卡能否叠加{promo}"},
      .descriptions = {"{customer}拿着一张单位发的购物卡，卡号尾号{tail}，想查余额和有效期，问能不能在超市和餐饮区用。",
                       "{customer}问面值¥{card_value}的购物卡能否在{brand}专柜使用，能不能和{promo}活动叠加。"},
      .resolutions = {"{hello}，经查询该卡余额为¥{card_value}，有效期三年，除黄金及部分餐饮外全场通用。",
                      "{hello}，购物卡可在{brand}专柜使用，但购物卡支付部分不参加{promo}，请您知悉。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 12,
      .priority = "P4",
      .category = "环境设施",
      .locations = {"1F 总服务台"},
      .subjects = {"询问母婴室位置", "母婴室在哪里"},
      .descriptions = {"{customer}带着{child_age}的宝宝逛街，问商场母婴室在几楼，里面有没有温奶器和尿布台。",
                       "{customer}想给宝宝换尿布，在{floor}没找到母婴室，来服务台询问最近的位置。"},
      .resolutions = {"{hello}，母婴室位于5F儿童区东侧，配有温奶器、尿布台和哺乳椅，营业时间内全天开放。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 8,
      .priority = "P4",
      .category = "环境设施",
      .care = "elderly",
      .locations = {"1F 总服务台"},
      .subjects = {"咨询无障碍通道和卫生间|轮椅能否到达各楼层", "无障碍车位及入口咨询"},
      .descriptions = {"{customer}陪家中{age}岁的老人来店，问商场有没有无障碍通道和无障碍卫生间，轮椅能不能到每层楼。",
                       "{customer}来电说下周要带坐轮椅的父亲来买衣服，想提前问好从哪个门进、停车场有没有无障碍车位。"},
      .resolutions = {"{hello}，东门设有无障碍坡道，各楼层都有无障碍卫生间，直梯可从B2直达6F，服务台可免费借用轮椅。",
                      "{hello}，B2停车场电梯厅旁有4个无障碍车位，到店后可联系服务台，我们安排人员协助。"},
  });
  out.push_back({
      .type = "inquiry",
      .weight = 6,
      .priority = "P4",
      .category = "环境设施",
      .locations = {"1F 总服务台"},
      .subjects = {"免费WiFi连接不上", "询问商场WiFi"},
      .descriptions = {"{customer}问商场免费WiFi叫什么名字，连上以后一直收不到验证码短信，手机流量快用完了。",
                       "{customer}在{floor}连不上商场WiFi，想用手机扫码付停车费，来服务台求助。"},
      .resolutions = {"{hello}，免费WiFi名称为Free-WiFi，收不到验证码时可扫描服务台二维码直接连接。"},
  });
}

}  // namespace kefu::demo::detail
