export default {
  returnsPolicy: {
    title: '退换货政策', store: '门店', chain: '全连锁（未单独设置的门店）', hint: '规则自上而下逐条比对，第一条符合的规则决定结果；没有规则符合时由主管处理。',
    inForceDefaults: '现行：系统默认政策', inForceStore: '现行：本店第 {version} 版', inForceChain: '现行：全连锁政策（第 {version} 版）',
    savedBy: '{who} 于 {at} 保存', order: '顺序', name: '规则', when: '适用情况', decision: '结论', remedy: '处理方式', customer: '对顾客说',
    enabled: '启用', actions: '操作', up: '上移', down: '下移', edit: '编辑', remove: '删除', add: '新增规则',
    save: '保存政策', note: '修改说明（可选）', saved: '政策已保存', restore: '恢复默认', restoreConfirm: '恢复为系统默认政策？当前规则会保留在历史版本中。',
    restored: '已恢复默认政策', unsaved: '有未保存的修改', readOnly: '只有店长及以上可以修改本店政策，管理员可以修改全连锁政策。',
    check: '用测试用例试运行', checkHint: '用 {count} 条用例（与服务器测试相同的用例表）检验当前编辑中的规则，不会保存。',
    passed: '通过 {n} 条', failed: '未通过 {n} 条', allPassed: '全部用例通过', history: '历史版本', version: '版本', defaults: '默认政策',
    created: '保存时间', by: '保存人', rules: '规则数', empty: '没有规则：所有请求都将交由主管处理',
  },
  returnRule: {
    edit: '编辑规则', id: '规则编号', idHint: '小写字母、数字和下划线', name: '规则名称', enabled: '启用',
    scope: '适用范围（不选即不限）', categories: '品类', brands: '品牌', brandsHint: '输入品牌后回车', tiers: '会员等级',
    match: '适用请求（不选即不限）', conditions: '商品状态', quality: '质量问题', receipt: '购物凭证', any: '不限', yes: '是', no: '否',
    receiptYes: '有凭证或系统有购买记录', receiptNo: '无凭证且无购买记录', maxDays: '购买天数不超过', days: '天', promotions: '销售方式',
    outcome: '结果', decision: '结论', remedy: '处理方式', customerZh: '对顾客说（中文）', customerEn: '对顾客说（英文）',
    agentZh: '对客服说（中文）', agentEn: '对客服说（英文）', apply: '确定', cancel: '取消',
  },
};
