export default {
  dashboard: {
    title: 'Dashboard', today: 'Today\'s contacts', byType: 'By type', byChannel: 'By channel',
    open: 'Open tickets', overdue: 'Overdue tickets', noData: 'No data', menu: 'Reports / dashboard',
  },
};
