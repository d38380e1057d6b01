export default {
  kpi: {
    title: '绩效考核', mine: '我的绩效', store: '门店', month: '月份', people: '员工', departments: '部门', rules: '规则',
    exportCsv: '导出 CSV', rank: '排名', staff: '员工', department: '部门', score: '得分', previous: '上月', bonus: '服务奖金',
    bonusTotal: '奖金合计：{amount} 元', noDepartment: '（未分部门）', members: '人数', noScore: '未计分',
    rulesSource: { store: '本店规则', chain: '连锁规则', default: '默认规则' },
    qaMissing: '质检得分暂无数据，其权重按比例分给其他指标',
    why: '计算说明', parts: '得分构成', value: '实际', target: '目标', weight: '权重', points: '得分',
    rankOf: '第 {rank} 名 / 共 {n} 人', notOnSheet: '本月绩效表中没有您的记录', tickets: '工单', chats: '会话',
    ratings: '评价数', upheld: '属实投诉', partly: '部分属实', praise: '表扬',
    trend: { up: '较上月上升', down: '较上月下降', same: '与上月持平' },
  },
  kpiRules: {
    title: '绩效与奖金规则', scope: '适用范围', chainWide: '全连锁', weights: '指标权重与目标', weightTotal: '权重合计：{total}',
    bonus: '服务奖金', mode: '方式', modeBase: '每人基本奖金', modePool: '奖金池按比例分配', base: '基本奖金（元）', pool: '奖金池（元）',
    bands: '得分档位', minScore: '最低得分', percent: '比例（%）', addBand: '添加档位', perPraise: '每次表扬奖励（元）',
    perComplaint: '每次属实投诉扣减（元）', cap: '个人封顶（元，0 为不封顶）', save: '保存规则', saved: '规则已保存',
    badMoney: '金额格式不对：{what}',
  },
  staffRecords: {
    title: '被投诉/被表扬员工', none: '未记录', record: '记录员工', about: '员工', summary: '说明', add: '记录',
    pending: '待核实', review: '核实', outcome: '核实结果', responsibility: '责任', action: '处理措施', notes: '核实说明',
    reviewedBy: '核实人', countsAgainst: '计入绩效', submit: '提交核实', complaint: '投诉', praise: '表扬',
    onlyTypes: '仅投诉、表扬类工单可记录',
  },
  cases: {
    title: '案例库', search: '搜索标题、经验、标签', kind: '类型', all: '全部', tag: '标签', empty: '暂无案例',
    lesson: '经验教训', story: '经过（已隐去顾客信息）', add: '加入案例库', titleField: '标题', tags: '标签',
    tagsHint: '回车添加，最多 10 个', save: '保存', saved: '已加入案例库', edit: '编辑', back: '返回案例库',
    source: '来源', ticket: '工单', conversation: '会话', preview: '预览经过', createdBy: '整理人', more: '加载更多',
  },
};
