export default { returnsDash: { total: '{n} returns, {units} items', rate: 'return rate {rate}%' } };
