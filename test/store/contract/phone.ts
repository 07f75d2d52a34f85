import { describe, expect, it } from 'vitest';
import type { Ticket, TransferStep } from '../../../common/domain/types.js';
import type { Booking, NewBooking, NewNotification } from '../../../server/store/repositories/phone.js';
import {
  DAY,
  MINUTE,
  NEXT_DAY,
  NOW,
  PREVIOUS_DAY,
  ids,
  newTicket,
  seed,
  unique,
  useStore,
  type Seeded,
  type StoreEngine,
} from './harness.js';

let bookingCode = 10_000_000;
const newBooking = (s: Seeded, overrides: Partial<NewBooking> = {}): NewBooking => ({
  hallId: s.hall.id,
  serviceId: s.services.a.id,
  code: String(++bookingCode),
  publicCode: unique('booking'),
  date: NEXT_DAY,
  start: '09:00',
  end: '09:30',
  phone: '13800000001',
  createdAt: NOW,
  updatedAt: NOW,
  ...overrides,
});

const newNotification = (s: Seeded, overrides: Partial<NewNotification> = {}): NewNotification => ({
  hallId: s.hall.id,
  kind: 'near',
  dedupeKey: unique('near:ticket'),
  ticketId: null,
  bookingId: null,
  status: 'sent',
  createdAt: NOW,
  ...overrides,
});

export function phoneContract(engine: StoreEngine): void {
  describe('phone', () => {
    const store = useStore(engine);

    it('appointment slots: insert, get, update, delete; slotsOf by service, weekday, start', async () => {
      const s = await store().transact((tx) => seed(tx));
      const { a, b } = s.services;
      const slot = (serviceId: number, weekday: number, start: string) => ({
        serviceId,
        weekday,
        start,
        end: `${start.slice(0, 2)}:30`,
        capacity: 4,
      });
      const made = await store().transact(async (tx) => ({
        bMon: await tx.phone.insertSlot(slot(b.id, 1, '09:00')),
        aTue10: await tx.phone.insertSlot(slot(a.id, 2, '10:00')),
        aTue09: await tx.phone.insertSlot(slot(a.id, 2, '09:00')),
        aMon: await tx.phone.insertSlot(slot(a.id, 1, '14:00')),
      }));
      expect(made.aMon).toEqual({ id: expect.any(Number), ...slot(a.id, 1, '14:00') });
      await store().read(async (tx) => {
        expect(await tx.phone.slot(made.aMon.id)).toEqual(made.aMon);
        expect(await tx.phone.slotsOf([b.id, a.id])).toEqual([made.aMon, made.aTue09, made.aTue10, made.bMon]);
        expect(await tx.phone.slotsOf([b.id])).toEqual([made.bMon]);
        expect(await tx.phone.slotsOf([])).toEqual([]);
      });
      await store().transact(async (tx) => {
        expect(await tx.phone.updateSlot(made.bMon.id, { capacity: 9, end: '10:00' })).toEqual({ ...made.bMon, capacity: 9, end: '10:00' });
        expect(await tx.phone.updateSlot(made.bMon.id, {})).toEqual({ ...made.bMon, capacity: 9, end: '10:00' });
        expect(await tx.phone.updateSlot(made.bMon.id + 1000, { capacity: 1 })).toBeNull();
        await tx.phone.deleteSlot(made.aTue10.id);
      });
      expect(await store().read((tx) => tx.phone.slot(made.aTue10.id))).toBeNull();
    });

    it('bookings: insert is booked; found by id, code and public code; both codes unique; update answers the booking', async () => {
      const s = await store().transact((tx) => seed(tx));
      const draft = newBooking(s);
      const booking = await store().transact((tx) => tx.phone.insertBooking(draft));
      const expected: Booking = { id: booking.id, ...draft, status: 'booked', ticketId: null, checkedInAt: null, cancelledAt: null };
      expect(booking).toEqual(expected);
      await store().read(async (tx) => {
        expect(await tx.phone.booking(booking.id)).toEqual(expected);
        expect(await tx.phone.bookingByCode(draft.code)).toEqual(expected);
        expect(await tx.phone.bookingByPublicCode(draft.publicCode)).toEqual(expected);
        expect(await tx.phone.booking(booking.id + 1000)).toBeNull();
        expect(await tx.phone.bookingByCode('00000000')).toBeNull();
        expect(await tx.phone.bookingByPublicCode(unique('none'))).toBeNull();
      });
      await expect(store().transact((tx) => tx.phone.insertBooking(newBooking(s, { code: draft.code })))).rejects.toThrow();
      await expect(store().transact((tx) => tx.phone.insertBooking(newBooking(s, { publicCode: draft.publicCode })))).rejects.toThrow();

      const patch = { status: 'checked_in', ticketId: 42, checkedInAt: NOW + 1, updatedAt: NOW + 1 } as const;
      expect(await store().transact((tx) => tx.phone.updateBooking(booking.id, patch))).toEqual({ ...expected, ...patch });
      expect(await store().read((tx) => tx.phone.booking(booking.id))).toEqual({ ...expected, ...patch });
      await expect(store().transact((tx) => tx.phone.updateBooking(booking.id + 1000, patch))).rejects.toThrow();
    });

    describe('booking queries', () => {
      const store = useStore(engine);
      const setup = () =>
        store().transact(async (tx) => {
          const s = await seed(tx);
          const other = await seed(tx);
          const book = (o: Partial<NewBooking>, of: Seeded = s) => tx.phone.insertBooking(newBooking(of, o));
          const b = {
            nine: await book({ date: NEXT_DAY, start: '09:00' }),
            nineToo: await book({ date: NEXT_DAY, start: '09:00', phone: '13900000002' }),
            nineCancelled: await book({ date: NEXT_DAY, start: '09:00' }),
            ten: await book({ date: NEXT_DAY, start: '10:00' }),
            today: await book({ date: DAY, start: '14:00' }),
            yesterday: await book({ date: PREVIOUS_DAY, start: '09:00' }),
            serviceB: await book({ serviceId: s.services.b.id, date: NEXT_DAY, start: '09:00' }),
          };
          const set = (x: Booking, status: Booking['status']) => tx.phone.updateBooking(x.id, { status });
          const moved = {
            nineCancelled: await set(b.nineCancelled, 'cancelled'),
            yesterday: await set(b.yesterday, 'no_show'),
          };
          await book({ date: NEXT_DAY, start: '09:00' }, other);
          return [s, { ...b, ...moved }] as const;
        });

      it('bookedCounts: places taken per slot start, cancelled ones freed', async () => {
        const [s] = await setup();
        expect(await store().read((tx) => tx.phone.bookedCounts(s.services.a.id, NEXT_DAY))).toEqual(
          new Map([
            ['09:00', 2],
            ['10:00', 1],
          ]),
        );
        expect(await store().read((tx) => tx.phone.bookedCounts(s.services.c.id, NEXT_DAY))).toEqual(new Map());
      });

      it('bookingsOfPhone: the hall’s bookings of a phone, newest date first, then latest start', async () => {
        const [s, b] = await setup();
        const mine = await store().read((tx) => tx.phone.bookingsOfPhone(s.hall.id, '13800000001'));
        // Bookings of the same slot start may come in any order.
        expect(mine.map((x) => `${x.date} ${x.start}`)).toEqual([
          `${NEXT_DAY} 10:00`,
          `${NEXT_DAY} 09:00`,
          `${NEXT_DAY} 09:00`,
          `${NEXT_DAY} 09:00`,
          `${DAY} 14:00`,
          `${PREVIOUS_DAY} 09:00`,
        ]);
        expect(ids(mine).sort((x, y) => x - y)).toEqual(
          ids([b.nine, b.nineCancelled, b.ten, b.today, b.yesterday, b.serviceB]).sort((x, y) => x - y),
        );
        expect(await store().read((tx) => tx.phone.bookingsOfPhone(s.hall.id, '13900000002'))).toEqual([b.nineToo]);
      });

      it('bookingsOn: the given dates, optionally some statuses, by date, start, then id', async () => {
        const [s, b] = await setup();
        await store().read(async (tx) => {
          expect(ids(await tx.phone.bookingsOn(s.hall.id, [NEXT_DAY, PREVIOUS_DAY]))).toEqual(
            ids([b.yesterday, b.nine, b.nineToo, b.nineCancelled, b.serviceB, b.ten]),
          );
          expect(ids(await tx.phone.bookingsOn(s.hall.id, [NEXT_DAY], ['cancelled', 'no_show']))).toEqual(ids([b.nineCancelled]));
          expect(await tx.phone.bookingsOn(s.hall.id, [])).toEqual([]);
        });
      });

      it('openBookings: still booked, dates in the range with both ends included', async () => {
        const [s, b] = await setup();
        await store().read(async (tx) => {
          expect(ids(await tx.phone.openBookings(s.hall.id, {}))).toEqual(ids([b.today, b.nine, b.nineToo, b.serviceB, b.ten]));
          expect(ids(await tx.phone.openBookings(s.hall.id, { until: DAY }))).toEqual(ids([b.today]));
          expect(ids(await tx.phone.openBookings(s.hall.id, { from: NEXT_DAY }))).toEqual(ids([b.nine, b.nineToo, b.serviceB, b.ten]));
          expect(await tx.phone.openBookings(s.hall.id, { from: '2026-12-01', until: '2026-12-31' })).toEqual([]);
        });
      });
    });

    it('ticketsOfPhone and waitingWithPhone', async () => {
      const [s, t] = await store().transact(async (tx) => {
        const s = await seed(tx);
        const add = (o: Partial<Ticket>) => tx.tickets.insert(newTicket(s, o));
        return [
          s,
          {
            waiting: await add({ phone: '13800000001' }),
            done: await add({ phone: '13800000001', status: 'done' }),
            otherPhone: await add({ phone: '13900000002' }),
            noPhone: await add({}),
            tomorrow: await add({ phone: '13800000001', serviceDay: NEXT_DAY }),
            serviceB: await add({ phone: '13800000001', serviceId: s.services.b.id }),
          },
        ] as const;
      });
      await store().read(async (tx) => {
        expect(await tx.phone.ticketsOfPhone(s.hall.id, DAY, '13800000001')).toEqual([t.waiting, t.done, t.serviceB]);
        expect(ids(await tx.phone.waitingWithPhone(s.services.a.id, DAY)).sort((x, y) => x - y)).toEqual(ids([t.waiting, t.otherPhone]));
      });
    });

    it('calledWithReason: called out of order since a time, latest call first, with when it moved into the service', async () => {
      const [s, t] = await store().transact(async (tx) => {
        const s = await seed(tx);
        const { a, b, c } = s.services;
        const step = (at: number, from: number, to: number): TransferStep => ({
          at,
          fromServiceId: from,
          toServiceId: to,
          fromWindowId: null,
          toWindowId: null,
          note: '',
          byUserId: null,
        });
        const called = (calledAt: number, o: Partial<Ticket> = {}) =>
          tx.tickets.insert(newTicket(s, { status: 'called', callReason: 'priority', calledAt, queuedAt: NOW - 30 * MINUTE, ...o }));
        const t = {
          priority: await called(NOW + 1 * MINUTE),
          transferred: await called(NOW + 3 * MINUTE, {
            status: 'done',
            callReason: 'transfer',
            transfers: [
              step(NOW - 20 * MINUTE, b.id, a.id),
              step(NOW - 10 * MINUTE, a.id, c.id),
              step(NOW - 5 * MINUTE, c.id, a.id),
              step(NOW - 4 * MINUTE, a.id, a.id),
            ],
          }),
          manager: await called(NOW + 2 * MINUTE, { status: 'no_show', callReason: 'manager' }),
        };
        await called(NOW + 4 * MINUTE, { callReason: null }); // in order
        await called(NOW - MINUTE); // before `since`
        await called(NOW + 5 * MINUTE, { status: 'cancelled' });
        await called(NOW + 6 * MINUTE, { status: 'waiting' });
        await called(NOW + 7 * MINUTE, { serviceDay: NEXT_DAY });
        await called(NOW + 8 * MINUTE, { serviceId: b.id });
        return [s, t] as const;
      });
      const row = (x: Ticket, transferredAt: number | null) => ({
        number: x.number,
        queuedAt: x.queuedAt,
        calledAt: x.calledAt,
        callReason: x.callReason,
        transferredAt,
      });
      expect(await store().read((tx) => tx.phone.calledWithReason(s.services.a.id, DAY, NOW))).toEqual([
        row(t.transferred, NOW - 5 * MINUTE),
        row(t.manager, null),
        row(t.priority, null),
      ]);
    });

    it('notifications: a key is claimed once; finish records the outcome; used keys; the hall’s latest first', async () => {
      const [s, other] = await store().transact(async (tx) => [await seed(tx), await seed(tx)]);
      const claim = (n: NewNotification) => store().transact((tx) => tx.phone.claimNotification(n));
      const first = newNotification(s, { kind: 'called', ticketId: 7 });
      const claimed = await claim(first);
      expect(claimed).toEqual({ id: expect.any(Number), ...first, error: null });
      expect(await claim({ ...first, status: 'failed' })).toBeNull();
      const second = (await claim(newNotification(s, { bookingId: 3, status: 'skipped' })))!;
      await claim(newNotification(other));
      await store().transact((tx) => tx.phone.finishNotification(claimed!.id, 'failed', 'SMS gateway timeout'));
      await store().read(async (tx) => {
        expect(await tx.phone.usedNotificationKeys([first.dedupeKey, 'never-used', second.dedupeKey])).toEqual(
          new Set([first.dedupeKey, second.dedupeKey]),
        );
        expect(await tx.phone.usedNotificationKeys([])).toEqual(new Set());
        expect(await tx.phone.notificationsOf(s.hall.id, 10)).toEqual([
          second,
          { ...claimed, status: 'failed', error: 'SMS gateway timeout' },
        ]);
        expect(await tx.phone.notificationsOf(s.hall.id, 1)).toEqual([second]);
      });
    });
  });
}
