/**
 * Housekeeping jobs: idempotency keys older than a day and expired sessions are purged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHall, type TestHall } from '../helpers/app.js';

let hall: TestHall;
beforeEach(async () => {
  hall = await createTestHall();
});
afterEach(() => hall.close());

describe('background jobs', () => {
  it('purges idempotency keys older than a day, keeping recent ones', async () => {
    const before = await hall.signIn('manager');
    expect((await before.put(`/api/halls/${hall.hallId}/notice`, { notice: 'a' }, { idempotencyKey: 'old-key-0001' })).statusCode).toBe(
      200,
    );
    hall.clock.advanceMinutes(25 * 60);
    const after = await hall.signIn('manager'); // the first session has expired by now
    expect((await after.put(`/api/halls/${hall.hallId}/notice`, { notice: 'b' }, { idempotencyKey: 'new-key-0001' })).statusCode).toBe(200);
    expect(await hall.app.jobs.run('purge-idempotency-keys')).toBe(1);
    const keys = (hall.store.sqlite.prepare('SELECT key FROM idempotency_keys').all() as { key: string }[]).map((r) => r.key);
    expect(keys).toEqual(['new-key-0001']);
  });

  it('purges expired sessions', async () => {
    await hall.signIn('clerk01');
    hall.clock.advanceMinutes(13 * 60);
    await hall.signIn('clerk02');
    expect(await hall.app.jobs.run('purge-sessions')).toBe(1);
    expect(hall.app.jobs.names()).toEqual(expect.arrayContaining(['purge-idempotency-keys', 'purge-sessions']));
  });
});
