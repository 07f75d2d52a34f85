/** Devices (设备): paired boards, window screens, kiosks, pads and printers. */
import type { Device } from '../../../common/domain/types.js';

export type NewDevice = Omit<Device, 'id' | 'lastSeenAt'> & { tokenHash: string | null };

export interface DeviceRepo {
  get(id: number): Promise<Device | null>;
  byTokenHash(tokenHash: string): Promise<Device | null>;
  /** A device still waiting for approval with this code; an approved or revoked one is not found. */
  byPairingCode(hallId: number, code: string): Promise<Device | null>;
  /** By id. */
  list(hallId: number): Promise<Device[]>;
  insert(device: NewDevice): Promise<Device>;
  update(id: number, patch: Partial<Omit<NewDevice, 'hallId'>> & { lastSeenAt?: number | null }): Promise<void>;
}
