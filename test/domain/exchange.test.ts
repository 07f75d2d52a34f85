/**
 * The rules of the 好差评 exchange (common/domain/exchange.ts, docs/rating-exchange.md) as tables:
 * retries and giving up, acknowledgements, the codes a hall and a 办件 carry, masking, and what
 * a rating and a case step say to the provincial platform.
 */
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  caseMessageData,
  GIVE_UP_AFTER_MS,
  isAcknowledged,
  isCaseNumber,
  isoWithOffset,
  isOrgCode,
  isRegionCode,
  isServiceCode,
  maskIdNumber,
  maskName,
  maskPhone,
  ratingMessageData,
  retryDelayMs,
} from '../../common/domain/exchange.js';

const MIN = 60_000;

describe('retries', () => {
  it.each([
    // attempts failed so far, random, delay
    [1, 0.5, 30_000],
    [2, 0.5, 60_000],
    [3, 0.5, 120_000],
    [7, 0.5, 1_920_000],
    [8, 0.5, 3_600_000], // 30 s × 2⁷ is past an hour: capped
    [20, 0.5, 3_600_000],
    [1, 0, 15_000],
    [1, 0.999, 44_970],
    [20, 0, 1_800_000],
  ])('after %i failed attempts (random %f) the next waits %i ms', (attempts, random, delay) => {
    expect(retryDelayMs(attempts, random)).toBe(delay);
  });

  it('never waits less than half or more than one and a half times the doubled delay, capped at an hour', () => {
    for (let attempts = 1; attempts < 30; attempts++) {
      const base = Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
      for (const random of [0, 0.25, 0.5, 0.75, 0.9999]) {
        const d = retryDelayMs(attempts, random);
        expect(d).toBeGreaterThanOrEqual(base * 0.5);
        expect(d).toBeLessThan(base * 1.5);
      }
    }
  });

  it.each([
    ['made now, first failure', 0, 1, { dead: false, nextAttemptAt: 30_000 }],
    ['23 h 50 min old, a 15-minute wait would pass 24 h', 23 * 60 * MIN + 50 * MIN, 6, { dead: true }],
    ['23 h old, 30 s wait', 23 * 60 * MIN, 1, { dead: false, nextAttemptAt: 23 * 60 * MIN + 30_000 }],
  ])('%s', (_name, now, attempts, expected) => {
    expect(afterFailure({ createdAt: 0, attempts }, now, 0.5)).toEqual(expected);
  });

  it('gives up exactly after 24 hours', () => {
    expect(GIVE_UP_AFTER_MS).toBe(24 * 3600_000);
    expect(afterFailure({ createdAt: 0, attempts: 1 }, GIVE_UP_AFTER_MS - 30_000, 0.5)).toEqual({
      dead: false,
      nextAttemptAt: GIVE_UP_AFTER_MS,
    });
    expect(afterFailure({ createdAt: 0, attempts: 1 }, GIVE_UP_AFTER_MS - 29_999, 0.5)).toEqual({ dead: true });
  });

  it.each([
    [200, true],
    [201, true],
    [204, true],
    [299, true],
    [409, true],
    [300, false],
    [301, false],
    [400, false],
    [401, false],
    [404, false],
    [429, false],
    [500, false],
    [503, false],
  ])('status %i acknowledges: %s', (status, acknowledged) => {
    expect(isAcknowledged(status)).toBe(acknowledged);
  });
});

describe('times in the hall’s offset', () => {
  it.each([
    [Date.UTC(2026, 11, 7, 2, 15, 2, 113), 'Asia/Shanghai', '2026-12-07T10:15:02.113+08:00'],
    [Date.UTC(2026, 11, 6, 16, 0, 0, 0), 'Asia/Shanghai', '2026-12-07T00:00:00.000+08:00'],
    [Date.UTC(2026, 6, 7, 2, 15, 2, 5), 'America/New_York', '2026-07-06T22:15:02.005-04:00'],
    [Date.UTC(2026, 0, 7, 2, 15, 2, 5), 'America/New_York', '2026-01-06T21:15:02.005-05:00'],
    [Date.UTC(2026, 0, 1, 0, 0, 59, 999), 'Asia/Kolkata', '2026-01-01T05:30:59.999+05:30'],
    [Date.UTC(2026, 0, 1, 0, 0, 0, 0), 'UTC', '2026-01-01T00:00:00.000+00:00'],
  ])('%i in %s is %s', (ms, tz, iso) => {
    expect(isoWithOffset(ms, tz)).toBe(iso);
    expect(Date.parse(iso)).toBe(ms);
  });
});

describe('codes', () => {
  it.each([
    ['11410822MB1527296H4000117000', true],
    ['000101001000', true],
    ['XK00101-00Y', true],
    ['1234567', false], // too short
    ['a1234567', false], // lower case
    ['-12345678', false], // starts with a hyphen
    ['12345678-', false],
    ['1234 5678', false],
    ['事项12345678', false],
    ['1'.repeat(40), true],
    ['1'.repeat(41), false],
  ])('事项编码 %s well-formed: %s', (code, ok) => {
    expect(isServiceCode(code)).toBe(ok);
  });

  it.each([
    ['BJ2026120700001', true],
    ['411423-20261207-0001', true],
    ['a_b', true],
    ['', false],
    ['_start', false],
    ['有中文', false],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
  ])('办件编号 %s well-formed: %s', (number, ok) => {
    expect(isCaseNumber(number)).toBe(ok);
  });

  it.each([
    ['410822000000', true],
    ['410822100201', true],
    ['410822', false],
    ['4108220000001', false],
    ['41082200000A', false],
  ])('行政区划代码 %s: %s', (code, ok) => {
    expect(isRegionCode(code)).toBe(ok);
  });

  // 91350100M000100Y43 is the example of GB 32100; the others are it with one character changed.
  it.each([
    ['91350100M000100Y43', true],
    ['11410822MB1527296H', true],
    ['91350100M000100Y44', false],
    ['91350100M000100Y4', false],
    ['91350100M000100Y43X', false],
    ['91350100M000100I43', false], // I is not in the alphabet
    ['91350100m000100Y43', false],
    ['81350100M000100Y43', false],
  ])('统一社会信用代码 %s: %s', (code, ok) => {
    expect(isOrgCode(code)).toBe(ok);
  });
});

describe('masking', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张*丰'],
    ['欧阳小锋', '欧**锋'],
    ['李', '李'],
    ['  王小明 ', '王*明'],
    ['', ''],
  ])('name %s is stored as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['110101199003071234', '110***********1234'],
    ['11010119900307123x', '110***********123X'],
    ['110101900307123', '110********7123'],
  ])('ID number %s is stored as %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
    expect(masked).toHaveLength(id.length);
  });

  it.each(['12345', '11010119900307123', '1101011990030712345', '11010119900307123Y', 'abcdefghijklmnopqr'])(
    'ID number %s is refused',
    (id) => {
      expect(() => maskIdNumber(id)).toThrow(expect.objectContaining({ code: 'id_number_invalid', statusCode: 400 }));
    },
  );

  it('a phone number shows its first 3 and last 4 digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('12')).toBe('****');
  });
});

describe('messages', () => {
  const rating = {
    id: 41,
    level: 2,
    reasons: ['态度不好'],
    comment: '不耐烦',
    channel: 'pad' as const,
    createdAt: Date.UTC(2026, 11, 7, 2, 15, 2, 113),
  };
  const base = {
    rating,
    ticketNumber: 'A012',
    service: { name: '社保卡补换', code: null, department: null },
    caseFiles: [],
    windowNumber: '3',
    clerkNo: '0007',
    timezone: 'Asia/Shanghai',
  };

  it('a rating without 办件 names its service and has no case numbers', () => {
    expect(ratingMessageData(base)).toEqual({
      ratingId: 41,
      level: 2,
      levelName: '不满意',
      reasons: ['态度不好'],
      comment: '不耐烦',
      channel: 'pad',
      ratedAt: '2026-12-07T10:15:02.113+08:00',
      ticketNumber: 'A012',
      serviceCode: '',
      serviceName: '社保卡补换',
      caseNumbers: [],
      windowNumber: '3',
      clerkNo: '0007',
      department: '',
    });
  });

  it('a 一件事 of several 办件 is one rating carrying every case number; the first names the 事项', () => {
    const data = ratingMessageData({
      ...base,
      service: { name: '社保卡补换', code: 'LOCAL-CODE-01', department: '县社保中心' },
      caseFiles: [
        { caseNumber: 'BJ001', serviceCode: 'CODE00000001', serviceName: '城乡居民养老保险参保登记', department: '县人社局' },
        { caseNumber: 'BJ002', serviceCode: 'CODE00000002', serviceName: '社会保障卡申领', department: '县社保中心' },
      ],
    });
    expect(data).toMatchObject({
      caseNumbers: ['BJ001', 'BJ002'],
      serviceCode: 'CODE00000001',
      serviceName: '城乡居民养老保险参保登记',
      department: '县人社局',
    });
  });

  it.each([
    [5, '非常满意'],
    [4, '满意'],
    [3, '基本满意'],
    [2, '不满意'],
    [1, '非常不满意'],
  ])('level %i is called %s', (level, name) => {
    expect(ratingMessageData({ ...base, rating: { ...rating, level } }).levelName).toBe(name);
  });

  it('a missing clerk number and window are null, not empty', () => {
    expect(ratingMessageData({ ...base, clerkNo: '', windowNumber: null })).toMatchObject({ clerkNo: null, windowNumber: null });
  });

  it('a case step carries the 回访 result or the appeal decision only when it has one', () => {
    const at = Date.UTC(2026, 11, 8, 1, 0, 0, 0);
    const common = { caseId: 9, ratingId: 41, at, note: '已电话回访', deadline: '2026-12-14', timezone: 'Asia/Shanghai' };
    expect(caseMessageData({ ...common, step: 'rectify' })).toEqual({
      caseId: 9,
      ratingId: 41,
      step: 'rectify',
      at: '2026-12-08T09:00:00.000+08:00',
      note: '已电话回访',
      deadline: '2026-12-14',
    });
    expect(caseMessageData({ ...common, step: 'follow_up', result: { reached: true, satisfied: false } })).toMatchObject({
      result: { reached: true, satisfied: false },
    });
    expect(caseMessageData({ ...common, step: 'appeal_decided', appeal: { kind: 'malicious', approved: true } })).toMatchObject({
      appeal: { kind: 'malicious', approved: true },
    });
  });
});
