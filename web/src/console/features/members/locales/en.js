export default {
  member: {
    memberNo: 'Member no.', phone: 'Phone', birthday: 'Birthday', care: 'Care flags', tickets: 'All tickets',
    homeStore: 'Home store', since: 'Member since',
  },
};
