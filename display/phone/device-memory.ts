/**
 * What this phone remembers about its visitor's own tickets and bookings, so a closed tab is not
 * a lost place: their secret page codes with a label, in localStorage. Never the phone number.
 */

export interface RememberedTicket {
  /** The ticket's page code (/t/<code>). */
  code: string;
  number: string;
  service: string;
  /** Hall-local service day. */
  day: string;
  hallCode: string;
}

export interface RememberedBooking {
  /** The booking's page code (/b/<code>). */
  code: string;
  service: string;
  date: string;
  start: string;
  hallCode: string;
}

const TICKETS = 'hq.phone.tickets';
const BOOKINGS = 'hq.phone.bookings';
const KEEP = 12;

function load<T>(key: string): T[] {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

function save<T>(key: string, list: T[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(list.slice(0, KEEP)));
  } catch {
    /* private mode or full: the page still works, it just forgets */
  }
}

export const deviceMemory = {
  /** This hall's tickets of a service day, newest first. */
  tickets(hallCode: string, day: string): RememberedTicket[] {
    return load<RememberedTicket>(TICKETS).filter((t) => t.hallCode === hallCode && t.day === day);
  },
  rememberTicket(ticket: RememberedTicket): void {
    save(TICKETS, [ticket, ...load<RememberedTicket>(TICKETS).filter((t) => t.code !== ticket.code)]);
  },
  /** This hall's bookings from `fromDate` on, soonest first. */
  bookings(hallCode: string, fromDate: string): RememberedBooking[] {
    return load<RememberedBooking>(BOOKINGS)
      .filter((b) => b.hallCode === hallCode && b.date >= fromDate)
      .sort((a, b) => `${a.date} ${a.start}`.localeCompare(`${b.date} ${b.start}`));
  },
  rememberBooking(booking: RememberedBooking): void {
    save(BOOKINGS, [booking, ...load<RememberedBooking>(BOOKINGS).filter((b) => b.code !== booking.code)]);
  },
  forgetBooking(code: string): void {
    save(
      BOOKINGS,
      load<RememberedBooking>(BOOKINGS).filter((b) => b.code !== code),
    );
  },
};
