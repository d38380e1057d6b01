export default {
  exports: { download: 'Download', xlsx: 'Download Excel', csv: 'Download CSV' },
  reportSchedules: {
    title: 'Scheduled reports', add: 'New scheduled report', edit: 'Edit scheduled report', name: 'Name', store: 'Store',
    chain: 'Whole chain', report: 'Report', frequency: 'Frequency', hour: 'Send at', recipients: 'Recipients',
    recipientsHint: 'Staff or email addresses; Enter to add', enabled: 'Enabled', nextRun: 'Next run', lastRun: 'Last run',
    lastResult: 'Last result', never: 'Not sent yet', remove: 'Delete', confirmRemove: 'Delete scheduled report "{name}"?',
    saved: 'Saved', removed: 'Deleted', empty: 'No scheduled reports yet',
    reports: { summary: 'Service summary', tickets: 'Ticket list', sla: 'SLA compliance' },
    frequencies: { daily: 'Daily (the day before)', weekly: 'Mondays (last week)', monthly: 'On the 1st (last month)' },
    hourLabel: '{h}:00',
  },
  monthlyReport: {
    service: 'Service', title: 'Monthly service report', store: 'Store', month: 'Month', print: 'Print', download: 'Download Excel',
    heading: '{store} monthly service report {month}', overview: 'Overview', contacts: 'Contacts (tickets created)',
    previous: 'Previous month', change: 'Change', open: 'Open tickets (now)', overdue: 'Overdue tickets (now)',
    byType: 'By type', byChannel: 'By channel', sla: 'SLA compliance', metric: 'Metric', total: 'Total', met: 'Met',
    missed: 'Missed', rate: 'Rate', nps: 'NPS', npsNone: 'No NPS answers this month', returns: 'Returns',
    refunded: 'Refunded', complaintCauses: 'Complaint causes (by category)', returnReasons: 'Return reasons',
    uncategorized: 'Uncategorised', current: 'This month', signature: 'Store manager\'s signature', date: 'Date',
    generated: 'Generated {at}', metrics: { first_response: 'First response', resolution: 'Resolution', callback: 'Callback' },
    empty: 'No data',
  },
};
