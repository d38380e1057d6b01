export default {
  kpi: {
    title: 'Staff KPIs', mine: 'My KPI', store: 'Store', month: 'Month', people: 'People', departments: 'Departments', rules: 'Rules',
    exportCsv: 'Export CSV', rank: 'Rank', staff: 'Staff', department: 'Department', score: 'Score', previous: 'Last month', bonus: 'Service bonus',
    bonusTotal: 'Bonus total: ¥{amount}', noDepartment: '(no department)', members: 'People', noScore: 'Not scored',
    rulesSource: { store: "Store's rules", chain: 'Chain rules', default: 'Default rules' },
    qaMissing: 'No QA scores yet: their weight goes to the other measures',
    why: 'How it was computed', parts: 'Score parts', value: 'Actual', target: 'Target', weight: 'Weight', points: 'Points',
    rankOf: 'Rank {rank} of {n}', notOnSheet: 'You are not on this month\'s sheet', tickets: 'Tickets', chats: 'Chats',
    ratings: 'Ratings', upheld: 'Upheld complaints', partly: 'Partly upheld', praise: 'Praise',
    trend: { up: 'Up on last month', down: 'Down on last month', same: 'Same as last month' },
  },
  kpiRules: {
    title: 'KPI and bonus rules', scope: 'Applies to', chainWide: 'Whole chain', weights: 'Weights and targets', weightTotal: 'Total weight: {total}',
    bonus: 'Service bonus', mode: 'Mode', modeBase: 'Base per person', modePool: 'Shared pool', base: 'Base (CNY)', pool: 'Pool (CNY)',
    bands: 'Score bands', minScore: 'Minimum score', percent: 'Percent', addBand: 'Add band', perPraise: 'Per praise (CNY)',
    perComplaint: 'Per upheld complaint (CNY)', cap: 'Cap per person (CNY, 0 = none)', save: 'Save rules', saved: 'Rules saved',
    badMoney: 'Not an amount: {what}',
  },
  staffRecords: {
    title: 'Staff named', none: 'Nobody named', record: 'Name staff', about: 'Staff', summary: 'Summary', add: 'Record',
    pending: 'Pending review', review: 'Review', outcome: 'Outcome', responsibility: 'Responsibility', action: 'Action', notes: 'Notes',
    reviewedBy: 'Reviewed by', countsAgainst: 'Counts on the KPI sheet', submit: 'Submit review', complaint: 'Complaint', praise: 'Praise',
    onlyTypes: 'Only complaint and praise tickets name staff',
  },
  cases: {
    title: 'Case library', search: 'Search titles, lessons, tags', kind: 'Kind', all: 'All', tag: 'Tag', empty: 'No cases yet',
    lesson: 'Lesson', story: 'Story (customer removed)', add: 'Add to case library', titleField: 'Title', tags: 'Tags',
    tagsHint: 'Enter to add, at most 10', save: 'Save', saved: 'Added to the case library', edit: 'Edit', back: 'Back to the library',
    source: 'Source', ticket: 'Ticket', conversation: 'Chat', preview: 'Preview the story', createdBy: 'Written by', more: 'Load more',
  },
};
