/**
 * The API reference: /openapi.json documents every route with the schemas it is validated with
 * (they live in server/schemas/), and /docs serves the browsable reference. The role matrix
 * (roles.test.ts) checks that every documented route is a real one; this checks what each says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHall, type TestHall } from '../helpers/app.js';

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  anyOf?: Schema[];
}
interface Operation {
  parameters?: { in: string; name: string; required: boolean; schema: Schema }[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  responses: Record<string, { content?: { 'application/json': { schema: Schema } } }>;
}
type Spec = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

let hall: TestHall;
let spec: Spec;

beforeAll(async () => {
  hall = await createTestHall();
  const res = await hall.anonymous.get('/openapi.json');
  expect(res.statusCode).toBe(200);
  spec = res.json();
});
afterAll(() => hall.close());

const operations = () =>
  Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => ['get', 'post', 'put', 'delete'].includes(method))
      .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, op })),
  );
const bodyOf = (name: string) => {
  const [method, path] = name.split(' ') as [string, string];
  return spec.paths[path]?.[method.toLowerCase()]?.requestBody?.content['application/json'].schema;
};

describe('/openapi.json', () => {
  it('documents every path parameter with its type', () => {
    expect(operations().length).toBeGreaterThan(80);
    for (const { name, path, op } of operations()) {
      for (const [, param] of path.matchAll(/\{(\w+)\}/g)) {
        const documented = op.parameters?.find((p) => p.in === 'path' && p.name === param);
        expect(documented, `${name}: ${param}`).toBeDefined();
        expect(documented!.schema.type ?? documented!.schema.anyOf, `${name}: ${param}`).toBeDefined();
      }
    }
  });

  it('documents request bodies with their fields and types, from server/schemas/', () => {
    expect(bodyOf('POST /api/halls/{hallId}/tickets')).toMatchObject({
      type: 'object',
      required: ['serviceId'],
      properties: { serviceId: { type: 'integer' }, printerId: { type: 'integer' } },
    });
    expect(bodyOf('PUT /api/halls/{hallId}/notice')).toMatchObject({ properties: { notice: { type: 'string' } } });
    expect(bodyOf('POST /api/windows/{windowId}/recall')).toMatchObject({ properties: { ticketId: { type: 'integer' } } });
    expect(bodyOf('POST /api/windows/{windowId}/clerk')).toMatchObject({ properties: { clerkId: { type: ['integer', 'null'] } } });
    expect(bodyOf('POST /api/pad/ratings')?.required).toEqual(expect.arrayContaining(['ticketId', 'level']));
    const commands = operations().filter(({ name }) => /^(POST|PUT) /.test(name));
    const withBody = commands.filter(({ op }) => op.requestBody);
    // Commands without a body take their target from the path (call next, sign in, revoke, …).
    expect(withBody.length).toBeGreaterThan(commands.length / 2);
    for (const { name, op } of withBody) expect(op.requestBody!.content['application/json'].schema.type, name).toBe('object');
  });

  it('documents the error answer once, as ApiError, and every route refers to it', () => {
    expect(spec.components.schemas.ApiError).toMatchObject({ required: ['statusCode', 'code', 'message', 'messageEn'] });
    for (const { name, op } of operations()) {
      if (name === 'GET /api/halls' || name === 'POST /api/auth/logout') continue; // public list, and sign-out: no refusals to document
      const error = op.responses['400'] ?? op.responses['503'];
      expect(error?.content?.['application/json'].schema.$ref, name).toBe('#/components/schemas/ApiError');
    }
  });
});

describe('/docs', () => {
  it('serves the browsable reference', async () => {
    const res = await hall.anonymous.get('/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
