export default {
  member: {
    memberNo: 'Member no.', phone: 'Phone', birthday: 'Birthday', care: 'Care flags', needsCare: 'Needs care', hidden: 'Hidden (supervisors only)', tickets: 'All tickets',
    homeStore: 'Home store', since: 'Member since',
  },
  memberCard: { points: 'Points', value: 'Customer value', openTickets: 'Open tickets', lastPurchase: 'Last purchase', unavailable: 'Member details unavailable' },
  memberValue: {
    atRisk: 'At risk {amount}', reportTitle: 'Members at risk', total: 'Value at risk', members: 'Members at risk', checked: 'Members assessed', reasons: 'Top reasons',
    reason: { open_complaint: 'Open complaint', bad_rating: 'Bad rating', lapsing: 'Not seen for long' },
  },
  memberPage: {
    tabOverview: 'Overview', tabPurchases: 'Purchases', tabService: 'Service record',
    last12: 'Last 12 months', allTime: 'All time', lastVisit: 'Last visit', rhythm: 'Visit rhythm', spendPerVisit: 'Spend per visit', topCategories: 'Top categories',
    visitsN: '{n} visits', rhythmText: 'about every {median} days ({p25}–{p75})',
    valueTitle: 'Customer value', valueModel: 'Estimated over {years} years, {retention}% kept each year, {p}% likely still active.', priorStore: 'Few visits are shrunk towards the store’s members’ averages.', priorDefault: 'Few visits are shrunk towards default averages (the store has little member history yet).',
    wordOfMouth: 'Word of mouth: told to {n} people, about {amount} (shown only, not part of the value)',
    spend: 'Spend', visits: 'Visits', category: 'Category', search: 'Item or brand', filteredTotal: '{n} receipts, paid {amount}',
    item: 'Item', brand: 'Brand', quantity: 'Qty', paid: 'Paid', returnLine: 'Return', soldAt: 'Time', receipt: 'Receipt', score: '{n} points',
    kind: { ticket: 'Ticket', chat: 'Chat', feedback: 'Feedback', csat: 'CSAT', nps: 'NPS' },
  },
};
