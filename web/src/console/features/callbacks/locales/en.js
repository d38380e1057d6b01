export default {
  callbacks: {
    title: 'Callback', note: 'Note', record: 'Record callback', csat: 'Satisfaction',
    csatLink: 'Create rating link', csatRating: 'Customer rating: {rating} stars', csatComment: 'Comment',
    csatNone: 'Not rated yet', expiresAt: 'Expires',
  },
};
