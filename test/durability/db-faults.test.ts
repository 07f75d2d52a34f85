/**
 * When the database cannot write (locked by another process, disk full) the API answers a clear
 * 503, nothing is half-written, and it works again as soon as the cause is gone.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';
import { fingerprint } from '../helpers/fingerprint.js';

let hall: TestHall;
let kiosk: Agent;
beforeEach(async () => {
  hall = await createTestHall();
  kiosk = hall.device(DEMO_TOKENS.kiosk);
});
afterEach(() => hall.close());

const issue = () => kiosk.post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });

describe('database faults', () => {
  it('locked by another process: 503 with a message, nothing written, then recovers', async () => {
    expect((await issue()).statusCode).toBe(201);
    const other = new Database(join(hall.dir, 'hall.db'));
    other.exec('BEGIN EXCLUSIVE');
    try {
      const before = fingerprint(hall.store);
      const res = await issue();
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'unavailable', message: expect.stringContaining('号票未发出') });
      expect(fingerprint(hall.store)).toBe(before);
      // Reads still work: boards keep showing the hall.
      expect((await hall.device(DEMO_TOKENS.board).get(`/api/halls/${hall.hallId}/snapshot`)).statusCode).toBe(200);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const next = await issue();
    expect(next.statusCode).toBe(201);
    expect(next.json().ticket.number).toBe('A002');
  });

  it('disk full: 503, nothing half-written, numbering intact afterwards', async () => {
    expect((await issue()).statusCode).toBe(201);
    const pages = hall.store.sqlite.pragma('page_count', { simple: true }) as number;
    // Forbid the file from growing: the next write that needs a page fails like a full disk.
    hall.store.sqlite.pragma(`max_page_count = ${pages}`);
    // Issue until the disk is "full"; the refused issue must leave no trace.
    let issuedOk = 0;
    let refused: { statusCode: number; body: string } | null = null;
    for (let i = 0; i < 40 && !refused; i++) {
      const before = fingerprint(hall.store);
      const res = await issue();
      if (res.statusCode === 201) issuedOk++;
      else {
        refused = { statusCode: res.statusCode, body: res.body };
        expect(fingerprint(hall.store)).toBe(before);
      }
    }
    expect(refused?.statusCode).toBe(503);
    expect(JSON.parse(refused!.body).code).toBe('unavailable');
    const numbers = (hall.store.sqlite.prepare("SELECT seq FROM tickets WHERE prefix = 'A' ORDER BY seq").all() as { seq: number }[]).map(
      (r) => r.seq,
    );
    expect(numbers).toEqual(Array.from({ length: 1 + issuedOk }, (_, i) => i + 1));
    hall.store.sqlite.pragma('max_page_count = 1073741823');
    const next = await issue();
    expect(next.statusCode).toBe(201);
    expect(next.json().ticket.number).toBe(`A${String(issuedOk + 2).padStart(3, '0')}`);
  });
});
