#include "core/text/retail_terms.hpp"

namespace kefu::text {
namespace {

// Grouped by topic. Only Chinese characters: mixed words such as T恤 are not
// dictionary words because Latin letters form their own tokens.
// clang-format off
constexpr std::string_view kTerms[] = {
    // Returns, exchanges, refunds
    "退货", "换货", "退换货", "退款", "退钱", "退卡", "退差价", "补差价", "差价", "七天无理由", "无理由退货",
    "原路退回", "退货单", "退款申请", "拒收", "换新",
    // Sizes and fit
    "尺码", "尺寸", "码数", "偏大", "偏小", "大码", "小码", "换码", "试穿", "试衣间",
    // Quality problems
    "质量问题", "色差", "开线", "脱线", "起球", "掉色", "褪色", "缩水", "破损", "划痕", "污渍", "瑕疵", "次品",
    "残次品", "异味", "异物", "假货", "正品", "过期", "变质", "霉变", "保质期", "生产日期", "临期", "食品安全",
    "漏电", "故障",
    // Receipts and invoices
    "小票", "购物小票", "发票", "电子发票", "增值税发票", "开发票", "收据",
    // Membership and payment instruments
    "会员", "会员卡", "会员日", "积分", "积分兑换", "储值卡", "购物卡", "礼品卡", "预付卡", "优惠券", "代金券",
    "满减", "满赠", "赠品", "折扣", "打折", "促销", "特价", "原价", "以旧换新",
    // Prices
    "价签", "标价", "明码标价", "价格欺诈", "多收钱", "多扣款", "重复扣款", "找零", "扫码", "刷卡", "支付宝",
    "微信支付", "银行卡",
    // Store, staff and counters
    "专柜", "柜台", "导购", "店员", "营业员", "店长", "值班经理", "收银台", "收银员", "服务台", "总服务台", "客服",
    "客服中心", "保安", "保洁", "营业时间",
    // Facilities
    "停车", "停车场", "停车费", "停车券", "免费停车", "车位", "电梯", "扶梯", "直梯", "洗手间", "卫生间", "母婴室",
    "寄存柜", "储物柜", "充电宝", "空调", "出入口",
    // Lost property and loans
    "失物招领", "遗失", "丢失", "捡到", "雨伞", "轮椅", "婴儿车", "手推车", "购物车",
    // Complaints and compensation
    "投诉", "建议", "表扬", "服务态度", "态度恶劣", "赔偿", "补偿", "赔付", "退一赔三", "假一赔十", "消费者协会",
    "消协", "维权", "差评", "好评", "中评",
    // Packaging
    "包装", "礼品包装", "包装袋", "购物袋", "塑料袋", "拆封", "未拆封", "吊牌",
    // After-sales and delivery
    "售后", "售后服务", "维修", "保修", "保修卡", "保修期", "三包", "安装", "上门安装", "配送", "送货", "送货上门",
    "快递", "物流", "签收", "预售", "预订", "定金", "订金", "尾款", "缺货", "调货",
    // Common complaints that would otherwise be cut across a word (收|到货)
    "收到货", "没收到", "未收到", "到账", "没到账", "发错", "漏发", "少发", "补发", "运费", "包邮",
};
// clang-format on

}  // namespace

std::span<const std::string_view> retail_terms() { return kTerms; }

}  // namespace kefu::text
