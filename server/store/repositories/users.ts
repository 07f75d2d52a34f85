/** Staff accounts: clerks, managers, and admins who work across halls. */
import type { User } from '../../../common/domain/types.js';

export type NewUser = Omit<User, 'id' | 'failedLogins' | 'lockedUntil'>;

export interface UserRepo {
  get(id: number): Promise<User | null>;
  byUsername(username: string): Promise<User | null>;
  /** A hall's users and the cross-hall admins (everyone when null), by id. */
  list(hallId: number | null): Promise<User[]>;
  insert(user: NewUser): Promise<User>;
  update(id: number, patch: Partial<Omit<User, 'id'>>): Promise<void>;
}
