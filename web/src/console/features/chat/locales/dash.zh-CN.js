export default {
  chatDash: { title: '在线客服', conversations: '会话', wait: '平均排队', firstReply: '平均首次回复', handling: '平均处理时长', abandoned: '放弃', rating: '评价', pickStore: '请选择门店后查看' },
};
