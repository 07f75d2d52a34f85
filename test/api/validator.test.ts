/**
 * The request validator (server/schemas/validator.ts): bodies are checked without type coercion,
 * paths, query strings and headers with it; both keep removeAdditional, defaults, the first error
 * only, and the schemas shared with `app.addSchema`.
 */
import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../server/schemas/common.js';
import { validatorFactory } from '../../server/schemas/validator.js';

type Validate = ((value: unknown) => boolean) & { errors?: { keyword: string; instancePath: string }[] | null };

const compile = validatorFactory()({ ApiError: ApiErrorSchema });
/** A validator as Fastify compiles one, for a part of a route. */
const validator = (httpPart: 'body' | 'querystring' | 'params' | 'headers', schema: object): Validate =>
  compile({ schema, httpPart, method: 'POST', url: '/x' });

const Numbers = { type: 'object', properties: { id: { type: 'integer' }, flag: { type: 'boolean' }, text: { type: 'string' } } };

describe('request validator', () => {
  it.each([
    ['a string for an integer', { id: '5' }],
    ['a boolean for an integer', { id: true }],
    ['an array for an integer', { id: [5] }],
    ['a string for a boolean', { flag: 'true' }],
    ['a number for a string', { text: 12345 }],
    ['null for an integer', { id: null }],
  ])('a body refuses %s and leaves it as sent', (_case, value) => {
    const copy = structuredClone(value);
    expect(validator('body', Numbers)(copy)).toBe(false);
    expect(copy).toEqual(value);
  });

  it.each(['querystring', 'params', 'headers'] as const)('%s converts text to the type asked for', (part) => {
    const value: Record<string, unknown> = { id: '5', flag: 'true' };
    expect(validator(part, Numbers)(value)).toBe(true);
    expect(value).toEqual({ id: 5, flag: true });
  });

  it('both drop what a closed object does not declare, and fill in defaults', () => {
    const schema = {
      type: 'object',
      properties: { note: { type: 'string', default: '' } },
      additionalProperties: false,
    };
    for (const part of ['body', 'querystring'] as const) {
      const value: Record<string, unknown> = { extra: 1 };
      expect(validator(part, schema)(value), part).toBe(true);
      expect(value, part).toEqual({ note: '' });
    }
  });

  it('both stop at the first error', () => {
    for (const part of ['body', 'querystring'] as const) {
      const validate = validator(part, Numbers);
      expect(validate({ id: 'x', flag: 'y' })).toBe(false);
      expect(validate.errors).toHaveLength(1);
    }
  });

  it('both resolve the shared schemas (ApiError)', () => {
    for (const part of ['body', 'querystring'] as const) {
      const validate = validator(part, { $ref: 'ApiError' });
      expect(validate({ statusCode: 400, code: 'x', message: '错', messageEn: 'wrong' }), part).toBe(true);
      expect(validate({ code: 'x' }), part).toBe(false);
    }
  });
});
