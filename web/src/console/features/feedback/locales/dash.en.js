export default { npsDash: { title: 'Net Promoter Score', responses: 'Answers', small: 'fewer than {n}', split: 'Promoters / passives / detractors' } };
