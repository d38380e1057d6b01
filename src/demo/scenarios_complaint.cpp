// Complaint scenarios (投诉): product quality, food safety, safety incidents,
// media exposure, staff attitude, cashier queues, price differences, parking,
// environment, deliveries and points.
#include "demo/texts.hpp"

namespace kefu::demo::detail {
namespace {

void add_quality(std::vector<Scenario>& out) {
  out.push_back({
      .type = "complaint",
      .weight = 36,
      .priority = "P3",
      .claim_percent = 45,
      .goods = {"服装"},
      .task_department = "brand_counter",
      .task_percent = 80,
      .purchase_min_days = 2,
      .purchase_max_days = 40,
      .subjects = {"{brand}{product}洗后严重起球|{product}起球严重", "{product}穿了两次就开线|{brand}{product}做工粗糙",
                   "{brand}{product}洗后缩水|{product}缩水一个码"},
      .descriptions =
          {"{customer}{when}在{brand}专柜买的{colour}{product}（{spec}，¥{price}"
           "），按洗标手洗一次后大面积起球，觉得和价格不相符。",
           "{customer}反映{when}买的{product}只穿了两次，腋下和袖口就开线了，当时导购说是进口面料，现在觉得被忽悠了。",
           "{customer}称{brand}的{product}（{sku}）洗后缩水差不多一个码，{spec}现在穿着明显偏紧，要求专柜给个说法。"},
      .resolutions = {"{hello}，经{brand}专柜检测确认为面料质量问题，已为您全额退款¥{price}，并赠送200积分表示歉意。",
                      "{hello}，专柜已为您更换同款新品，并承诺一年内再出现同类问题可直接退货，再次向您致歉。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 22,
      .priority = "P3",
      .claim_percent = 45,
      .goods = {"鞋包"},
      .products = {"运动鞋", "短靴", "高跟鞋", "乐福鞋", "小白鞋"},
      .task_department = "brand_counter",
      .task_percent = 80,
      .purchase_min_days = 3,
      .purchase_max_days = 45,
      .subjects = {"{brand}{product}鞋底开胶|新买的{product}开胶", "{product}鞋跟松脱|{brand}{product}鞋跟脱落"},
      .descriptions =
          {"{customer}{when}在{brand}买的{product}（{spec}，¥{price}），正常通勤穿了不到一周，左脚鞋底前端就开胶了。",
           "{customer}反映{product}鞋跟在地铁站台突然松脱，差点扭伤脚踝，认为存在质量隐患，小票{pos}还在。"},
      .resolutions = {"{hello}，{brand}已确认属于质量问题，为您办理了退货退款¥{price}，给您带来不便深感抱歉。",
                      "{hello}，专柜已为您换了一双新鞋，并免费做了鞋底加固，如再有问题请直接联系我们。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 10,
      .priority = "P3",
      .claim_percent = 35,
      .goods = {"鞋包"},
      .products = {"双肩包", "托特包", "长款钱包", "登机箱"},
      .task_department = "brand_counter",
      .task_percent = 80,
      .purchase_min_days = 5,
      .purchase_max_days = 60,
      .subjects = {"{brand}{product}拉链损坏", "{product}缝线开裂"},
      .descriptions =
          {"{customer}{when}买的{brand}{product}（{colour}，¥{price}），拉链头用了半个月就掉了，专柜说只能寄回厂家修。",
           "{customer}称{product}肩带和包身连接处缝线开裂，里面装的东西差点掉出来，要求换新。"},
      .resolutions = {"{hello}，{brand}已为您更换同款新品，旧包由专柜寄回厂家检测，感谢您的耐心。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 18,
      .priority = "P3",
      .claim_percent = 60,
      .goods = {"化妆品"},
      .products = {"精华液", "面霜", "粉底液", "防晒霜", "眼霜", "面膜套装"},
      .task_department = "brand_counter",
      .task_percent = 85,
      .purchase_min_days = 2,
      .purchase_max_days = 20,
      .subjects = {"使用{brand}{product}后皮肤过敏|{product}用后起红疹",
                   "{brand}柜员推荐不当致过敏|{product}导致面部红肿"},
      .descriptions =
          {"{customer}{when}在{brand}专柜试用后买了{product}（{spec}），连用三天脸上起红疹、有刺痛感，已经去医院看过。",
           "{customer}反映柜员说{product}适合敏感肌，用了以后两颊红肿发痒，认为柜员介绍不实，小票{pos}。"},
      .resolutions = {"{hello}，{brand}已为您办理退货退款¥{price}，并承担就诊费用，请注意休息，三天后我们再回访您。",
                      "{hello}，专柜已退款并向您当面致歉，同时对柜员进行了产品知识复训。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 9,
      .priority = "P3",
      .claim_percent = 50,
      .goods = {"家电"},
      .task_department = "brand_counter",
      .task_percent = 100,
      .purchase_min_days = 3,
      .purchase_max_days = 15,
      .subjects = {"{product}安装一再延期|{brand}安装师傅爽约", "{brand}{product}迟迟未送货|{product}超时未送达"},
      .descriptions =
          {"{customer}{when}买的{brand}{product}（{spec}），约好上周六安装，师傅两次爽约，打电话一直说在排期。",
           "{customer}称付款时承诺三天内送货，到现在{product}还没送到，专柜电话也没人接，小票{pos}。"},
      .tasks = {"请{brand}专柜督促厂家在{due}安排{product}送货安装，并向顾客说明延误原因。"},
      .feedback = {"{brand}专柜反馈：厂家已重新排期，明天上午上门安装，并同意给予补偿。"},
      .resolutions = {"{hello}，厂家已于约定时间完成安装，{brand}专柜赠送您一年延保作为补偿，给您添麻烦了。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 6,
      .priority = "P3",
      .claim_percent = 70,
      .goods = {"黄金珠宝"},
      .products = {"金手镯", "足金项链", "金转运珠"},
      .task_department = "brand_counter",
      .task_percent = 100,
      .purchase_min_days = 1,
      .purchase_max_days = 30,
      .subjects = {"金饰克重与标签不符", "怀疑{product}缺斤短两"},
      .descriptions = {"{customer}{when}在{brand}买的{product}标签写着{spec}，拿到别处称重少了0."
                       "3克左右，怀疑缺斤短两，小票{pos}。"},
      .tasks = {"请{brand}专柜配合在顾客见证下复称{product}，必要时送计量部门检测。"},
      .feedback = {"{brand}专柜反馈：当面复称克重与标签一致，差异系外部电子秤未校准所致。"},
      .resolutions = {"{hello}，经当面复称克重与标签一致，复称记录已拍照留存给您，感谢您的理解。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 4,
      .priority = "P3",
      .claim_percent = 60,
      .goods = {"儿童用品"},
      .products = {"积木玩具", "遥控汽车"},
      .task_department = "brand_counter",
      .task_percent = 90,
      .purchase_min_days = 2,
      .purchase_max_days = 30,
      .subjects = {"{product}零件脱落有安全隐患", "儿童{product}质量问题"},
      .descriptions =
          {"{customer}{when}给孩子买的{brand}{product}，玩了两天就有小零件脱落，孩子差点放进嘴里，认为存在安全隐患。",
           "{customer}反映{brand}{product}（{sku}）边角毛刺很多，孩子玩的时候划破了手指。"},
      .resolutions = {"{hello}，{brand}已为您全额退款，并将同批次商品下架送检，感谢您及时告诉我们。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 3,
      .priority = "P3",
      .claim_percent = 40,
      .goods = {"儿童用品"},
      .products = {"儿童保温杯"},
      .task_department = "brand_counter",
      .task_percent = 80,
      .purchase_min_days = 2,
      .purchase_max_days = 40,
      .subjects = {"儿童保温杯漏水|{brand}保温杯密封不严"},
      .descriptions = {"{customer}反映{when}买的{brand}{product}（{sku}）盖子密封圈变形漏水，孩子书包里的书全湿了。",
                       "{customer}称{brand}{product}保温不到两小时，和宣传的十二小时差距太大，小票{pos}。"},
      .resolutions = {"{hello}，{brand}已为您更换新品，并提供一年质保，给您和孩子带来不便非常抱歉。"},
  });
}

void add_safety(std::vector<Scenario>& out) {
  out.push_back({
      .type = "complaint",
      .weight = 3,
      .priority = "P1",
      .goods = {"食品"},
      .products = {"鲜牛奶", "低温酸奶", "全麦吐司", "卤味熟食", "奶油蛋糕", "速冻水饺"},
      .task_department = "floor",
      .task_percent = 100,
      .purchase_min_days = 0,
      .purchase_max_days = 2,
      .subjects = {"购买的{product}已变质|超市售卖过期食品", "{product}发霉|{product}有霉点仍在销售"},
      .descriptions =
          {"{customer}{when}在超市买的{brand}{product}（{spec}），回家打开有酸味，一看生产日期已过保质期两天，小票{pos}"
           "。",
           "{customer}反映在{location}买的{product}表面有霉点，孩子已经吃了一口，现在很担心，要求商场马上处理。"},
      .tasks = {"紧急：请楼层管理部立即下架{location}同批次{product}，核查保质期并封存样品。"},
      .feedback = {"楼层管理部反馈：同批次{product}共{n}件已全部下架封存，供应商已到场说明。"},
      .resolutions =
          {"{hello}，涉事商品已全部下架，按食品安全相关规定为您退款并给予赔偿，孩子如有不适请随时联系我们。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 2,
      .priority = "P1",
      .category = "餐饮",
      .task_department = "floor",
      .task_percent = 100,
      .locations = {"5F 美食广场", "5F 餐饮区 {restaurant}"},
      .subjects = {"{restaurant}菜品中吃出异物", "美食广场餐食不洁"},
      .descriptions = {"{customer}在{restaurant}点的套餐里吃出一根铁丝，已拍照留证，店员只说给换一份，顾客非常不满。",
                       "{customer}称在{location}吃完饭后一家三口都出现腹泻，怀疑食材不新鲜，要求商场介入调查。"},
      .tasks = {"紧急：请楼层管理部会同{restaurant}封存留样，核查后厨卫生和进货台账。"},
      .feedback = {"楼层管理部反馈：留样已封存送检，{restaurant}暂停营业整改，店长已联系顾客。"},
      .resolutions = {"{hello}，{restaurant}已当面致歉并承担医疗及餐费，商场已责令其停业整改，整改结果会告知您。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 2,
      .priority = "P1",
      .category = "安全",
      .channel = "service_desk|floor_desk|hotline",
      .task_department = "property",
      .task_percent = 100,
      .locations = {"1F-2F 自动扶梯", "3F-4F 自动扶梯", "B1 超市 自动坡道"},
      .subjects = {"扶梯夹住孩子鞋子|儿童在自动扶梯受伤", "孩子在扶梯上摔伤|扶梯安全事故投诉"},
      .descriptions = {"{customer}的孩子（{child_age}）在{location}"
                       "下扶梯时鞋尖被梳齿板卡住，脚趾擦伤出血，家长情绪激动，要求查明扶梯是否有故障。",
                       "{customer}反映孩子在{location}摔倒，手掌和膝盖擦伤，现场没看到安全提示，也没有工作人员值守。"},
      .tasks = {"紧急：请物业管理部立即停用{location}并检修，保留运行记录，通知维保单位两小时内到场。"},
      .feedback = {"物业管理部反馈：扶梯已停运全面检测，梳齿板和扶手带均已检修，维保单位出具了检测报告。"},
      .resolutions = {"{hello}，我们已陪同孩子就医并承担全部医疗费用，扶梯检修完毕并增设安全提示，深表歉意。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 2,
      .priority = "P1",
      .category = "服务态度",
      .goods = {"服装", "化妆品", "鞋包", "黄金珠宝"},
      .channel = "social_media",
      .task_department = "floor",
      .task_percent = 100,
      .subjects = {"网络曝光：{brand}导购辱骂顾客|社交平台投诉帖持续发酵"},
      .descriptions =
          {"网友发帖称在{brand}专柜试穿时被导购冷嘲热讽，帖子已有{n}00多条评论，还有本地媒体留言想了解情况。",
           "有顾客在点评平台发长文，称在{location}被导购推搡，配了现场照片，转发已过千，要求商场公开道歉。"},
      .tasks = {"紧急：请楼层管理部调查{brand}专柜当事人及经过，两小时内提交书面说明。"},
      .feedback = {"楼层管理部反馈：已约谈当事人并调取监控，情况基本属实，当事导购已暂停上岗。"},
      .resolutions = {"{hello}，我们已联系发帖顾客当面致歉并妥善处理，处理结果已在官方账号公开说明，感谢监督。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 2,
      .priority = "P1",
      .category = "商品质量",
      .goods = {"服装", "鞋包", "化妆品"},
      .channel = "social_media",
      .task_department = "floor",
      .task_percent = 100,
      .subjects = {"短视频曝光{brand}售卖旧货|网络视频质疑{brand}以旧充新"},
      .descriptions =
          {"有顾客在短视频平台发视频称在{location}买到的{product}是别人退回的旧货，播放量已过{n}"
           "万，评论区要求商场回应。",
           "网友发帖称{brand}的{product}（{sku}）领口有粉底印和穿着痕迹，质疑专柜以旧充新，已被本地账号转载。"},
      .tasks = {"紧急：请楼层管理部核查{brand}专柜{product}的进货和退货记录，两小时内提交书面说明。"},
      .feedback = {"楼层管理部反馈：确认专柜将顾客退回的商品未经检验再次上架，已责令全面下架自查。"},
      .resolutions = {"{hello}，已为您全额退款并当面致歉，{brand}专柜已全面自查整改，处理结果已在官方账号公开说明。"},
  });
}

void add_service(std::vector<Scenario>& out) {
  out.push_back({
      .type = "complaint",
      .weight = 28,
      .priority = "P3",
      .category = "服务态度",
      .goods = {"服装", "化妆品", "鞋包", "黄金珠宝", "运动户外"},
      .task_department = "floor",
      .task_percent = 70,
      .subjects = {"导购言语不当|{brand}导购服务态度差", "投诉{brand}柜员爱答不理|{brand}柜员服务态度差"},
      .descriptions =
          {"{customer}在{brand}试了三件{product}没买，导购当面嘀咕“买不起就别试”，顾客非常生气，要求导购道歉。",
           "{customer}反映在{location}问{product}有没有{spec}，柜员一直低头玩手机，问了两遍才不耐烦地说没有。"},
      .resolutions = {"{hello}，楼层已约谈当事导购并要求其当面致歉，专柜也加强了服务培训，随赠停车券两张表达歉意。",
                      "{hello}，当事柜员已向您致歉，{brand}已对其进行处罚和培训，感谢您的监督。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 9,
      .priority = "P3",
      .category = "服务态度",
      .task_department = "security",
      .task_percent = 90,
      .locations = {"1F 东门", "B2 停车场 出口", "1F 中庭", "B1 超市入口"},
      .subjects = {"保安态度生硬", "投诉保安大声呵斥"},
      .descriptions = {"{customer}在{location}问去{goods_location}怎么走，保安语气很冲，只丢下一句“自己看指示牌”。",
                       "{customer}带着孩子在{location}排队时询问原因，保安当众大声呵斥，让孩子受到惊吓。"},
      .tasks = {"请保安部核实{time}在{location}值岗人员，约谈后反馈处理结果。"},
      .feedback = {"保安部反馈：已约谈当班保安，其承认语气不当，已停岗培训三天。"},
      .resolutions = {"{hello}，保安部已对当班人员进行批评教育并停岗培训，对您的不愉快经历深表歉意。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 22,
      .priority = "P3",
      .category = "收银",
      .task_department = "cashier",
      .task_percent = 60,
      .locations = {"B1 超市 收银区", "B1 超市 自助收银区", "1F 收银台"},
      .subjects = {"收银台排队时间过长|高峰期只开两个收银台", "自助收银机故障无人处理|自助收银机大面积故障"},
      .descriptions =
          {"{customer}反映{time}超市只开了两个收银台，排队等了{minutes}分钟，前面还有人在办会员卡，很多人都在抱怨。",
           "{customer}称自助收银机三台坏了两台，人工通道排到了货架中间，买的冷冻食品都快化了。"},
      .tasks = {"请收银部核查{time}收银台开台数和排班，说明高峰期增开收银台的安排。"},
      .feedback = {"收银部反馈：当时人手不足且两台自助机故障未及时报修，已调整排班并完成维修。"},
      .resolutions = {"{hello}，周末晚高峰排班已调整，故障的自助收银机也已修复，给您带来不便深表歉意。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 18,
      .priority = "P3",
      .claim_percent = 85,
      .category = "收银",
      .task_department = "cashier",
      .task_percent = 70,
      .purchase_min_days = 0,
      .purchase_max_days = 3,
      .subjects = {"结账价格与价签不符", "要求退还差价¥{diff}", "商品多收钱"},
      .descriptions =
          {"{customer}称{brand}{product}价签标价¥{price}，结账时却按¥{price2}收取，小票{pos}，多付了¥{diff}。",
           "{customer}{when}买的{product}（{sku}），付款后发现货架上写着{promo}，收银没有按活动价计算。"},
      .tasks = {"请收银部核对交易{pos}的明细及{sku}的系统价格，确认价签与系统价是否一致。"},
      .feedback = {"收银部反馈：系统促销价未及时更新，确认多收¥{diff}，已同步更正。"},
      .resolutions = {"{hello}，经核实确属价签与系统价格不一致，已退还差价¥{diff}，并对全场价签做了复查，非常抱歉。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 14,
      .priority = "P3",
      .claim_percent = 40,
      .category = "促销活动",
      .goods = {"服装", "鞋包", "化妆品", "运动户外", "儿童用品"},
      .task_department = "floor",
      .task_percent = 70,
      .purchase_min_days = 0,
      .purchase_max_days = 5,
      .subjects = {"{promo}活动未兑现|投诉促销宣传误导", "{promo}券结账不能用|满减券无法使用"},
      .descriptions =
          {"{customer}按海报宣传在{brand}消费¥{price}，去服务台兑换{promo}时才被告知{brand}不参加，认为宣传误导。",
           "{customer}反映领到的{promo}券在{brand}结账时提示不可用，导购说是系统问题，让顾客自己去找服务台。"},
      .tasks = {"请楼层管理部核实{brand}专柜的活动参与情况及现场海报是否标注清楚。"},
      .feedback = {"楼层管理部反馈：{brand}报名参加活动但系统未配置，已补配置并更换海报。"},
      .resolutions = {"{hello}，已为您补发{promo}对应的权益，并要求专柜在收银处明确标注活动范围，感谢指正。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 10,
      .priority = "P3",
      .category = "会员积分",
      .goods = {"服装", "化妆品", "鞋包", "家电"},
      .task_department = "member_center",
      .task_percent = 100,
      .purchase_min_days = 1,
      .purchase_max_days = 20,
      .needs_member = true,
      .subjects = {"消费积分未到账", "会员积分少记"},
      .descriptions =
          {"会员{member_no}反映{when}在{brand}消费¥{price}，到现在积分还没到账，小票{pos}上明明打印了会员号。",
           "{customer}说{when}买{product}时出示了会员码，但积分只记了一半，专柜让他自己找会员中心。"},
      .tasks = {"请会员中心核查会员{member_no}与交易{pos}的积分流水，漏记部分予以补录。"},
      .feedback = {"会员中心反馈：因专柜收银机离线，积分未同步，已手工补录。"},
      .resolutions = {"{hello}，漏记的积分已补录到账，可在小程序积分明细查看，给您添麻烦了。"},
  });
}

void add_facilities(std::vector<Scenario>& out) {
  out.push_back({
      .type = "complaint",
      .weight = 11,
      .priority = "P3",
      .claim_percent = 60,
      .category = "停车",
      .task_department = "parking",
      .task_percent = 100,
      .locations = {"B2 停车场 出口", "B1 停车场 缴费处"},
      .subjects = {"停车费重复扣费|出口道闸扣费两次", "停车券抵扣未生效|出场仍按全价收费"},
      .descriptions =
          {"{customer}车牌{plate}，{time}离场时已扫码付了停车费，出口道闸又自动扣了一次，手机显示两笔扣款。",
           "{customer}称用小票抵扣了停车费，出场时系统仍按全价收费，停车场工作人员说只能找服务台。"},
      .tasks = {"请停车场查询车牌{plate}的缴费记录，确认是否重复扣费并办理退款。"},
      .feedback = {"停车场反馈：系统升级导致重复扣费，已发起原路退款。"},
      .resolutions = {"{hello}，多扣的停车费已原路退回，预计1至3个工作日到账，给您添麻烦了。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 7,
      .priority = "P3",
      .claim_percent = 85,
      .category = "停车",
      .task_department = "security",
      .task_percent = 100,
      .locations = {"B2 停车场 {zone}", "B1 停车场 {zone}"},
      .subjects = {"车辆在停车场被剐蹭", "停车场车辆受损要求调监控"},
      .descriptions = {"{customer}的车（{plate}）停在{zone}，逛完街回来发现右后门有一道明显划痕，肇事车辆已离开。",
                       "{customer}称车停在{zone}时后视镜被撞坏，现场没有留言条，要求商场调取监控并给个说法。"},
      .tasks = {"请保安部调取{zone}{time}前后的监控，协助顾客查找肇事车辆。"},
      .feedback = {"保安部反馈：监控显示一辆白色轿车倒车时剐蹭，车牌信息已提供给顾客。"},
      .resolutions = {"{hello}，已将监控片段和肇事车辆信息提供给您和交警，后续处理我们会全力配合。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 9,
      .priority = "P3",
      .category = "停车",
      .task_department = "parking",
      .task_percent = 60,
      .locations = {"B2 停车场 出口", "B1 停车场 入口"},
      .subjects = {"停车场出口拥堵严重|离场排队时间太长", "入场排队久找不到车位|车位引导屏不准"},
      .descriptions = {"{customer}反映{time}从B2出口离场排了{minutes}分钟，只有一个道闸在用，也没有人指挥。",
                       "{customer}称周末进停车场排队{minutes}分钟，入口显示有空位，进去后却转了几圈找不到车位。"},
      .resolutions = {"{hello}，周末高峰已增派疏导人员并开放第二出口，车位引导屏也已校准，感谢您的反馈。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 13,
      .priority = "P3",
      .category = "环境设施",
      .task_department = "property",
      .task_percent = 80,
      .locations = {"2F 洗手间", "B1 洗手间", "4F 洗手间", "5F 母婴室"},
      .subjects = {"{location}地面湿滑|{location}卫生差", "{location}有异味|{location}耗材不足"},
      .descriptions = {"{customer}反映{location}地面湿滑有积水，洗手液也空了，有一个隔间门锁坏了，带孩子用很不方便。",
                       "{customer}说{location}有明显异味，纸巾盒是空的，找了一圈没看到保洁人员。"},
      .tasks = {"请物业管理部安排保洁和工程人员检查{location}，加强巡查频次并反馈整改情况。"},
      .feedback = {"物业管理部反馈：已维修门锁、补充耗材，保洁巡查改为每半小时一次。"},
      .resolutions = {"{hello}，{location}已完成清洁和维修，巡查频次也已加密，谢谢您的提醒。"},
  });
  out.push_back({
      .type = "complaint",
      .weight = 8,
      .priority = "P3",
      .category = "环境设施",
      .task_department = "property",
      .task_percent = 70,
      .locations = {"3F 女装区", "4F 男装区", "2F 鞋包区", "5F 儿童区"},
      .subjects = {"{floor}空调温度过低", "{floor}太闷热"},
      .descriptions = {"{customer}称{floor}冷气开得太足，试衣服时冻得直哆嗦，问了导购说一直都是这个温度。",
                       "{customer}反映{location}特别闷热，空调好像没开，孩子热得满头大汗。"},
      .resolutions = {"{hello}，工程部已调整{floor}的空调温度并检查了出风口，感谢您的反馈。"},
  });
}

}  // namespace

void add_complaint_scenarios(std::vector<Scenario>& out) {
  add_quality(out);
  add_safety(out);
  add_service(out);
  add_facilities(out);
}

}  // namespace kefu::demo::detail
