/** 好差评: the rating a visitor gives on the pad at the counter, or later on the phone (补评). */
import { Type } from 'typebox';
import { MAX_COMMENT } from '../services/rating-service.js';
import { Id } from './common.js';

/** The fields of a rating, the same on the pad and the phone. */
export const RatingFields = {
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  reasons: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 12, default: [] }),
  comment: Type.String({ maxLength: MAX_COMMENT, default: '' }),
};

export const PadRatingBody = Type.Object({ ticketId: Id, ...RatingFields });
