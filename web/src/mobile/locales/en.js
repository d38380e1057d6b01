export default { app: { title: 'Customer service' } };
