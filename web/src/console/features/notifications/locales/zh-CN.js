export default {
  notifications: {
    title: '通知', markRead: '标为已读', markAllRead: '全部已读', unreadOnly: '只看未读', unread: '未读', openTicket: '打开工单',
    marked: '已标记 {n} 条为已读',
  },
};
