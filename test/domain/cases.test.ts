/**
 * The 差评 case workflow (common/domain/cases.ts): every step from every status, appeals and
 * their decisions, overdue.
 */
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type AppealStatus, type CaseStatus } from '../../common/vocabulary.js';
import {
  applyAppeal,
  applyCaseStep,
  CASE_ACTIONS,
  decideAppeal,
  isOverdue,
  nextAction,
  type CaseAction,
} from '../../common/domain/cases.js';

const LEGAL: Record<CaseAction, [CaseStatus, CaseStatus]> = {
  rectify: ['open', 'rectifying'],
  reply: ['rectifying', 'replied'],
  follow_up: ['replied', 'followed_up'],
  close: ['followed_up', 'closed'],
};

describe('steps', () => {
  for (const status of CASE_STATUSES) {
    for (const action of CASE_ACTIONS) {
      const [from, to] = LEGAL[action];
      if (status === from) {
        it(`${status} --${action}--> ${to}`, () => {
          expect(applyCaseStep({ status, appealStatus: 'none' }, action, '已处理')).toEqual({ status: to, appealStatus: 'none' });
        });
      } else {
        it(`${status} refuses ${action}`, () => {
          const code = status === 'closed' ? 'case_closed' : 'case_illegal_step';
          expect(() => applyCaseStep({ status, appealStatus: 'none' }, action, '已处理')).toThrow(
            expect.objectContaining({ statusCode: 409, code }),
          );
        });
      }
    }
  }

  it('every step needs a note', () => {
    expect(() => applyCaseStep({ status: 'open', appealStatus: 'none' }, 'rectify', '  ')).toThrow(
      expect.objectContaining({ statusCode: 400, code: 'case_note_required' }),
    );
  });

  it('a refused step names the next one, in Chinese and English', () => {
    try {
      applyCaseStep({ status: 'rectifying', appealStatus: 'none' }, 'close', 'x');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        messageZh: expect.stringContaining('下一步应为“答复群众”'),
        messageEn: expect.stringContaining('"reply"'),
        details: { next: 'reply' },
      });
    }
  });

  it.each([
    ['open', 'rectify'],
    ['rectifying', 'reply'],
    ['replied', 'follow_up'],
    ['followed_up', 'close'],
    ['closed', null],
  ] as const)('next action of %s is %s', (status, action) => {
    expect(nextAction(status)).toBe(action);
  });
});

describe('appeals', () => {
  it.each([
    ['none', 'pending'],
    ['rejected', 'pending'],
  ] as [AppealStatus, AppealStatus][])('an appeal from %s goes %s, the case keeps its status', (appealStatus, to) => {
    expect(applyAppeal({ status: 'rectifying', appealStatus }, '群众误触')).toEqual({ status: 'rectifying', appealStatus: to });
  });

  it.each([
    ['pending', 'appeal_pending'],
    ['approved', 'appeal_decided'],
  ] as [AppealStatus, string][])('no second appeal while %s', (appealStatus, code) => {
    expect(() => applyAppeal({ status: 'open', appealStatus }, 'x')).toThrow(expect.objectContaining({ code }));
  });

  it('no appeal on a closed case, nor one without a reason', () => {
    expect(() => applyAppeal({ status: 'closed', appealStatus: 'none' }, 'x')).toThrow(expect.objectContaining({ code: 'case_closed' }));
    expect(() => applyAppeal({ status: 'open', appealStatus: 'none' }, ' ')).toThrow(
      expect.objectContaining({ code: 'appeal_reason_required' }),
    );
  });

  it('approved: the case closes and the rating leaves statistics', () => {
    expect(decideAppeal({ status: 'replied', appealStatus: 'pending' }, true, '经核实为误评')).toEqual({
      status: 'closed',
      appealStatus: 'approved',
      excludeRating: true,
    });
  });

  it('rejected: the case goes on where it was, the rating counts', () => {
    expect(decideAppeal({ status: 'replied', appealStatus: 'pending' }, false, '证据不足')).toEqual({
      status: 'replied',
      appealStatus: 'rejected',
      excludeRating: false,
    });
  });

  it('only a pending appeal is decided, with a note', () => {
    expect(() => decideAppeal({ status: 'open', appealStatus: 'none' }, true, 'x')).toThrow(
      expect.objectContaining({ code: 'no_pending_appeal' }),
    );
    expect(() => decideAppeal({ status: 'open', appealStatus: 'pending' }, true, '')).toThrow(
      expect.objectContaining({ code: 'case_note_required' }),
    );
  });
});

describe('overdue', () => {
  it.each([
    ['open', '2026-11-30', '2026-11-30', false], // the deadline day itself is still in time
    ['open', '2026-11-30', '2026-12-01', true],
    ['followed_up', '2026-11-30', '2026-12-05', true],
    ['closed', '2026-11-30', '2026-12-05', false],
  ] as [CaseStatus, string, string, boolean][])('%s due %s on %s: %s', (status, deadline, today, overdue) => {
    expect(isOverdue({ status, deadline }, today)).toBe(overdue);
  });
});
