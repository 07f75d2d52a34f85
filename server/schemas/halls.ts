/** Hall-level reads (snapshot, events) and the board notice. */
import { Type } from 'typebox';
import { Id } from './common.js';

export const SnapshotQuery = Type.Object({ zoneId: Type.Optional(Id) });

export const EventsQuery = Type.Object({
  after: Type.Integer({ minimum: 0, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
});

export const NoticeBody = Type.Object({ notice: Type.String({ maxLength: 500 }) });
