import { describe, expect, it } from 'vitest';
import { formatTicketNumber, isValidPrefix, parseTicketNumber, quotaAllows } from '../../common/domain/numbering.js';

describe('ticket numbers', () => {
  it.each([
    ['A', 1, 'A001'],
    ['A', 12, 'A012'],
    ['B', 999, 'B999'],
    ['B', 1000, 'B1000'],
    ['AB', 7, 'AB007'],
  ])('%s + %i → %s', (prefix, seq, number) => {
    expect(formatTicketNumber(prefix, seq)).toBe(number);
  });

  it.each([0, -1, 1.5, Number.NaN])('sequence %s is refused', (seq) => {
    expect(() => formatTicketNumber('A', seq)).toThrow(RangeError);
  });

  it.each([
    ['A012', { prefix: 'A', seq: 12 }],
    [' a012 ', { prefix: 'A', seq: 12 }],
    ['AB1000', { prefix: 'AB', seq: 1000 }],
    ['A12', null],
    ['A000', null],
    ['012', null],
    ['ABC001', null],
  ])('parse %j → %j', (text, parsed) => {
    expect(parseTicketNumber(text)).toEqual(parsed);
  });

  it.each([
    ['A', true],
    ['ZZ', true],
    ['a', false],
    ['ABC', false],
    ['1', false],
    ['', false],
  ])('prefix %j valid: %s', (prefix, valid) => {
    expect(isValidPrefix(prefix)).toBe(valid);
  });

  it.each([
    [null, 10_000, true],
    [200, 199, true],
    [200, 200, false],
    [0, 0, false],
  ])('quota %s with %i issued allows another: %s', (quota, issued, allowed) => {
    expect(quotaAllows(quota, issued)).toBe(allowed);
  });
});
