export default {
  qaAuto: {
    rules: '自动质检规则', hits: '自动质检命中', rulesTitle: '自动质检规则',
    rulesHint: '每条客服回复与在线消息都会按这些规则检查；红线命中时立即通知在岗主管。门店规则覆盖连锁规则，连锁规则覆盖系统默认。',
    chain: '连锁（全部门店）', newRule: '新建规则', editRule: '编辑规则', empty: '暂无规则', name: '名称', code: '规则代码',
    kind: '类型', severity: '严重程度', parameters: '参数', source: '来源', edit: '编辑', revert: '删除（恢复上级）',
    revertConfirm: '删除「{name}」？删除后恢复连锁规则或系统默认。', offHint: '已停用的已保存规则：{n} 条', off: '已停用',
    phrases: '短语', phrasesHint: '每行一个短语（忽略空格、标点、全半角与繁简体）', threshold: '愤怒阈值（%）',
    enabled: '启用', secondsShort: '{n} 秒', thresholdShort: '阈值 {n}%',
    seconds: { missing_greeting: '问候超时（秒，0 不限）', reply_gap: '等待超过（秒）', unkept_promise: '跟进期限（秒）' },
    kinds: {
      forbidden_phrase: '禁用语', missing_greeting: '未问候', reply_gap: '回复间隔过长', end_sentiment: '结束时顾客情绪负面',
      unkept_promise: '承诺未跟进',
    },
    severities: { normal: '一般', red_line: '红线' },
    sources: { default: '系统默认', chain: '连锁', store: '本店' },
    tryTitle: '试运行', tryText: '试一句话', tryFirst: '会话首条', tryDelay: '秒后回复', try: '试运行',
    tryHit: '命中：{detail}', tryMiss: '未命中',
    hitsTitle: '自动质检命中', allStores: '全部门店', subject: '对象', subjects: { ticket: '工单', conversation: '在线会话' },
    ruleCode: '规则代码', noHits: '没有命中记录', at: '时间', rule: '规则', staff: '客服', message: '内容', where: '位置',
    ticketAt: '工单 #{id} · 事件 {event}', chatAt: '会话 #{id} · 第 {seq} 条',
  },
};
