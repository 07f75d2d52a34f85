/**
 * The signed-in staff member, as a Lit reactive controller for the clerk and manager consoles
 * (and the kiosk when a guide-desk clerk signs in). It loads `/api/auth/me` on start, holds the
 * CSRF token every change must carry, and signs in and out. Pair it with `<hq-login-form>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Role } from '../vocabulary.js';
import { ApiClient, ApiRequestError } from './api.js';

export interface StaffUser {
  id: number;
  hallId: number | null;
  username: string;
  displayName: string;
  staffNo: string;
  role: Role;
  photoUrl: string | null;
}

export interface StaffWindow {
  id: number;
  number: string;
  name: string;
  status: string;
  clerkId: number | null;
  /** The clerk may staff it as the backup (AB角). */
  backup: boolean;
}

export interface Me {
  user: StaffUser;
  csrfToken: string;
  windows: StaffWindow[];
  signedInWindowId: number | null;
}

export type SessionState = 'loading' | 'signed-out' | 'signed-in' | 'wrong-role' | 'offline';

export class SessionController implements ReactiveController {
  state: SessionState = 'loading';
  me: Me | null = null;
  readonly api = new ApiClient({ csrf: () => this.me?.csrfToken ?? null });

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Roles this screen is for; another role sees "not for you" instead of the screen. */
    private readonly roles: readonly Role[],
  ) {
    host.addController(this);
  }

  get user(): StaffUser | null {
    return this.me?.user ?? null;
  }

  hostConnected(): void {
    void this.refresh();
  }

  /** Reloads who is signed in (e.g. after the session expired on the server). */
  async refresh(): Promise<void> {
    try {
      this.me = await this.api.get<Me>('/api/auth/me');
      this.state = this.roles.includes(this.me.user.role) ? 'signed-in' : 'wrong-role';
    } catch (err) {
      this.me = null;
      this.state = err instanceof ApiRequestError ? 'signed-out' : 'offline';
    }
    this.host.requestUpdate();
  }

  /** Throws ApiRequestError with the server's message when the sign-in is refused. */
  async login(username: string, password: string): Promise<void> {
    await this.api.post('/api/auth/login', { username, password });
    await this.refresh();
  }

  async logout(): Promise<void> {
    try {
      await this.api.post('/api/auth/logout');
    } finally {
      this.me = null;
      this.state = 'signed-out';
      this.host.requestUpdate();
    }
  }
}
