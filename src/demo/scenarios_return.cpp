// Return and exchange scenarios (退换货).
#include "demo/texts.hpp"

namespace kefu::demo::detail {

void add_return_scenarios(std::vector<Scenario>& out) {
  out.push_back({
      .type = "return",
      .weight = 32,
      .priority = "P4",
      .goods = {"服装", "运动户外"},
      .purchase_min_days = 1,
      .purchase_max_days = 7,
      .subjects = {"七天无理由退货：{product}尺码不合适|{brand}{product}申请退货",
                   "{product}颜色不合适申请退款|{brand}{product}七天无理由退货"},
      .descriptions =
          {"{customer}{when}在{brand}买的{product}（{spec}，¥{price}），回家试穿偏大，吊牌未拆，小票{pos}"
           "齐全，申请七天无理由退货。",
           "{customer}说{when}买的{colour}{product}家人觉得颜色太老气，商品未穿着，吊牌和包装袋都在，希望退款。"},
      .resolutions = {"{hello}，已为您办理{product}退货，¥{price}将原路退回，预计1至7个工作日到账。",
                      "{hello}，退货已办结，款项¥{price}按原支付方式退回，欢迎您再来挑选。"},
  });
  out.push_back({
      .type = "return",
      .weight = 22,
      .priority = "P4",
      .goods = {"服装"},
      .task_department = "brand_counter",
      .task_percent = 60,
      .purchase_min_days = 1,
      .purchase_max_days = 15,
      .subjects = {"申请更换{product}尺码", "{brand}{product}换码", "{product}换大一码"},
      .descriptions = {"{customer}{when}买的{brand}{product}（{spec}）穿着偏紧，想换大一码，本店如果没有希望能调货。",
                       "{customer}给丈夫买的{product}{spec}小了，吊牌还在，想换成同款{colour}大一码。"},
      .tasks = {"请{brand}专柜确认{product}大一码的库存，本店无货时安排调货。"},
      .feedback = {"{brand}专柜反馈：本店有货，可直接为顾客更换。",
                   "{brand}专柜反馈：本店断码，已从其他门店调货，两天后到。"},
      .resolutions = {"{hello}，已为您更换大一码的{product}，小票已重新打印，谢谢。",
                      "{hello}，调货已到，已为您完成换码，给您多跑一趟真不好意思。"},
  });
  out.push_back({
      .type = "return",
      .weight = 12,
      .priority = "P4",
      .goods = {"鞋包"},
      .products = {"运动鞋", "短靴", "高跟鞋", "乐福鞋", "小白鞋", "雪地靴"},
      .task_department = "brand_counter",
      .task_percent = 50,
      .purchase_min_days = 1,
      .purchase_max_days = 15,
      .subjects = {"{product}码数不合适申请换货", "{brand}{product}换码"},
      .descriptions = {"{customer}{when}在{brand}买的{product}（{spec}）前掌挤脚，只在家里试穿过，想换大半码。",
                       "{customer}网上看的尺码表买了{spec}的{product}，到手偏大，希望换小一码，鞋盒和小票都在。"},
      .tasks = {"请{brand}专柜确认{product}相邻尺码的库存，并检查顾客退回的鞋子有无穿着痕迹。"},
      .feedback = {"{brand}专柜反馈：鞋子无穿着痕迹，相邻尺码有货，可直接更换。"},
      .resolutions = {"{hello}，已为您换好合适尺码的{product}，欢迎再来。"},
  });
  out.push_back({
      .type = "return",
      .weight = 18,
      .priority = "P3",
      .goods = {"家电"},
      .task_department = "brand_counter",
      .task_percent = 90,
      .purchase_min_days = 0,
      .purchase_max_days = 10,
      .subjects = {"{product}开箱有划痕申请换货|{brand}{product}到货破损",
                   "{product}使用几天就故障|{brand}{product}开不了机要求退货"},
      .descriptions =
          {"{customer}{when}收到送货上门的{brand}{product}（{spec}），拆箱发现外壳有明显划痕，边角也有磕碰，要求换新。",
           "{customer}称{product}买回去第三天就开不了机，指示灯一直闪，厂家客服让找商场，小票{pos}。"},
      .tasks = {"请{brand}专柜安排厂家售后检测{product}，出具检测结论并确认换货或退货方案。"},
      .feedback = {"{brand}专柜反馈：厂家检测确认为产品故障，同意退换。"},
      .resolutions = {"{hello}，已为您更换全新{product}，并由厂家上门安装调试，给您添麻烦了。",
                      "{hello}，已为您办理退货，¥{price}原路退回，预计3个工作日内到账。"},
  });
  out.push_back({
      .type = "return",
      .weight = 12,
      .priority = "P3",
      .goods = {"儿童用品"},
      .products = {"儿童安全座椅", "婴儿推车", "童装外套", "学步鞋"},
      .task_department = "brand_counter",
      .task_percent = 80,
      .purchase_min_days = 3,
      .purchase_max_days = 30,
      .subjects = {"{product}质量问题申请退货", "{brand}{product}申请退换"},
      .descriptions = {"{customer}{when}买的{brand}{product}，用了不到两周，卡扣就松了，担心孩子安全，要求退货。",
                       "{customer}反映{product}（{sku}）做工有问题，缝线处有线头和胶水味，孩子用着不放心。"},
      .tasks = {"请{brand}专柜对顾客退回的{product}进行质量鉴定，并反馈处理意见。"},
      .resolutions = {"{hello}，经鉴定属质量问题，已为您全额退款¥{price}，孩子的安全最重要，感谢您的反馈。"},
  });
  out.push_back({
      .type = "return",
      .weight = 9,
      .priority = "P4",
      .goods = {"化妆品"},
      .purchase_min_days = 2,
      .purchase_max_days = 10,
      .subjects = {"已拆封{product}申请退货", "{brand}{product}用了不喜欢要退"},
      .descriptions = {"{customer}{when}买的{brand}{product}（{spec}）已经拆封用了两次，觉得不适合自己的肤色，想退货。",
                       "{customer}称{product}味道太浓，用过一次就不想再用了，要求退款，小票{pos}。"},
      .resolutions = {"{hello}，按您的选择已为您换成同品牌同价位的其他产品，感谢您的理解。"},
      .waits = {"{hello}，已拆封的化妆品如无质量问题不能退货，我们可以协助您换购同价位其他商品，请您考虑后回复我们。"},
  });
  out.push_back({
      .type = "return",
      .weight = 9,
      .priority = "P4",
      .goods = {"食品"},
      .products = {"坚果礼盒", "月饼礼盒", "进口橄榄油", "全麦吐司", "低温酸奶"},
      .purchase_min_days = 0,
      .purchase_max_days = 2,
      .subjects = {"{product}临期申请退款|{brand}{product}未标注临期", "{product}包装漏气要求退货"},
      .descriptions =
          {"{customer}{when}买的{brand}{product}，回家才发现离保质期只剩两天，购买时货架上没有临期标识，要求退款。",
           "{customer}称{product}包装内袋漏气，未开封，小票{pos}，要求退货退款。"},
      .resolutions = {"{hello}，已为您办理退款¥{price}，并已通知超市检查同批次商品的标识，谢谢提醒。"},
  });
  out.push_back({
      .type = "return",
      .weight = 9,
      .priority = "P4",
      .goods = {"服装", "鞋包", "化妆品", "运动户外"},
      .channel = "app",
      .task_department = "brand_counter",
      .task_percent = 80,
      .purchase_min_days = 1,
      .purchase_max_days = 10,
      .subjects = {"小程序订单{order}申请退款|线上订单迟迟未发货", "订单显示签收但未收到货|小程序订单{order}未收到货"},
      .descriptions = {"{customer}在商场小程序下单买了{brand}{product}（订单号{order}，¥{price}"
                       "），一周了还没发货，申请取消订单退款。",
                       "{customer}称小程序订单{order}显示已签收，实际没有收到{product}，联系不上专柜，要求退款。"},
      .tasks = {"请{brand}专柜核查线上订单{order}的发货和物流状态，当天给出处理意见。"},
      .feedback = {"{brand}专柜反馈：仓库漏发，同意取消订单退款。",
                   "{brand}专柜反馈：快递误投到邻居，已追回并重新派送。"},
      .resolutions = {"{hello}，订单{order}已取消，¥{price}将原路退回，给您带来不便非常抱歉。",
                      "{hello}，{product}已由专柜重新派送，请留意快递电话，若仍有问题可随时联系我们。"},
  });
  out.push_back({
      .type = "return",
      .weight = 5,
      .priority = "P4",
      .goods = {"黄金珠宝"},
      .products = {"金手镯", "足金项链", "金转运珠", "铂金戒指"},
      .task_department = "brand_counter",
      .task_percent = 100,
      .purchase_min_days = 20,
      .purchase_max_days = 300,
      .subjects = {"{product}以旧换新", "{brand}{product}换款"},
      .descriptions = {"{customer}想把{when}在{brand}买的{product}换成新款，问旧金怎么折价、新款的工费能不能减免。"},
      .tasks = {"请{brand}专柜为顾客的{product}称重检测并报以旧换新价格。"},
      .feedback = {"{brand}专柜反馈：旧金按当日金价折算，会员可免新款工费。"},
      .resolutions = {"{hello}，已为您办理以旧换新，旧金按当日金价折算，新款工费已按会员权益减免。"},
  });
}

}  // namespace kefu::demo::detail
