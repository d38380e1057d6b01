export default {
  member: {
    memberNo: '会员号', phone: '手机号', birthday: '生日', care: '关怀标记', needsCare: '需关怀', hidden: '仅主管及以上可见', tickets: '全部工单', homeStore: '所属门店', since: '注册时间',
  },
};
