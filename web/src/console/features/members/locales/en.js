export default {
  member: {
    memberNo: 'Member no.', phone: 'Phone', birthday: 'Birthday', care: 'Care flags', needsCare: 'Needs care', hidden: 'Hidden (supervisors only)', tickets: 'All tickets',
    homeStore: 'Home store', since: 'Member since',
  },
};
