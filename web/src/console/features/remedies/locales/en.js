export default {
  approvals: {
    title: 'My approvals', empty: 'Nothing waits for your approval', ticket: 'Ticket', amount: 'Amount',
    requested: 'Requested',
  },
  remedies: {
    title: 'Resolutions', kind: 'Kind', compensation: 'Compensation form', amount: 'Amount (CNY)',
    description: 'Description', submit: 'Submit resolution', pendingApproval: 'Pending approval by {role}',
    approve: 'Approve', reject: 'Reject', rejectReason: 'Reason for rejecting',
    applied: 'Resolution applied; the ticket is resolved',
    invalidAmount: 'Enter a valid amount (at most two decimals)', requestedBy: 'Requested by',
    decidedBy: 'Decided by', limits: 'Authority limits',
    limitsHint: 'The largest amount (CNY) each role handles without approval; admins are unlimited',
  },
};
