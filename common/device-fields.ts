/**
 * What a manager can set on each kind of device, in one table read by the server (which refuses
 * what does not apply: common/domain/devices.ts) and by the console's device dialog (which offers
 * only what applies). Where each setting is stored:
 *  - binding (PUT /api/halls/:hallId/devices/:deviceId): the name, the window a window screen or
 *    pad sits at (and a printer placed at a window for rating slips), the zone a board shows,
 *    a kiosk's ticket printer;
 *  - screen settings (PUT /api/devices/:deviceId/settings): language and silent mode;
 *  - network printers (PUT /api/printers/:printerId): address and paper width.
 */
import type { DeviceKind } from './vocabulary.js';

export interface DeviceFields {
  /** 'required': must sit at a window; 'optional': may (a printer prints that window's rating slips). */
  window: 'required' | 'optional' | null;
  /** Shows one zone or the whole hall (boards). */
  zone: boolean;
  /** Prints its tickets on a network printer (kiosks). */
  printer: boolean;
  /** Has a screen whose language a manager may set. */
  language: boolean;
  /** Speaks and chimes, so it can be put in silent mode (boards). */
  silent: boolean;
  /** A network printer: host:port and paper width. */
  network: boolean;
}

export const DEVICE_FIELDS: Record<DeviceKind, DeviceFields> = {
  board: { window: null, zone: true, printer: false, language: true, silent: true, network: false },
  window_screen: { window: 'required', zone: false, printer: false, language: true, silent: false, network: false },
  pad: { window: 'required', zone: false, printer: false, language: true, silent: false, network: false },
  kiosk: { window: null, zone: false, printer: true, language: true, silent: false, network: false },
  printer: { window: 'optional', zone: false, printer: false, language: false, silent: false, network: true },
};
