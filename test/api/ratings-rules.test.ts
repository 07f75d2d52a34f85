/**
 * The content rules of a rating, as a table (pure, no server): level 1–5; a 差评 needs a reason
 * from the hall's list, or "其他" with a comment; good ratings carry no reasons.
 */
import { describe, expect, it } from 'vitest';
import { checkRatingContent } from '../../server/services/rating-service.js';

describe('rating content rules (pure)', () => {
  const reasons = ['服务态度差', '办理效率低'];
  it.each([
    [
      { level: 5, reasons: [], comment: '' },
      { reasons: [], comment: '' },
    ],
    [
      { level: 3, reasons: [], comment: ' 还行 ' },
      { reasons: [], comment: '还行' },
    ],
    [
      { level: 2, reasons: ['服务态度差', '服务态度差'], comment: '' },
      { reasons: ['服务态度差'], comment: '' },
    ],
    [
      { level: 1, reasons: ['其他'], comment: '窗口无人' },
      { reasons: ['其他'], comment: '窗口无人' },
    ],
  ])('accepts %j', (input, expected) => {
    expect(checkRatingContent(input, reasons)).toEqual(expected);
  });
  it.each([
    [{ level: 0, reasons: [], comment: '' }, 'rating_level_invalid'],
    [{ level: 2.5, reasons: [], comment: '' }, 'rating_level_invalid'],
    [{ level: 2, reasons: [], comment: '很差' }, 'rating_reason_required'],
    [{ level: 1, reasons: ['不认识的原因'], comment: '' }, 'rating_reason_unknown'],
    [{ level: 1, reasons: ['其他'], comment: '   ' }, 'rating_comment_required'],
    [{ level: 5, reasons: ['办理效率低'], comment: '' }, 'rating_reasons_bad_only'],
  ])('refuses %j with %s', (input, code) => {
    expect(() => checkRatingContent(input, reasons)).toThrow(expect.objectContaining({ code }));
  });
});
