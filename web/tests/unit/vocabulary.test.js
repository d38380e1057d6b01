// The vocabulary comes from the server (src/shared/vocabulary.json, generated from the C++
// source); shared/vocab.js only reads it, and no locale file keeps its labels by hand.
import { describe, it, expect } from 'vitest';
import vocabulary from '../../src/shared/vocabulary.json';
import * as V from '../../src/shared/vocab.js';
import consoleZh from '../../src/console/locales/zh-CN.js';
import consoleEn from '../../src/console/locales/en.js';
import { messages as consoleMessages } from '../../src/console/i18n.js';
import mobileZh from '../../src/mobile/locales/zh-CN.js';
import mobileEn from '../../src/mobile/locales/en.js';
import { messages as mobileMessages } from '../../src/mobile/i18n.js';
import { TYPES as MOBILE_TYPES } from '../../src/mobile/logic.js';

const codes = (list) => list.map((x) => x.code);
const keys = (o, prefix = '') =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v, prefix + k + '.') : [prefix + k]));

describe('vocabulary.json', () => {
  it('has every list the pages use, each entry with a code and both labels', () => {
    for (const list of Object.keys(V.MESSAGE_NAMESPACES)) {
      expect(vocabulary[list], list).toBeInstanceOf(Array);
      expect(vocabulary[list].length, list).toBeGreaterThan(0);
      for (const e of vocabulary[list]) {
        expect(e.code, list).toMatch(/\S/);
        expect(e.zh, `${list} ${e.code}`).toMatch(/\S/);
        expect(e.en, `${list} ${e.code}`).toMatch(/\S/);
      }
      expect(new Set(codes(vocabulary[list])).size, list).toBe(vocabulary[list].length);
    }
  });

  it('names only known statuses and priorities in the rules', () => {
    for (const s of vocabulary.statuses) for (const n of s.next) expect(V.STATUSES, `${s.code} → ${n}`).toContain(n);
    for (const t of vocabulary.types) expect(V.PRIORITIES, t.code).toContain(t.default_priority);
    for (const p of vocabulary.priorities) expect(p.zh_short && p.en_short, p.code).toBeTruthy();
  });
});

describe('shared/vocab.js reads it', () => {
  it('lists the codes in the server order', () => {
    expect(V.TICKET_TYPES).toEqual(codes(vocabulary.types));
    expect(V.CHANNELS).toEqual(codes(vocabulary.channels));
    expect(V.STATUSES).toEqual(codes(vocabulary.statuses));
    expect(V.ROLES).toEqual(codes(vocabulary.roles));
    expect(V.SLA_METRICS).toEqual(codes(vocabulary.sla_metrics));
    expect(V.OPEN_STATUSES).toEqual(codes(vocabulary.statuses.filter((s) => s.open)));
    expect(V.MONEY_KINDS).toEqual(codes(vocabulary.resolution_kinds.filter((k) => k.money)));
    expect(V.ONLINE_CHANNELS).toEqual(codes(vocabulary.channels.filter((c) => c.online)));
  });

  it('answers the rules from it', () => {
    for (const s of vocabulary.statuses) expect([...V.nextStatuses(s.code)].sort()).toEqual([...s.next].sort());
    for (const s of vocabulary.statuses.filter((x) => x.open)) expect(V.nextStatuses(s.code)).toEqual(s.next);
    // A finished ticket: its other moves first, reopening last.
    for (const s of vocabulary.statuses.filter((x) => !x.open)) {
      const next = V.nextStatuses(s.code);
      const firstReopen = next.findIndex((n) => V.OPEN_STATUSES.includes(n));
      if (firstReopen >= 0) expect(next.slice(firstReopen).every((n) => V.OPEN_STATUSES.includes(n)), s.code).toBe(true);
    }
    for (const t of vocabulary.types) expect(V.defaultPriority(t.code)).toBe(t.default_priority);
    for (const c of vocabulary.channels) expect(V.isOnline(c.code)).toBe(!!c.online);
    expect(V.isOnline('bogus')).toBe(false);
    const [lowest, ...rest] = V.ROLES;
    for (const r of rest) expect(V.atLeast(lowest, r)).toBe(false);
    expect(V.atLeast(V.ROLES.at(-1), lowest)).toBe(true);
  });

  it('gives labels in a language, short ones where asked, the code when unknown', () => {
    const c = vocabulary.types[0];
    expect(V.label('types', c.code, 'zh-CN')).toBe(c.zh);
    expect(V.label('types', c.code, 'en')).toBe(c.en);
    const p = vocabulary.priorities[0];
    expect(V.label('priorities', p.code, 'en', { short: true })).toBe(p.en_short);
    expect(V.label('priorities', p.code, 'zh-CN')).toBe(p.zh);
    expect(V.label('types', 'bogus', 'en')).toBe('bogus');
  });

  it('makes the messages of every list, alike in both languages, priorities short', () => {
    const zh = V.vocabularyMessages('zh-CN');
    const en = V.vocabularyMessages('en');
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    expect(zh.types).toEqual(Object.fromEntries(vocabulary.types.map((t) => [t.code, t.zh])));
    expect(en.priorities).toEqual(Object.fromEntries(vocabulary.priorities.map((p) => [p.code, p.en_short])));
  });
});

describe('the pages take the labels from the vocabulary', () => {
  const namespaces = Object.values(V.MESSAGE_NAMESPACES);

  it('no console or mobile locale file keeps vocabulary labels by hand', () => {
    for (const file of [consoleZh, consoleEn, mobileZh, mobileEn]) {
      expect(Object.keys(file).filter((ns) => namespaces.includes(ns))).toEqual([]);
    }
  });

  it('both pages show them', () => {
    for (const m of [consoleMessages, mobileMessages]) {
      expect(m['zh-CN'].types).toEqual(V.vocabularyMessages('zh-CN').types);
      expect(m.en.statuses).toEqual(V.vocabularyMessages('en').statuses);
    }
  });

  it("the mobile page's own wording covers every ticket status, and its types are the server's", () => {
    expect(Object.keys(mobileZh.status).sort()).toEqual([...V.STATUSES].sort());
    for (const t of MOBILE_TYPES) expect(V.TICKET_TYPES).toContain(t);
  });

  it('the mobile locales have the same keys in both languages', () => {
    expect(keys(mobileEn).sort()).toEqual(keys(mobileZh).sort());
  });
});
