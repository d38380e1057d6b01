export default { app: { title: '顾客服务' } };
