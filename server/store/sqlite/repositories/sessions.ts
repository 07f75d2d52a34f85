import { eq, lt } from 'drizzle-orm';
import type { SessionRepo } from '../../repositories/sessions.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

export function createSessionRepo(db: Db): SessionRepo {
  return {
    async get(tokenHash) {
      return db.select().from(t.sessions).where(eq(t.sessions.tokenHash, tokenHash)).get() ?? null;
    },
    async insert(session) {
      db.insert(t.sessions).values(session).run();
    },
    async remove(tokenHash) {
      db.delete(t.sessions).where(eq(t.sessions.tokenHash, tokenHash)).run();
    },
    async removeForUser(userId) {
      db.delete(t.sessions).where(eq(t.sessions.userId, userId)).run();
    },
    async extend(tokenHash, expiresAt) {
      db.update(t.sessions).set({ expiresAt }).where(eq(t.sessions.tokenHash, tokenHash)).run();
    },
    async purgeExpired(now) {
      return db.delete(t.sessions).where(lt(t.sessions.expiresAt, now)).run().changes;
    },
  };
}
