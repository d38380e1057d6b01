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
  nav: {
    admin: 'Admin', logout: 'Sign out', notifications: 'Notifications', newNotification: 'New notification',
  },
};
