/**
 * Schema pieces every area uses: ids, nullable values, dates, the error answer every route
 * documents, and the idempotency key header of commands.
 */
import { Type, type TSchemaOptions } from 'typebox';

export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

/**
 * One of a list of strings (a vocabulary such as PRIORITY_KINDS), as a union of string constants:
 * each names its type, so a number is refused as a type error that says "string". Typed as the
 * list's values; TypeBox types a union only from a fixed tuple, not from a mapped list.
 */
export const OneOf = <T extends string>(values: readonly T[], options?: TSchemaOptions) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      options,
    ),
  );

/**
 * A value or null, as one JSON-schema `type` list rather than a union. Request bodies are not
 * coerced (server/schemas/validator.ts), so either form refuses `"5"` alike; the type list gives
 * one error that names both types ("integer or null") where a union gives one per branch. In a
 * query string or path, which are coerced, a type list also keeps an empty value from becoming 0.
 */
export const nullable = <T extends 'integer' | 'string'>(type: T, options: Record<string, unknown> = {}) =>
  Type.Unsafe<(T extends 'integer' ? number : string) | null>({ type: [type, 'null'], ...options });
export const NullableId = nullable('integer', { minimum: 1, maximum: 2_147_483_647 });

/** A hall-local date. */
export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Hall-local date YYYY-MM-DD' });
/** A hall-local time of day. */
export const HHMM = Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM, hall-local' });

export const HallParams = Type.Object({ hallId: Id });

export const ApiErrorSchema = Type.Object(
  {
    statusCode: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable code, e.g. window_busy' }),
    message: Type.String({ description: '中文说明' }),
    messageEn: Type.String({ description: 'English explanation' }),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { $id: 'ApiError', description: 'Every 4xx/5xx answer has this shape.' },
);

/** Error responses documented on every route. */
export const errorResponses = {
  400: Type.Ref('ApiError'),
  401: Type.Ref('ApiError'),
  403: Type.Ref('ApiError'),
  404: Type.Ref('ApiError'),
  409: Type.Ref('ApiError'),
};

/** The same, for routes that are rate-limited. */
export const limitedErrorResponses = { ...errorResponses, 429: Type.Ref('ApiError') };

export const IdempotencyHeader = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 128,
      pattern: '^[A-Za-z0-9_.:-]+$',
      description: 'Makes the command safe to retry: a repeat with the same key returns the first result.',
    }),
  ),
});

/** An answer whose shape the route's summary describes (201 answers of creations). */
export const AnyObject = Type.Object({}, { additionalProperties: true });

/** Why a configuration change was made: recorded in the audit log with it. */
export const Reason = Type.Optional(Type.String({ maxLength: 200, description: 'Why: recorded in the audit log with the change.' }));
