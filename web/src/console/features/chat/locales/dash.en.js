export default {
  chatDash: { title: 'Live chat', conversations: 'Conversations', wait: 'Avg wait', firstReply: 'Avg first reply', handling: 'Avg handling time', abandoned: 'Abandoned', rating: 'Rating', pickStore: 'Pick a store to see it' },
};
