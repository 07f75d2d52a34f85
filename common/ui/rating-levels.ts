/**
 * The five 好差评 levels as the pad and the phone (补评) show them (label, colour, face) and the
 * words of the bad-rating reasons. Levels follow the national standard: 5 非常满意 … 1 非常不满意;
 * 2 and 1 are 差评.
 */
import { msg } from '@lit/localize';
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { OTHER_RATING_REASON } from '../protocol.js';
import { isBadRating, RATING_LEVELS, type RatingLevel } from '../vocabulary.js';

export interface LevelDef {
  level: RatingLevel;
  label: () => string;
  /** For five faces side by side on a phone: the same words in Chinese, shorter ones in English. */
  shortLabel: () => string;
  /** Calm, distinct colours: green, blue, amber, orange, red. */
  colour: string;
}

const LEVEL_LABELS: Record<RatingLevel, () => string> = {
  5: () => msg('非常满意'),
  4: () => msg('满意'),
  3: () => msg('基本满意'),
  2: () => msg('不满意'),
  1: () => msg('非常不满意'),
};

const SHORT_LABELS: Record<RatingLevel, () => string> = {
  5: () => msg('非常满意', { id: 'level-short-5' }),
  4: () => msg('满意', { id: 'level-short-4' }),
  3: () => msg('基本满意', { id: 'level-short-3' }),
  2: () => msg('不满意', { id: 'level-short-2' }),
  1: () => msg('非常不满意', { id: 'level-short-1' }),
};

const LEVEL_COLOURS: Record<RatingLevel, string> = {
  5: '#11805a',
  4: '#2a7bb8',
  3: '#a87a06',
  2: '#c95f1a',
  1: '#b8322a',
};

export const LEVELS: readonly LevelDef[] = RATING_LEVELS.map((level) => ({
  level,
  label: () => LEVEL_LABELS[level](),
  shortLabel: () => SHORT_LABELS[level](),
  colour: LEVEL_COLOURS[level],
}));

/** Mouth curves from a broad smile (5) to a deep frown (1). */
const MOUTHS: Record<RatingLevel, string> = {
  5: 'M15 27 Q24 37 33 27',
  4: 'M16 29 Q24 34 32 29',
  3: 'M16 30 L32 30',
  2: 'M16 32 Q24 27 32 32',
  1: 'M15 34 Q24 25 33 34',
};

/** A friendly face for a level, drawn in `currentColor`. */
export function face(level: RatingLevel): SVGTemplateResult {
  return svg`<svg viewBox="0 0 48 48" aria-hidden="true" class="face">
    <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" stroke-width="3" />
    <circle cx="17" cy="19" r="2.6" fill="currentColor" />
    <circle cx="31" cy="19" r="2.6" fill="currentColor" />
    <path d=${MOUTHS[level]} fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
  </svg>`;
}

/** The hall's reasons are data (Chinese); the usual ones have an English name too. */
const KNOWN_REASONS: Record<string, () => string> = {
  服务态度差: () => msg('服务态度差'),
  办理效率低: () => msg('办理效率低'),
  一次性告知不到位: () => msg('一次性告知不到位'),
  材料要求不清: () => msg('材料要求不清'),
  [OTHER_RATING_REASON]: () => msg('其他'),
};

export const reasonLabel = (reason: string): string => KNOWN_REASONS[reason]?.() ?? reason;

/** The reasons a visitor can pick for a 差评: the hall's, then 其他 (always last). */
export const reasonChoices = (hallReasons: readonly string[]): string[] => [
  ...hallReasons.filter((r) => r !== OTHER_RATING_REASON),
  OTHER_RATING_REASON,
];

/**
 * The five levels as a radio group of buttons (`.levels` / `.level[data-level]`, coloured by
 * `--c`); each screen styles them for its size.
 */
export function levelChoices(chosen: RatingLevel | null, choose: (level: RatingLevel) => void): TemplateResult {
  return html`<div class="levels ${chosen !== null ? 'chosen' : ''}" role="radiogroup" aria-label=${msg('评价等级')}>
    ${LEVELS.map(
      (
        l,
      ) => html`<button class="level" role="radio" data-level=${l.level} aria-checked=${chosen === l.level ? 'true' : 'false'} style="--c:${l.colour}" @click=${() => choose(l.level)}>
        ${face(l.level)}<span>${l.label()}</span>
      </button>`,
    )}
  </div>`;
}

/** What a visitor still has to do before a rating can be sent, if anything. */
export type RatingMissing = 'level' | 'reason' | 'comment' | null;

/**
 * The rules every rating screen applies before sending (the server applies them again): a level;
 * for 不满意 and 非常不满意 at least one reason, and a comment with 其他. Returns what is missing
 * and, when nothing is, the rating to send (reasons and comment only where they belong).
 */
export function ratingDraft(
  level: RatingLevel | null,
  reasons: readonly string[],
  comment: string,
): { missing: RatingMissing; rating: { level: RatingLevel; reasons: string[]; comment: string } | null } {
  if (level === null) return { missing: 'level', rating: null };
  if (!isBadRating(level)) return { missing: null, rating: { level, reasons: [], comment: '' } };
  if (reasons.length === 0) return { missing: 'reason', rating: null };
  const other = reasons.includes(OTHER_RATING_REASON);
  if (other && comment.trim() === '') return { missing: 'comment', rating: null };
  return { missing: null, rating: { level, reasons: [...reasons], comment: other ? comment.trim() : '' } };
}

/** The hint for what is missing. */
export const missingHint = (missing: RatingMissing): string =>
  missing === 'level'
    ? msg('请点选一项评价')
    : missing === 'reason'
      ? msg('请至少选择一项不满意的原因')
      : missing === 'comment'
        ? msg('请写下您的具体意见')
        : '';
