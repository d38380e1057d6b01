export default {
  app: { title: 'kefu service console' },
  login: { title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in' },
};
