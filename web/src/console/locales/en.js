export default {
  app: { title: 'kefu service console', short: 'kefu' },
  common: {
    save: 'Save', cancel: 'Cancel', confirm: 'OK', create: 'New', edit: 'Edit', delete: 'Delete',
    refresh: 'Refresh', loading: 'Loading…', empty: 'No data', more: 'Load more', noMore: 'No more',
    search: 'Search', reset: 'Reset', actions: 'Actions', yes: 'Yes', no: 'No', all: 'All', none: 'None',
    copy: 'Copy', copied: 'Copied', open: 'Open', saved: 'Saved', back: 'Back', add: 'Add', remove: 'Remove',
    name: 'Name', code: 'Code', yuan: 'CNY', minutes: 'minutes', reason: 'Reason', note: 'Note', close: 'Close',
    colon: ': ', language: 'Language', unknown: 'Unknown',
  },
  errors: { network: 'Network error, please try again', required: 'Required' },
  roles: {
    agent: 'Agent', dept_head: 'Department head', supervisor: 'Supervisor', manager: 'Manager', admin: 'Admin',
  },
  types: {
    inquiry: 'Inquiry', complaint: 'Complaint', return: 'Return/exchange', lost_found: 'Lost & found',
    service_request: 'Service request', suggestion: 'Suggestion', praise: 'Praise',
  },
  channels: {
    service_desk: 'Service desk', floor_desk: 'Floor desk', brand_counter: 'Brand counter', cashier: 'Cashier',
    hotline: 'Hotline', app: 'App/web', social_media: 'Social media', comment_box: 'Comment box',
    bot_handoff: 'Bot handoff', email: 'Email',
  },
  priorities: { P1: 'P1 urgent', P2: 'P2 high', P3: 'P3 medium', P4: 'P4 low' },
  statuses: {
    new: 'New', in_progress: 'In progress', waiting_customer: 'Waiting on customer',
    waiting_internal: 'Waiting on internal', resolved: 'Resolved', closed: 'Closed',
  },
  taskStatuses: { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
  tiers: { normal: 'Standard', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' },
  care: { elderly: 'Elderly', disabled: 'Disabled', pregnant: 'Pregnant' },
  kinds: {
    refund: 'Refund', exchange: 'Exchange', repair: 'Repair', compensation: 'Compensation', apology: 'Apology',
    explanation: 'Explanation',
  },
  compensations: { coupon: 'Coupon', points: 'Points', cash: 'Cash' },
  resolutionStatus: { applied: 'Applied', pending: 'Pending approval', rejected: 'Rejected' },
  outcomes: { satisfied: 'Satisfied', not_satisfied: 'Not satisfied', unreachable: 'Unreachable' },
  metrics: { first_response: 'First response', resolution: 'Resolution', callback: 'Callback' },
  deptKinds: {
    desk: 'Desk', floor: 'Floor', brand_counter: 'Brand counter', security: 'Security', parking: 'Parking',
    property: 'Property', cashier: 'Cashier', member_center: 'Member centre', other: 'Other',
  },
  nav: {
    admin: 'Admin', logout: 'Sign out', notifications: 'Notifications', newNotification: 'New notification',
  },
};
