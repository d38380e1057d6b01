export default {
  app: { title: 'kefu 客服工作台' },
  login: { title: '登录', username: '用户名', password: '密码', submit: '登录' },
};
