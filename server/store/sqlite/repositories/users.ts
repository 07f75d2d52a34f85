import { eq, or, sql } from 'drizzle-orm';
import type { User } from '../../../../common/domain/types.js';
import type { UserRepo } from '../../repositories/users.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

type UserRow = typeof t.users.$inferSelect;
const toUser = ({ createdAt: _c, ...user }: UserRow): User => user;

export function createUserRepo(db: Db): UserRepo {
  // Every staff request loads its user.
  const byId = db
    .select()
    .from(t.users)
    .where(eq(t.users.id, sql.placeholder('id')))
    .prepare();
  return {
    async get(id) {
      const row = byId.get({ id });
      return row ? toUser(row) : null;
    },
    async byUsername(username) {
      const row = db.select().from(t.users).where(eq(t.users.username, username)).get();
      return row ? toUser(row) : null;
    },
    async list(hallId) {
      const query = db.select().from(t.users);
      const rows = hallId === null ? query.all() : query.where(or(eq(t.users.hallId, hallId), sql`${t.users.hallId} IS NULL`)).all();
      return rows.map(toUser).sort((a, b) => a.id - b.id);
    },
    async insert(user) {
      return toUser(
        db
          .insert(t.users)
          .values({ ...user, createdAt: Date.now() })
          .returning()
          .get(),
      );
    },
    async update(id, patch) {
      if (Object.keys(patch).length) db.update(t.users).set(patch).where(eq(t.users.id, id)).run();
    },
  };
}
