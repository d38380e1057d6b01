export default {
  app: { title: 'kefu 客服工作台', short: 'kefu 客服' },
  common: {
    save: '保存', cancel: '取消', confirm: '确定', create: '新建', edit: '编辑', delete: '删除', refresh: '刷新', loading: '加载中…',
    empty: '暂无数据', more: '加载更多', noMore: '没有更多了', search: '搜索', reset: '重置', actions: '操作', yes: '是', no: '否',
    all: '全部', none: '无', copy: '复制', copied: '已复制', open: '打开', saved: '已保存', back: '返回', add: '添加', remove: '移除',
    name: '名称', code: '编码', yuan: '元', minutes: '分钟', reason: '原因', note: '备注', close: '关闭', colon: '：',
    language: '语言', unknown: '未知',
  },
  errors: { network: '网络错误，请稍后再试', required: '必填' },
  nav: { admin: '管理', logout: '退出登录', notifications: '通知', newNotification: '新通知' },
};
