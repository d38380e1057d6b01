export default {
  exports: { download: '下载', xlsx: '下载 Excel', csv: '下载 CSV' },
  reportSchedules: {
    title: '定时报表', add: '新建定时报表', edit: '修改定时报表', name: '名称', store: '门店', chain: '全连锁',
    report: '报表', frequency: '频率', hour: '发送时间', recipients: '收件人', recipientsHint: '员工或邮箱地址，回车添加',
    enabled: '启用', nextRun: '下次发送', lastRun: '上次发送', lastResult: '上次结果', never: '尚未发送',
    remove: '删除', confirmRemove: '删除定时报表“{name}”？', saved: '已保存', removed: '已删除', empty: '还没有定时报表',
    reports: { summary: '服务概览', tickets: '工单明细', sla: 'SLA 达标' },
    frequencies: { daily: '每天（前一天）', weekly: '每周一（上周）', monthly: '每月 1 日（上月）' },
    hourLabel: '{h}:00',
  },
  monthlyReport: {
    service: '服务质量', title: '月度服务报告', store: '门店', month: '月份', print: '打印', download: '下载 Excel',
    heading: '{store} {month} 月度服务报告', overview: '概览', contacts: '接待量（新建工单）', previous: '上月',
    change: '环比', open: '未办结工单（当前）', overdue: '超时未办结（当前）', byType: '按类型', byChannel: '按渠道',
    sla: 'SLA 达标', metric: '指标', total: '总数', met: '达标', missed: '超时', rate: '达标率', nps: 'NPS',
    npsNone: '本月暂无 NPS 回答', returns: '退换货', refunded: '退款', complaintCauses: '投诉原因（按分类）',
    returnReasons: '退换货原因', uncategorized: '未分类', current: '本月', signature: '门店经理签字',
    date: '日期', generated: '生成于 {at}', metrics: { first_response: '首次响应', resolution: '办结', callback: '回访' },
    empty: '暂无数据',
  },
};
