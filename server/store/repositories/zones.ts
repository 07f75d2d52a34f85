/** Zones (服务区): areas of a hall that boards can show on their own. */
import type { Zone } from '../../../common/domain/types.js';

export type NewZone = Omit<Zone, 'id'>;

export interface ZoneRepo {
  /** A hall's zones by sort order, then id. */
  list(hallId: number): Promise<Zone[]>;
  get(id: number): Promise<Zone | null>;
  insert(zone: NewZone): Promise<Zone>;
  update(id: number, patch: Partial<NewZone>): Promise<void>;
  remove(id: number): Promise<void>;
}
