export default { npsDash: { title: '净推荐值（NPS）', responses: '回答', small: '样本不足 {n}', split: '推荐 / 中立 / 贬损' } };
