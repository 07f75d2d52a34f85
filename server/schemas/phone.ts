/** The visitor's phone: 扫码取号, the ticket page, 补评, and 预约. No account; codes in the path. */
import { Type } from 'typebox';
import { Day, HHMM, Id } from './common.js';
import { RatingFields } from './ratings.js';

/** A hall's public code (in /h/<code>). */
export const HallCode = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' });
/** The unguessable code of a ticket or a booking. */
export const SecretCode = Type.String({ pattern: '^[a-z2-9]{8,40}$' });
/** Typed by visitors: the domain checks the format and explains what is wrong. */
export const Phone = Type.String({
  minLength: 1,
  maxLength: 20,
  description: 'Mainland mobile number, 11 digits (spaces, dashes, +86 allowed)',
});

export const HallCodeParams = Type.Object({ hallCode: HallCode });
export const SecretCodeParams = Type.Object({ code: SecretCode });
export const SlotsParams = Type.Object({ hallCode: HallCode, serviceId: Id });

export const PhoneTicketBody = Type.Object({ serviceId: Id, phone: Phone });

export const PhoneRatingBody = Type.Object(RatingFields);

export const BookingBody = Type.Object({ serviceId: Id, date: Day, start: HHMM, phone: Phone });
