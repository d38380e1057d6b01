export default {
  dashboard: {
    title: 'Dashboard', menu: 'Reports / dashboard', noData: 'No data',
    periods: { today: 'Today', week: 'This week', month: 'This month', custom: 'Custom' },
    from: 'From', to: 'To',
    previous: 'Previous', thisPeriod: 'This period',
    figures: {
      contacts: 'Contacts', resolved: 'Resolved', frt_avg_ms: 'Avg first response', resolution_avg_ms: 'Avg resolution time',
      sla_rate: 'SLA compliance', fcr_rate: 'First-contact resolution', reopen_rate: 'Reopen rate', csat_avg: 'CSAT',
    },
    breakdown: 'Breakdown',
    by: {
      store: 'Store', department: 'Department', staff: 'Staff', type: 'Type', channel: 'Channel', priority: 'Priority',
      category: 'Category', complaint_cause: 'Complaint cause',
    },
    trend: 'Trend', steps: { day: 'Daily', week: 'Weekly', month: 'Monthly' },
    heatmap: 'Contacts by weekday × hour',
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    causes: 'Top 10 complaint causes',
  },
};
