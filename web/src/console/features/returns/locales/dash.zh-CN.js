export default { returnsDash: { total: '退货 {n} 笔，{units} 件', rate: '退货率 {rate}%' } };
