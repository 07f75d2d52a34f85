/**
 * In-process fan-out of committed domain events. The unit of work publishes after each commit;
 * the realtime plugin pushes to screens, the printer module prints, notifiers notify. A failing
 * subscriber is logged and never undoes or blocks the command that caused the event.
 */
import type { EventType, RealtimeEvent } from '../../common/protocol.js';
import type { EventRecord } from '../store/repositories/events.js';

/** Who may receive an event: everyone in the hall (boards, phones), or staff only. */
export type Audience = 'public' | 'staff';

const STAFF_ONLY: ReadonlySet<EventType> = new Set<EventType>([
  'rating:submitted',
  'rating:expired',
  'case:updated',
  'config:changed',
  'device:updated',
  'booking:updated',
]);

export const audienceOf = (type: EventType): Audience => (STAFF_ONLY.has(type) ? 'staff' : 'public');

export interface PublishedEvent {
  hallId: number;
  record: EventRecord;
  /** The message screens receive: the event and the state it produced. */
  message: RealtimeEvent;
  /** Rooms beyond the hall room that must receive it. */
  scope: {
    audience: Audience;
    zoneIds: number[];
    windowIds: number[];
    /** The ticket's public code, for the visitor's phone room; never sent to other rooms. */
    ticketCode: string | null;
    deviceIds: number[];
  };
}

export type Subscriber = (events: PublishedEvent[]) => void;

export class EventBus {
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly onError: (err: unknown) => void = () => {}) {}

  subscribe(fn: Subscriber): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  publish(events: PublishedEvent[]): void {
    if (events.length === 0) return;
    for (const fn of this.subscribers) {
      try {
        fn(events);
      } catch (err) {
        this.onError(err);
      }
    }
  }
}
