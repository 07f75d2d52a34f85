import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiClient } from '../../common/ui/api.js';
import { serviceDay } from '../../common/domain/calendar.js';
import './booking-day.js';
import './booking-slots.js';
import type { HallStore } from './hall-store.js';
import { viewStyles } from './styles.js';
import { tabBar } from './tabs.js';
import './visitor-notifications.js';
import './visitor-poster.js';

export const BOOKING_TABS = ['day', 'slots', 'poster', 'notifications'] as const;
export type BookingTab = (typeof BOOKING_TABS)[number];

function tabTitle(t: BookingTab): string {
  switch (t) {
    case 'day':
      return msg('当日预约');
    case 'slots':
      return msg('时段设置');
    case 'poster':
      return msg('二维码海报');
    case 'notifications':
      return msg('通知记录');
  }
}

/**
 * 预约与扫码: what visitors do from their phones, seen from the hall. Tabs (←/→ between them),
 * each a link: the day's appointments (`#/bookings/day/2026-12-03`), the weekly slots per
 * service (`#/bookings/slots/12`), the printable QR posters for 扫码取号 and 预约
 * (`#/bookings/poster/take`), and the notifications sent to visitors (`#/bookings/notifications`).
 */
@localized()
@customElement('hq-bookings-view')
export class BookingsView extends LitElement {
  @property({ attribute: false }) store!: HallStore;
  @property({ attribute: false }) api!: ApiClient;
  /** The route after `bookings/`: "day/2026-12-03", "slots/12", "poster/book", "notifications". */
  @property() param = '';
  /** The store's revision: a new one re-renders. */
  @property({ type: Number }) rev = 0;

  static override styles = [
    ...viewStyles,
    css`
      @media print {
        .tabs {
          display: none;
        }
      }
    `,
  ];

  private askedConfig = false;

  protected override willUpdate(): void {
    // Not in connectedCallback: this element is defined lazily, and properties set before it was
    // defined are only in place from the first update.
    if (!this.askedConfig && this.store && !this.store.config) {
      this.askedConfig = true;
      void this.store.loadConfig();
    }
  }

  private get route(): [BookingTab, string] {
    const [tab, ...rest] = this.param.split('/');
    return [BOOKING_TABS.includes(tab as BookingTab) ? (tab as BookingTab) : 'day', rest.join('/')];
  }

  override render() {
    const [tab, arg] = this.route;
    return html`${tabBar(this, { label: msg('预约与扫码'), tabs: BOOKING_TABS, current: tab, title: tabTitle, route: (t) => `bookings/${t}` })}
      ${this.renderTab(tab, arg)}`;
  }

  private renderTab(tab: BookingTab, arg: string) {
    const snapshot = this.store.snapshot;
    const config = this.store.config;
    const hallId = this.store.hallId;
    const timezone = snapshot?.hall.timezone ?? config?.hall.timezone ?? 'Asia/Shanghai';
    switch (tab) {
      case 'day': {
        const date = /^\d{4}-\d{2}-\d{2}$/.test(arg) ? arg : serviceDay(Date.now(), timezone);
        return html`<hq-booking-day .api=${this.api} .hallId=${hallId} .timezone=${timezone} .date=${date} .services=${snapshot?.services ?? []} .rev=${this.store.bookingsRevision}></hq-booking-day>`;
      }
      case 'slots':
        return config
          ? html`<hq-booking-slots .api=${this.api} .config=${config} .serviceId=${Number(arg) || 0} .rev=${this.store.slotsRevision}></hq-booking-slots>`
          : this.loading();
      case 'poster':
        return config
          ? html`<hq-visitor-poster .api=${this.api} .config=${config} .page=${arg === 'book' ? 'book' : 'take'}></hq-visitor-poster>`
          : this.loading();
      case 'notifications':
        return html`<hq-visitor-notifications .api=${this.api} .hallId=${hallId} .timezone=${timezone} .rev=${this.store.bookingsRevision}></hq-visitor-notifications>`;
    }
    return nothing;
  }

  private loading() {
    return html`<div class="empty" role="status">${msg('正在加载配置…')}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-bookings-view': BookingsView;
  }
}
