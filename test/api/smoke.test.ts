import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type TestHall } from '../helpers/app.js';

let hall: TestHall;
beforeAll(async () => {
  hall = await createTestHall();
});
afterAll(() => hall.close());

describe('smoke', () => {
  it('issues, calls, serves', async () => {
    const kiosk = hall.device(DEMO_TOKENS.kiosk);
    const issued = await kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });
    console.log(issued.statusCode, issued.body.slice(0, 500));
    expect(issued.statusCode).toBe(201);
    const clerk = await hall.signIn('clerk01');
    const call = await clerk.post(`/api/windows/${hall.ids.window('1')}/call-next`);
    console.log(call.statusCode, call.body.slice(0, 800));
    expect(call.statusCode).toBe(200);
    const snap = await hall.device(DEMO_TOKENS.board).get(`/api/halls/${hall.hallId}/snapshot`);
    console.log(snap.statusCode, snap.body.slice(0, 1500));
    const bad = await clerk.post(`/api/windows/abc/call-next`);
    console.log(bad.statusCode, bad.body);
    const docs = await hall.anonymous.get('/openapi.json');
    console.log(docs.statusCode, docs.body.length);
  });
});
