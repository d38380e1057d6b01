#include "demo/feedback_texts.hpp"

#include <array>

namespace kefu::demo {
namespace {

constexpr std::array<FeedbackText, 103> kTexts{{
    // 商品质量
    {"quality", "negative", "买的毛衣洗了一次就起球了，质量太一般"},
    {"quality", "negative", "鞋底穿了两周就开胶，这个价位不应该"},
    {"quality", "negative", "超市买的酸奶回家打开发现已经胀包了"},
    {"quality", "negative", "新买的保温杯盖子拧不紧，一直漏水"},
    {"quality", "negative", "衬衫领口的线头很多，做工粗糙"},
    {"quality", "negative", "包装上写的是真皮，摸起来像人造革"},
    {"quality", "positive", "上次买的羽绒服穿了三年还和新的一样，信得过"},
    {"quality", "positive", "生鲜区的水果很新鲜，比别家好"},
    {"quality", "positive", "专柜的锅质量很好，用着顺手"},
    // 服务态度
    {"service_attitude", "negative", "三楼女装的店员一直在玩手机，问尺码都爱答不理"},
    {"service_attitude", "negative", "收银员态度很冲，找零直接扔在台面上"},
    {"service_attitude", "negative", "问保安电梯在哪，他指了一下就走了，很不耐烦"},
    {"service_attitude", "negative", "试了两件没买，导购脸色马上就变了"},
    {"service_attitude", "negative", "打电话到服务台，等了很久，接起来语气也不好"},
    {"service_attitude", "negative", "专柜小姐一直推销办卡，说了不需要还跟着"},
    {"service_attitude", "positive", "服务台的小姐姐帮我找到了丢的钱包，非常感谢"},
    {"service_attitude", "positive", "化妆品柜台的导购很专业，推荐的很适合我"},
    {"service_attitude", "positive", "保洁阿姨看我抱着孩子，主动帮我开门，很暖心"},
    {"service_attitude", "positive", "服务台帮老人借了轮椅，还送到了停车场"},
    // 环境卫生
    {"cleanliness", "negative", "二楼洗手间没有纸，地面还湿滑，味道很大"},
    {"cleanliness", "negative", "美食广场的桌子油乎乎的，没人擦"},
    {"cleanliness", "negative", "母婴室的垃圾桶满了也没人清理"},
    {"cleanliness", "negative", "扶梯扶手上很脏，孩子摸了一手黑"},
    {"cleanliness", "negative", "洗手间的洗手液空了好几天"},
    {"cleanliness", "negative", "地下一层有股霉味，通风太差"},
    {"cleanliness", "positive", "洗手间很干净，还有香味，点赞"},
    {"cleanliness", "positive", "商场整体很整洁，逛着舒服"},
    {"cleanliness", "positive", "母婴室设施齐全又干净，带娃很方便"},
    // 价格
    {"price", "negative", "同一款鞋网上便宜了两百多，实体店价格太高"},
    {"price", "negative", "标签价格和结账价格对不上，多收了钱"},
    {"price", "negative", "美食广场一碗面要四十多，有点贵"},
    {"price", "negative", "打折后的价格还是比隔壁商场贵"},
    {"price", "negative", "价签找不到，问了店员才知道价格"},
    {"price", "positive", "超市的特价菜很实惠，每周都来买"},
    {"price", "positive", "会员价真的便宜不少，划算"},
    {"price", "positive", "童装区性价比很高"},
    // 排队等候
    {"queueing", "negative", "周末收银只开了两个口，排了二十分钟"},
    {"queueing", "negative", "服务台开发票要排很久，只有一个人在办"},
    {"queueing", "negative", "电梯等了好几趟都挤不上去"},
    {"queueing", "negative", "退货排队快半小时，前面一个人办了很久"},
    {"queueing", "negative", "美食广场点餐排队太长，没有取号"},
    {"queueing", "negative", "自助收银机坏了一半，大家都挤在人工通道"},
    {"queueing", "positive", "今天收银开了很多口，结账很快"},
    {"queueing", "positive", "服务台有取号机，不用一直站着等，很好"},
    // 停车
    {"parking", "negative", "地下停车场出口道闸坏了，排了半小时才出去"},
    {"parking", "negative", "停车场指示牌不清楚，转了好几圈找不到空位"},
    {"parking", "negative", "B2 的灯坏了好几盏，晚上找车很吓人"},
    {"parking", "negative", "缴费机扫码一直失败，后面的车都在按喇叭"},
    {"parking", "negative", "车位太窄了，开门都会碰到旁边的车"},
    {"parking", "negative", "停车费涨了也没有通知，出去才发现"},
    {"parking", "positive", "找车系统很好用，输入车牌就能导航"},
    {"parking", "positive", "会员停车免费两小时，很贴心"},
    {"parking", "positive", "停车场的保安指挥得很好，进出很顺"},
    // 退换货
    {"returns", "negative", "衣服没穿过，吊牌还在，柜台却说不能退"},
    {"returns", "negative", "退款说三天到账，一周了还没收到"},
    {"returns", "negative", "换货要我自己跑三个地方盖章，太麻烦"},
    {"returns", "negative", "小票丢了就完全不给处理，能不能查会员记录"},
    {"returns", "negative", "质量问题退货还要扣包装费，不合理"},
    {"returns", "positive", "鞋子不合脚，服务台十分钟就帮我换好了"},
    {"returns", "positive", "退货很顺利，店员还帮我查了会员积分"},
    {"returns", "positive", "没带小票也帮我从会员记录里查到了，点赞"},
    // 促销活动
    {"promotions", "negative", "满减活动规则太复杂，算了半天也没弄明白"},
    {"promotions", "negative", "海报上写的赠品，到柜台说已经送完了"},
    {"promotions", "negative", "优惠券领了用不了，说这个品牌不参加"},
    {"promotions", "negative", "活动宣传是五折，结果只有几件是五折"},
    {"promotions", "negative", "抽奖活动排队很久，奖品都是纸巾"},
    {"promotions", "positive", "店庆活动力度很大，买了好多"},
    {"promotions", "positive", "周三会员日的折扣很实在"},
    {"promotions", "positive", "满额送的停车券很实用"},
    // 设施设备
    {"facilities", "negative", "三号扶梯停了一周还没修好"},
    {"facilities", "negative", "空调太冷了，逛一会儿就冻得受不了"},
    {"facilities", "negative", "休息区座位太少，老人走累了没地方坐"},
    {"facilities", "negative", "商场里手机信号很差，付款都打不开码"},
    {"facilities", "negative", "无障碍通道被货物堵住了，轮椅过不去"},
    {"facilities", "negative", "饮水机坏了，母婴室没有热水"},
    {"facilities", "positive", "新装的充电宝租借很方便"},
    {"facilities", "positive", "休息区加了沙发，逛累了可以坐一坐"},
    {"facilities", "positive", "导览屏很好用，一下就找到店了"},
    // 会员积分
    {"membership", "negative", "积分到期也没有提醒，一下清零了"},
    {"membership", "negative", "买了东西忘了报会员，事后补不了积分"},
    {"membership", "negative", "积分换礼品的选择太少，都是用不上的东西"},
    {"membership", "negative", "会员升级的规则说不清楚，问了三个人三种说法"},
    {"membership", "negative", "小程序里积分一直不更新"},
    {"membership", "positive", "生日当天收到会员礼，很惊喜"},
    {"membership", "positive", "积分可以抵停车费，很方便"},
    {"membership", "positive", "金卡会员有专属休息室，体验很好"},
    // 其他
    {"other", "negative", "商场的背景音乐声音太大，很吵"},
    {"other", "negative", "外卖骑手在门口堵着，进出很不方便"},
    {"other", "negative", "营业时间改了也不在门口贴通知"},
    {"other", "negative", "孩子在游乐区被别的孩子撞了，没人管"},
    {"other", "positive", "圣诞布置很漂亮，孩子很喜欢"},
    {"other", "positive", "周末的亲子活动办得很好，希望多办"},
    {"other", "positive", "商场有免费寄存柜，逛街轻松多了"},
    // More of the common ones, in other words.
    {"parking", "negative", "出场缴费排长队，道闸反应太慢"},
    {"parking", "negative", "停车场出口只开一个，高峰期堵得动不了"},
    {"cleanliness", "negative", "女洗手间排队，而且隔间门锁坏了两个"},
    {"cleanliness", "negative", "洗手间的烘手机坏了，地上全是水"},
    {"service_attitude", "negative", "投诉了一次，处理的人一直推给别的部门"},
    {"queueing", "negative", "超市生鲜称重要排队，只有一个称重台"},
    {"quality", "negative", "面包的保质期只剩一天了还在正价卖"},
    {"facilities", "negative", "二楼卫生间的水龙头一直滴水"},
    {"returns", "negative", "在线买的东西到店不能退，要求寄回"},
    {"promotions", "negative", "积分加倍活动结账时系统没算上"},
}};

}  // namespace

std::span<const FeedbackText> feedback_texts() { return kTexts; }

}  // namespace kefu::demo
