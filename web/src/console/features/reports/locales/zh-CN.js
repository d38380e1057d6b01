export default {
  dashboard: {
    title: '仪表盘', today: '今日来访', byType: '按类型', byChannel: '按渠道', open: '未办结工单', overdue: '超时工单', noData: '暂无数据',
    menu: '报表/仪表盘',
  },
};
