/** Services (事项): what a visitor comes for, with its ticket prefix, quota and hours. */
import type { Service } from '../../../common/domain/types.js';

export type NewService = Omit<Service, 'id'>;

export interface ServiceRepo {
  /** A hall's services by sort order, then id. */
  list(hallId: number): Promise<Service[]>;
  get(id: number): Promise<Service | null>;
  insert(service: NewService): Promise<Service>;
  update(id: number, patch: Partial<NewService>): Promise<void>;
}
