export default {
  notifications: {
    title: 'Notifications', markRead: 'Mark read', markAllRead: 'Mark all read', unreadOnly: 'Unread only',
    unread: 'Unread', openTicket: 'Open ticket', marked: '{n} marked read',
  },
};
