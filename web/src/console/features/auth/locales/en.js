export default {
  login: { title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in' },
};
