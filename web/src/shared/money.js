// Money in the UI is yuan (元, two decimals); the API speaks fen (分, integers).
// yuanToFen('12.5') → 1250; bad input → null (so forms can refuse it).
export function yuanToFen(value) {
  if (value === null || value === undefined) return null;
  const s = String(value).trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  if (!/^\d+(\.\d{0,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

// fenToYuan(1250) → "12.50"; exact for integers (no float rounding).
export function fenToYuan(fen) {
  const n = Math.round(Number(fen || 0));
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
