/** Staff sign-in sessions, stored by the hash of their cookie. */

export interface Session {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

export interface SessionRepo {
  get(tokenHash: string): Promise<Session | null>;
  insert(session: Session): Promise<void>;
  remove(tokenHash: string): Promise<void>;
  removeForUser(userId: number): Promise<void>;
  extend(tokenHash: string, expiresAt: number): Promise<void>;
  /** Removes sessions that expired before `now`; resolves to how many. */
  purgeExpired(now: number): Promise<number>;
}
