/**
 * Device identity for unattended screens (board, window screen, kiosk, pad), as a Lit reactive
 * controller: reads a token given in the URL (`#token=…`), or keeps the one saved on the device,
 * or asks the server for a pairing code and waits for a manager to approve it. The page renders
 * `<hq-pairing-panel>` until the device is active, so a screen never shows a blank page: it
 * shows its code, or why it cannot work.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeviceConfig } from '../manager-protocol.js';
import type { DeviceKind } from '../vocabulary.js';
import type { ApiError } from '../protocol.js';
import { ApiClient, ApiRequestError, OfflineError } from './api.js';

/** What a device learns about itself: its configuration without the manager-only fields. */
export type DeviceInfo = Omit<DeviceConfig, 'address' | 'state' | 'lastSeenAt'>;

export type DeviceState =
  | { status: 'loading' }
  | { status: 'offline' }
  | { status: 'pending'; code: string }
  | { status: 'active'; device: DeviceInfo }
  | { status: 'refused'; error: ApiError };

const POLL_MS = 3000;

export class DeviceController implements ReactiveController {
  state: DeviceState = { status: 'loading' };
  readonly api: ApiClient;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly storageKey: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly kind: Exclude<DeviceKind, 'printer'>,
    private readonly onActive?: (device: DeviceInfo) => void,
  ) {
    this.storageKey = `hq.device.${kind}.token`;
    this.api = new ApiClient({ token: () => this.token });
    host.addController(this);
  }

  get token(): string | null {
    try {
      return localStorage.getItem(this.storageKey);
    } catch {
      return null;
    }
  }

  private set token(value: string | null) {
    try {
      if (value) localStorage.setItem(this.storageKey, value);
      else localStorage.removeItem(this.storageKey);
    } catch {
      /* storage unavailable: the device pairs again after a reload */
    }
  }

  get device(): DeviceInfo | null {
    return this.state.status === 'active' ? this.state.device : null;
  }

  hostConnected(): void {
    const fromUrl = /(?:^|[#&])token=([A-Za-z0-9_\-.~]{16,200})/.exec(location.hash)?.[1];
    if (fromUrl) {
      this.token = fromUrl;
      history.replaceState(null, '', location.pathname + location.search);
    }
    void this.check();
  }

  hostDisconnected(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** The server refused this device (e.g. revoked while running): show why. */
  refuse(error: ApiError): void {
    this.set({ status: 'refused', error });
  }

  /** Reads this device again (a manager changed its settings, zone or window). */
  async reload(): Promise<void> {
    await this.check();
  }

  /** Forget this device's token and ask for a new pairing code. */
  async repair(): Promise<void> {
    this.token = null;
    this.set({ status: 'loading' });
    await this.check();
  }

  private set(state: DeviceState): void {
    const wasActive = this.state.status === 'active';
    this.state = state;
    this.host.requestUpdate();
    if (state.status === 'active' && !wasActive) this.onActive?.(state.device);
  }

  private schedule(ms = POLL_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), ms);
  }

  private async check(): Promise<void> {
    try {
      if (!this.token) {
        await this.requestPairing();
        return;
      }
      const device = await this.api.get<DeviceInfo>('/api/devices/me');
      if (device.status === 'active') {
        this.set({ status: 'active', device });
        // Keep watching slowly: settings (window, zone) may change.
        return;
      }
      if (device.status === 'pending') {
        this.set({ status: 'pending', code: device.pairingCode ?? '' });
        this.schedule();
        return;
      }
      this.set({ status: 'refused', error: revoked() });
    } catch (err) {
      if (err instanceof OfflineError) {
        this.set({ status: 'offline' });
        this.schedule(5000);
      } else if (err instanceof ApiRequestError && (err.code === 'device_unknown' || err.status === 401)) {
        this.set({ status: 'refused', error: err.error });
      } else if (err instanceof ApiRequestError) {
        this.set({ status: 'refused', error: err.error });
        this.schedule(10_000);
      } else {
        this.set({ status: 'offline' });
        this.schedule(5000);
      }
    }
  }

  private async requestPairing(): Promise<void> {
    const hallParam = Number(new URLSearchParams(location.search).get('hall'));
    let hallId = Number.isInteger(hallParam) && hallParam > 0 ? hallParam : null;
    if (!hallId) {
      const halls = await this.api.get<{ id: number }[]>('/api/halls');
      hallId = halls[0]?.id ?? null;
    }
    if (!hallId) {
      this.set({
        status: 'refused',
        error: { statusCode: 404, code: 'no_hall', message: '服务器上还没有大厅。', messageEn: 'No hall exists on this server yet.' },
      });
      return;
    }
    const { token, device } = await this.api.post<{ token: string; device: DeviceInfo }>('/api/devices/pairing', {
      hallId,
      kind: this.kind,
    });
    this.token = token;
    this.set({ status: 'pending', code: device.pairingCode ?? '' });
    this.schedule();
  }
}

const revoked = (): ApiError => ({
  statusCode: 403,
  code: 'device_revoked',
  message: '此设备已被管理员停用，请联系大厅管理员。',
  messageEn: 'This device was revoked by a manager; contact the hall manager.',
});
