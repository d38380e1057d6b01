// 自动质检规则: the editor's logic (phrases one a line, which parameters a kind uses, the
// request body) and where a rule in force comes from.
import { describe, it, expect } from 'vitest';
import { formOf, phrasesFrom, ruleBody, sourceOf, usesField } from '../../src/console/features/quality/lib/auto_rules.js';

describe('automatic quality rules in the console', () => {
  it('reads phrases one a line (or 、 / ，), trimmed, without blanks or repeats', () => {
    expect(phrasesFrom('爱买不买\n 你烦不烦 \n\n爱买不买')).toEqual(['爱买不买', '你烦不烦']);
    expect(phrasesFrom('您好、你好，欢迎')).toEqual(['您好', '你好', '欢迎']);
    expect(phrasesFrom('')).toEqual([]);
  });

  it('knows where a rule in force comes from', () => {
    expect(sourceOf({ id: null, store_id: null })).toBe('default');
    expect(sourceOf({ id: 3, store_id: null })).toBe('chain');
    expect(sourceOf({ id: 4, store_id: 2 })).toBe('store');
  });

  it('sends only the parameters of the kind; code, kind and store only when creating', () => {
    expect(usesField('reply_gap', 'phrases')).toBe(false);
    expect(usesField('missing_greeting', 'seconds')).toBe(true);
    const greeting = { id: null, code: 'greeting', kind: 'missing_greeting', name: '首句问候', phrases: ['您好'], seconds: 120, threshold: 0, severity: 'normal', enabled: true, version: 0 };
    const form = formOf(greeting);
    form.phrasesText += '\n欢迎光临';
    expect(ruleBody(form, { creating: true, storeId: 2 })).toEqual({
      code: 'greeting', kind: 'missing_greeting', store_id: 2, name: '首句问候', phrases: ['您好', '欢迎光临'], seconds: 120, threshold: 0,
      severity: 'normal', enabled: true,
    });
    const gap = formOf({ id: 5, code: 'reply_gap', kind: 'reply_gap', name: '间隔', phrases: [], seconds: 180, threshold: 0, severity: 'red_line', enabled: false, version: 3 });
    expect(ruleBody(gap, { creating: false, storeId: null })).toEqual({
      name: '间隔', phrases: [], seconds: 180, threshold: 0, severity: 'red_line', enabled: false, version: 3,
    });
    expect(ruleBody(formOf(null), { creating: true, storeId: null }).store_id).toBeUndefined();
  });
});
