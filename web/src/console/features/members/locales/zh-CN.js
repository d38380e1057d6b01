export default {
  member: {
    memberNo: '会员号', phone: '手机号', birthday: '生日', care: '关怀标记', needsCare: '需关怀', hidden: '仅主管及以上可见', tickets: '全部工单', homeStore: '所属门店', since: '注册时间',
  },
  memberCard: { points: '积分', value: '顾客价值', openTickets: '未结工单', lastPurchase: '最近消费', unavailable: '会员信息暂不可用' },
  memberValue: {
    atRisk: '流失风险 {amount}', reportTitle: '流失风险会员', total: '风险价值合计', members: '风险会员', checked: '已评估会员', reasons: '主要原因',
    reason: { open_complaint: '未结投诉', bad_rating: '差评', lapsing: '久未到店' },
  },
  memberPage: {
    tabOverview: '概览', tabPurchases: '购买记录', tabService: '服务记录',
    last12: '近 12 个月', allTime: '累计', lastVisit: '最近到店', rhythm: '到店节奏', spendPerVisit: '次均消费', topCategories: '主要品类',
    visitsN: '{n} 次到店', rhythmText: '约每 {median} 天一次（{p25}–{p75} 天）',
    valueTitle: '顾客价值', valueModel: '按 {years} 年、每年留存 {retention}%、仍活跃概率 {p}% 估算。', priorStore: '到店不多时向本店会员平均水平收缩。', priorDefault: '到店不多时向默认水平收缩（本店会员数据尚少）。',
    wordOfMouth: '口碑影响：按每位顾客影响 {n} 人计，约 {amount}（仅作展示，不计入顾客价值）',
    spend: '消费额', visits: '到店次数', category: '品类', search: '商品或品牌', filteredTotal: '{n} 张小票，实付 {amount}',
    item: '商品', brand: '品牌', quantity: '数量', paid: '实付', returnLine: '退货', soldAt: '时间', receipt: '小票号', score: '{n} 分',
    kind: { ticket: '工单', chat: '在线会话', feedback: '反馈', csat: '满意度', nps: '净推荐值' },
  },
};
