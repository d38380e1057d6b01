import { describe, it, expect } from 'vitest';
import zh from '../../src/console/locales/zh-CN.js';
import en from '../../src/console/locales/en.js';

function keys(o, prefix = '') {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? keys(v, prefix + k + '.') : [prefix + k],
  );
}

describe('console locales', () => {
  it('zh-CN and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
});
