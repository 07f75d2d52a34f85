/** Tickets: issuing at the kiosk or guide desk, a visitor's status, managers' lookup and commands. */
import { Type } from 'typebox';
import { PRIORITY_KINDS } from '../../common/vocabulary.js';
import { Id, OneOf } from './common.js';

/** The unguessable code of a ticket (in its QR code), never its id. */
export const TicketCode = Type.String({ pattern: '^[a-z2-9]{8,40}$' });

export const TicketCodeParams = Type.Object({ code: TicketCode });
export const TicketParams = Type.Object({ ticketId: Id });

export const IssueTicketBody = Type.Object({
  serviceId: Id,
  priority: Type.Optional(OneOf(PRIORITY_KINDS)),
  printerId: Type.Optional(Id),
});

export const TicketLookupQuery = Type.Object({
  number: Type.String({ minLength: 2, maxLength: 12, pattern: '^\\s*[A-Za-z]{1,4}\\d{1,6}\\s*$' }),
  day: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, hall-local; default today' })),
});

export const CancelTicketBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) });

export const TransferTicketBody = Type.Object({
  toServiceId: Type.Optional(Id),
  toWindowId: Type.Optional(Id),
  note: Type.String({ maxLength: 200, default: '' }),
});
