import { describe, expect, it } from 'vitest';
import type { NewUser } from '../../../server/store/repositories/users.js';
import { NOW, ids, seed, unique, useStore, withFreshStore, type StoreEngine } from './harness.js';

const newUser = (hallId: number | null, overrides: Partial<NewUser> = {}): NewUser => ({
  hallId,
  username: unique('user'),
  displayName: '赵六',
  staffNo: 'S-01',
  role: 'clerk',
  passwordHash: '$argon2id$…',
  photoUrl: null,
  disabled: false,
  ...overrides,
});

export function usersContract(engine: StoreEngine): void {
  describe('users', () => {
    const store = useStore(engine);

    it('insert starts with no failed sign-ins and no lock; get and byUsername find the user', async () => {
      const s = await store().transact((tx) => seed(tx));
      const draft = newUser(s.hall.id, { photoUrl: '/photos/1.jpg', role: 'manager' });
      const user = await store().transact((tx) => tx.users.insert(draft));
      expect(user).toEqual({ id: expect.any(Number), ...draft, failedLogins: 0, lockedUntil: null });
      await store().read(async (tx) => {
        expect(await tx.users.get(user.id)).toEqual(user);
        expect(await tx.users.byUsername(draft.username)).toEqual(user);
        expect(await tx.users.byUsername(unique('nobody'))).toBeNull();
        expect(await tx.users.get(user.id + 1000)).toBeNull();
      });
    });

    it('a second user with the same username is refused, also in another hall', async () => {
      const [s, other] = await store().transact(async (tx) => [await seed(tx), await seed(tx)]);
      const username = unique('user');
      await store().transact((tx) => tx.users.insert(newUser(s.hall.id, { username })));
      await expect(store().transact((tx) => tx.users.insert(newUser(other.hall.id, { username })))).rejects.toThrow();
    });

    it('update changes the fields given', async () => {
      const s = await store().transact((tx) => seed(tx));
      const patch = { failedLogins: 3, lockedUntil: NOW + 60_000, disabled: true, displayName: '李工' };
      await store().transact(async (tx) => {
        await tx.users.update(s.clerk.id, patch);
        await tx.users.update(s.clerk.id, {});
      });
      expect(await store().read((tx) => tx.users.get(s.clerk.id))).toEqual({ ...s.clerk, ...patch });
    });

    it('list: a hall’s users and the cross-hall admins by id; everyone for null', async () => {
      await withFreshStore(engine, async (fresh) => {
        const [s, other, admin] = await fresh.transact(async (tx) => {
          const s = await seed(tx);
          const other = await seed(tx);
          return [s, other, await tx.users.insert(newUser(null, { role: 'admin' }))] as const;
        });
        await fresh.read(async (tx) => {
          expect(await tx.users.list(s.hall.id)).toEqual([s.manager, s.clerk, admin]);
          expect(ids(await tx.users.list(other.hall.id))).toEqual(ids([other.manager, other.clerk, admin]));
          expect(ids(await tx.users.list(null))).toEqual(ids([s.manager, s.clerk, other.manager, other.clerk, admin]));
        });
      });
    });
  });
}
