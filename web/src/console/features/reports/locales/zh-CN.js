export default {
  dashboard: {
    title: '数据看板', menu: '报表/数据看板', noData: '暂无数据',
    periods: { today: '今日', week: '本周', month: '本月', custom: '自定义' },
    from: '开始日期', to: '结束日期',
    previous: '上期', thisPeriod: '本期',
    figures: {
      contacts: '来访量', resolved: '办结量', frt_avg_ms: '平均首次响应', resolution_avg_ms: '平均办结时长',
      sla_rate: '时限达标率', fcr_rate: '首次解决率', reopen_rate: '重开率', csat_avg: '满意度',
    },
    breakdown: '分维度统计',
    by: {
      store: '门店', department: '部门', staff: '员工', type: '类型', channel: '渠道', priority: '优先级',
      category: '分类', complaint_cause: '投诉原因',
    },
    trend: '趋势', steps: { day: '按日', week: '按周', month: '按月' },
    heatmap: '来访热力图（星期 × 小时）',
    weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
    causes: '投诉原因 Top 10',
  },
};
