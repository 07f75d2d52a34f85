/** Halls (大厅): one site with its timezone, opening hours, board notice and settings. */
import type { Hall } from '../../../common/domain/types.js';
import type { SettingsPatch } from '../../../common/domain/settings.js';

export type NewHall = Pick<Hall, 'code' | 'name' | 'timezone' | 'openingHours' | 'notice'> & { settings?: SettingsPatch };
export type HallPatch = Partial<Pick<Hall, 'name' | 'timezone' | 'openingHours' | 'notice' | 'regionCode' | 'orgCode'>> & {
  settings?: SettingsPatch;
};

export interface HallRepo {
  get(id: number): Promise<Hall | null>;
  byCode(code: string): Promise<Hall | null>;
  /** By id. */
  list(): Promise<Hall[]>;
  insert(hall: NewHall): Promise<Hall>;
  /** `settings`, when given, replaces the stored settings as a whole. */
  update(id: number, patch: HallPatch): Promise<void>;
  /** The settings as stored (only what the hall changed). */
  storedSettings(id: number): Promise<SettingsPatch>;
}
