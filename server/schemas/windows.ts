/** The clerk's commands on a window, and managers' reassignment of what a window serves. */
import { Type } from 'typebox';
import { WINDOW_MODES } from '../../common/vocabulary.js';
import { Id, NullableId, OneOf } from './common.js';

export const WindowParams = Type.Object({ windowId: Id });

/** Commands on the current ticket may name it, so a stale screen cannot act on the wrong one. */
export const ExpectTicketBody = Type.Object({ ticketId: Type.Optional(Id) });

/** Commands on one named ticket (resume a held one, re-queue a missed one). */
export const TicketRefBody = Type.Object({ ticketId: Id });

export const CallBody = Type.Object({
  ticketId: Type.Optional(Id),
  number: Type.Optional(Type.String({ minLength: 2, maxLength: 12 })),
  reason: Type.String({ minLength: 1, maxLength: 200 }),
});

export const WindowTransferBody = Type.Object({
  ticketId: Id,
  toServiceId: Type.Optional(Id),
  toWindowId: Type.Optional(Id),
  note: Type.String({ maxLength: 200, default: '' }),
});

export const WindowStatusBody = Type.Object({
  status: Type.Union([Type.Literal('open'), Type.Literal('paused'), Type.Literal('closed')]),
  reason: Type.Optional(Type.String({ maxLength: 100 })),
});

export const WindowServicesBody = Type.Object({
  mode: OneOf(WINDOW_MODES),
  zoneId: Type.Optional(NullableId),
  services: Type.Array(
    Type.Object({
      serviceId: Id,
      tier: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
      weight: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    }),
    { maxItems: 200 },
  ),
  reason: Type.Optional(Type.String({ maxLength: 200 })),
});
