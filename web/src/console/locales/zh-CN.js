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
  roles: { agent: '客服专员', dept_head: '部门负责人', supervisor: '主管', manager: '经理', admin: '管理员' },
  types: {
    inquiry: '咨询', complaint: '投诉', return: '退换货', lost_found: '失物招领', service_request: '便民服务', suggestion: '建议',
    praise: '表扬',
  },
  channels: {
    service_desk: '总服务台', floor_desk: '楼层服务台', brand_counter: '品牌专柜', cashier: '收银台', hotline: '客服热线',
    app: 'APP/网页', social_media: '社交媒体', comment_box: '意见箱', bot_handoff: '智能客服转人工', email: '电子邮件',
  },
  priorities: { P1: 'P1 紧急', P2: 'P2 高', P3: 'P3 中', P4: 'P4 低' },
  statuses: {
    new: '新建', in_progress: '处理中', waiting_customer: '待顾客回复', waiting_internal: '待内部协办', resolved: '已办结',
    closed: '已关闭',
  },
  taskStatuses: { open: '待处理', in_progress: '处理中', done: '已完成', cancelled: '已取消' },
  tiers: { normal: '普通会员', silver: '银卡', gold: '金卡', platinum: '白金卡' },
  care: { elderly: '老人', disabled: '残障', pregnant: '孕妇' },
  kinds: {
    refund: '退款', exchange: '换货', repair: '维修', compensation: '补偿', apology: '致歉', explanation: '解释说明',
  },
  compensations: { coupon: '券', points: '积分', cash: '现金' },
  resolutionStatus: { applied: '已生效', pending: '待审批', rejected: '已驳回' },
  outcomes: { satisfied: '满意', not_satisfied: '不满意', unreachable: '联系不上' },
  metrics: { first_response: '首次响应', resolution: '办结', callback: '回访' },
  deptKinds: {
    desk: '服务台', floor: '楼层', brand_counter: '品牌专柜', security: '保安', parking: '停车场', property: '物业', cashier: '收银',
    member_center: '会员中心', other: '其他',
  },
  nav: { admin: '管理', logout: '退出登录', notifications: '通知', newNotification: '新通知' },
};
