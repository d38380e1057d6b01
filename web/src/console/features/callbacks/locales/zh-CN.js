export default {
  callbacks: {
    title: '回访', note: '回访记录', record: '记录回访', csat: '满意度', csatLink: '生成评价链接', csatRating: '顾客评分：{rating} 星',
    csatComment: '评价', csatNone: '尚未评价', expiresAt: '有效期至',
  },
};
