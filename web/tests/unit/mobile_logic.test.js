import { describe, it, expect, beforeEach } from 'vitest';
import {
  normalizePhone, isMobilePhone, validateSubmission, validateTrack, photoProblem, csatState, ticketState,
  rememberToken, recentTokens, LIMITS,
} from '../../src/mobile/logic.js';

describe('phone check (mirrors domain/people/phone.hpp)', () => {
  it('accepts the spellings customers type', () => {
    expect(normalizePhone('138 0013 8000')).toBe('13800138000');
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizePhone('008613800138000')).toBe('13800138000');
    expect(normalizePhone('１３８００１３８０００')).toBe('13800138000');
    expect(normalizePhone('(021) 6666 8888')).toBe('02166668888');
  });
  it('refuses what is not a number', () => {
    expect(normalizePhone('1380013800a')).toBeNull();
    expect(normalizePhone('1234')).toBeNull();
    expect(normalizePhone('12000138000')).toBeNull(); // 11 digits, 1 then 2: no such mobile
    expect(normalizePhone(undefined)).toBeNull();
  });
  it('asks for a mobile on the form', () => {
    expect(isMobilePhone('139 1234 5678')).toBe(true);
    expect(isMobilePhone('021 6666 8888')).toBe(false);
  });
});

describe('submission and tracking checks', () => {
  const good = { type: 'complaint', store_id: 1, subject: '排队太久', description: '等了四十分钟', name: '', phone: '13912345678' };
  it('passes a complete form', () => expect(validateSubmission(good)).toEqual({}));
  it('names each missing or bad field', () => {
    expect(validateSubmission({ ...good, type: 'return', store_id: null, subject: ' ', phone: '' })).toEqual({
      type: 'err.type', store: 'err.store', subject: 'err.required', phone: 'err.required',
    });
    expect(validateSubmission({ ...good, phone: '12345' }).phone).toBe('err.phone');
    expect(validateSubmission({ ...good, store_id: null, store_code: 'SH01' })).toEqual({});
  });
  it('counts characters, not UTF-16 units', () => {
    expect(validateSubmission({ ...good, subject: '字'.repeat(LIMITS.subject) })).toEqual({});
    expect(validateSubmission({ ...good, subject: '字'.repeat(LIMITS.subject + 1) }).subject).toBe('err.too_long');
    expect(validateSubmission({ ...good, description: '😀'.repeat(LIMITS.description) })).toEqual({});
  });
  it('checks the ticket number and phone before tracking', () => {
    expect(validateTrack({ number: 'KF261122000123', phone: '13912345678', code: '7kq-3md' })).toEqual({});
    expect(validateTrack({ number: '123', phone: 'abc', code: '' })).toEqual({
      number: 'err.number', phone: 'err.phone', code: 'err.required',
    });
    expect(validateTrack({ number: 'KF261122000123', phone: '13912345678', code: 'AB0CDE' })).toEqual({ code: 'err.code' });
  });
  it('keeps only images the server takes, up to 10 MiB', () => {
    expect(photoProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(photoProblem({ type: 'image/heic', size: 1000 })).toBe('err.photo_type');
    expect(photoProblem({ type: 'image/jpeg', size: 10 * 1024 * 1024 + 1 })).toBe('err.photo_size');
  });
});

describe('CSAT page state from the API', () => {
  it('maps the error codes', () => {
    expect(csatState({ errorCode: 'link_expired' })).toBe('expired');
    expect(csatState({ errorCode: 'invalid_link' })).toBe('invalid');
    expect(csatState({ errorCode: 'already_rated' })).toBe('rated');
    expect(csatState({ errorCode: 'http_502' })).toBe('error');
  });
  it('shows the form or the rating from the view', () => {
    expect(csatState({})).toBe('loading');
    expect(csatState({ view: { rated: false } })).toBe('form');
    expect(csatState({ view: { rated: true, rating: { rating: 4 } } })).toBe('rated');
  });
  it('maps the ticket page errors the same way', () => {
    expect(ticketState(null)).toBe('ok');
    expect(ticketState('link_expired')).toBe('expired');
    expect(ticketState('invalid_link')).toBe('invalid');
    expect(ticketState('internal')).toBe('error');
  });
});

describe('access tokens in sessionStorage', () => {
  beforeEach(() => sessionStorage.clear());
  it('remembers the token per ticket number', () => {
    rememberToken('KF1', 'a.b.c');
    rememberToken('KF2', 'd.e.f');
    expect(recentTokens()).toEqual({ KF1: 'a.b.c', KF2: 'd.e.f' });
  });
  it('survives garbage', () => {
    sessionStorage.setItem('kefu.mobile.tokens', '[1,2');
    expect(recentTokens()).toEqual({});
  });
});
