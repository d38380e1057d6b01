export default {
  fbTraining: {
    title: '分类训练', review: '待确认', examples: '训练样本', models: '模型版本',
    reviewHint: '模型最拿不准的反馈排在最前。确认或更正主题与情感后，下一个模型版本会学到。',
    reviewEmpty: '没有待确认的反馈', margin: '把握 {p}', confirm: '确认',
    keys: '键盘：↓/j 下一条，↑/k 上一条，1–9、0、- 选主题，p 正面，n 负面，Enter 确认，s 跳过',
    counts: '预置 {seed} · 导入 {import} · 更正 {correction}', origin: '来源',
    origins: { seed: '预置', import: '导入', correction: '更正' },
    sentiments: { positive: '正面', negative: '负面' },
    text: '文本', topic: '主题', sentiment: '情感', noExamples: '没有样本',
    import: '导入样本', importHint: 'CSV 第一行为表头（text、topic、sentiment，顺序不限），或 JSON Lines（每行一个含 text、topic、sentiment 的对象）。主题填主题代码；重复导入不会重复添加。',
    importStart: '导入', reportCounts: '共 {rows} 行：新增 {added}，更新 {updated}，未变 {unchanged}', line: '行', reason: '跳过原因',
    trainNow: '立即训练', modelsHint: '新版本只有在同一留出集上不比当前版本差（主题与情感各自答错的留出样本不显著多于答对的）时才会启用；未启用的版本保留原因。斜线后是当前版本在同一留出集上的成绩。',
    noModels: '还没有模型版本', version: '版本', active: '使用中', trainedAt: '训练时间', examplesN: '样本数',
    topicF1: '主题宏平均 F1', sentimentAccuracy: '情感准确率', outcome: '结果', replacedBy: '已被 v{v} 替换',
    triggers: { on_demand: '手动', nightly: '夜间', first: '首次' },
  },
};
