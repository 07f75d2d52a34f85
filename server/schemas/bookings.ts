/** 预约 at the hall's side: check-in at the kiosk or guide desk, and the manager's slots and day list. */
import { Type } from 'typebox';
import { Day, HHMM, Id } from './common.js';

export const SlotParams = Type.Object({ slotId: Id });

const Weekday = Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' });
const Capacity = Type.Integer({ minimum: 1, maximum: 500 });

export const CheckInBody = Type.Object({
  code: Type.Optional(Type.String({ pattern: '^\\s*\\d{8}\\s*$', description: 'The 8-digit booking code' })),
  phone: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  serviceId: Type.Optional(Id),
  printerId: Type.Optional(Id),
});

export const BookingsQuery = Type.Object({ date: Day });

export const SlotsQuery = Type.Object({ serviceId: Type.Optional(Id) });

export const NewSlotBody = Type.Object({ serviceId: Id, weekday: Weekday, start: HHMM, end: HHMM, capacity: Capacity });

export const SlotChangeBody = Type.Object({
  weekday: Type.Optional(Weekday),
  start: Type.Optional(HHMM),
  end: Type.Optional(HHMM),
  capacity: Type.Optional(Capacity),
});

export const VisitorQrQuery = Type.Object({
  page: Type.Union([Type.Literal('take'), Type.Literal('book')], { default: 'take' }),
});
