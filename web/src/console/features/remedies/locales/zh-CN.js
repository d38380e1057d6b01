export default {
  approvals: { title: '待我审批', empty: '没有待审批的方案', ticket: '工单', amount: '金额', requested: '申请时间' },
  remedies: {
    title: '办结方案', kind: '方案类型', compensation: '补偿形式', amount: '金额（元）', description: '方案说明', submit: '提交方案',
    pendingApproval: '待审批：需{role}审批', approve: '批准', reject: '驳回', rejectReason: '驳回原因', applied: '方案已生效，工单已办结',
    invalidAmount: '请输入正确的金额（最多两位小数）', requestedBy: '申请人', decidedBy: '审批人', limits: '授权额度',
    limitsHint: '各角色无需审批即可处理的最高金额（元）；管理员不限额',
  },
};
