/**
 * The five 好差评 levels as the pad shows them (label, colour, face) and the words of the bad-rating
 * reasons. Levels follow the national standard: 5 非常满意 … 1 非常不满意; 2 and 1 are 差评.
 */
import { msg } from '@lit/localize';
import { svg, type SVGTemplateResult } from 'lit';
import { OTHER_RATING_REASON } from '../../common/protocol.js';
import { RATING_LEVELS, type RatingLevel } from '../../common/vocabulary.js';

export interface LevelDef {
  level: RatingLevel;
  label: () => string;
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
