import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { IssuedTicketView, PhoneHallView, PhoneServiceView } from '../../../common/phone.js';
import { ActionController } from '../../../common/ui/action.js';
import { ApiClient, errorMessage, RetryKey } from '../../../common/ui/api.js';
import { getLocale, initLocale } from '../../../common/ui/i18n.js';
import { deviceMemory } from '../device-memory.js';
import { dayLabel, nameOf, refusalLabel } from '../labels.js';
import '../phone-header.js';
import '../phone-number.js';
import { isPhone } from '../phone-number.js';
import { phoneStyles } from '../phone-styles.js';

/** More services than this and the page offers a search. */
const SEARCH_FROM = 10;

/**
 * 扫码取号 at /h/<hallCode> (the hall's printed QR code): the hall's services by zone with their
 * queues, and for a chosen one the visitor's phone number and "取号"; then the ticket page. Says
 * why a service takes no phone number now (quota, hours, queue too long, switched off). Shows the
 * tickets and bookings this phone already holds, and the way to book instead.
 * `?service=<id>` opens one service directly (from a booking that is too early to check in).
 */
@localized()
@customElement('hq-take-app')
export class TakeApp extends LitElement {
  @state() private hall: PhoneHallView | null = null;
  @state() private problem = '';
  @state() private chosen: PhoneServiceView | null = null;
  @state() private digits = '';
  private readonly action = new ActionController(this);
  @state() private filter = '';
  @state() private ready = false;

  private readonly hallCode = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
  private readonly api = new ApiClient();
  /** One key per attempt: a retry after a network failure is answered with the first ticket. */
  private readonly attempt = new RetryKey();

  static override styles = [
    phoneStyles,
    css`
      .mine a {
        display: flex;
        align-items: center;
        gap: 12px;
        min-height: 52px;
        color: var(--hq-text);
        text-decoration: none;
      }
      .mine a + a {
        border-top: 1px solid var(--hq-line);
      }
      .mine .number {
        font-size: 24px;
        font-weight: 700;
        min-width: 72px;
      }
      .mine .what {
        flex: 1;
        min-width: 0;
        font-size: 15px;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .to-book {
        margin: 10px 0 0;
        font-size: 15px;
      }
      .to-book a {
        color: var(--hq-accent);
        text-decoration: none;
        font-weight: 600;
      }
      input[type='search'] {
        margin-top: 14px;
        padding: 12px 14px;
        font-size: 16px;
      }
      .zone {
        margin: 22px 4px 8px;
        font-size: 14px;
        font-weight: 600;
        color: var(--hq-text-dim);
        letter-spacing: 0.04em;
      }
      button.service {
        min-height: 64px;
      }
      button.service .name {
        display: block;
        font-size: 17px;
        font-weight: 600;
        line-height: 1.35;
      }
      button.service .meta {
        display: block;
        margin-top: 3px;
        font-size: 14px;
        color: var(--hq-text-dim);
      }
      button.service[disabled] {
        cursor: default;
      }
      button.service[disabled] .name {
        color: var(--hq-text-dim);
      }
      .off {
        flex: none;
        max-width: 40%;
        font-size: 13px;
        color: var(--hq-attention);
        text-align: right;
        line-height: 1.35;
      }
      .empty {
        margin: 24px 0;
        text-align: center;
        color: var(--hq-text-dim);
      }
      a.book {
        display: flex;
        align-items: center;
        gap: 12px;
        color: var(--hq-text);
        text-decoration: none;
      }
      a.book .text {
        flex: 1;
      }
      a.book strong {
        display: block;
        font-size: 17px;
      }

      /* The sheet for the chosen service */
      .backdrop {
        position: fixed;
        inset: 0;
        z-index: 10;
        background: rgb(10 20 40 / 45%);
        display: flex;
        align-items: flex-end;
        justify-content: center;
      }
      .sheet {
        width: 100%;
        max-width: 480px;
        max-height: 92vh;
        overflow: auto;
        padding: 20px 18px calc(20px + env(safe-area-inset-bottom));
        border-radius: 20px 20px 0 0;
        background: var(--hq-bg-raised);
        box-shadow: 0 -8px 30px rgb(10 20 40 / 20%);
      }
      .sheet h2 {
        font-size: 21px;
        margin: 0;
      }
      .sheet .queue {
        margin: 6px 0 18px;
        font-size: 15px;
        color: var(--hq-text-dim);
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.begin();
  }

  /** The language, the hall, then the service the poster's code named (`?service=`), if it can be taken. */
  private async begin() {
    await initLocale();
    this.ready = true;
    await this.load();
    const wanted = Number(new URLSearchParams(location.search).get('service'));
    const service = this.hall?.services.find((s) => s.id === wanted && s.refusal === null);
    if (service) this.choose(service);
  }

  private async load() {
    try {
      this.hall = await this.api.get<PhoneHallView>(`/api/phone/halls/${encodeURIComponent(this.hallCode)}`);
      document.title = `${msg('扫码取号')} · ${this.hall.hall.name}`;
    } catch (err) {
      this.problem = errorMessage(err, getLocale());
    }
  }

  override render() {
    if (!this.ready) return html``;
    const h = this.hall;
    return html`<hq-phone-header .hall=${h?.hall.name ?? ''} @phone-language=${() => this.requestUpdate()}></hq-phone-header>
      <main class="page">
        ${
          this.problem
            ? html`<section class="card" role="alert"><h1>${msg('无法打开取号页面')}</h1><p class="note">${this.problem}</p></section>`
            : !h
              ? html`<p class="loading">${msg('正在加载…')}</p>`
              : this.renderHall(h)
        }
      </main>
      ${this.chosen && h ? this.renderSheet(h, this.chosen) : nothing}`;
  }

  private renderHall(h: PhoneHallView) {
    const tickets = deviceMemory.tickets(h.hall.code, h.hall.serviceDay);
    const bookings = deviceMemory.bookings(h.hall.code, h.hall.serviceDay);
    const q = this.filter.trim().toLowerCase();
    const matches = (s: PhoneServiceView) =>
      !q || s.name.toLowerCase().includes(q) || s.nameEn.toLowerCase().includes(q) || s.prefix.toLowerCase() === q;
    const zones = [...h.zones.map((z) => ({ id: z.id, name: nameOf(z) })), { id: null, name: msg('其他事项') }];
    const groups = zones
      .map((z) => ({ zone: z, services: h.services.filter((s) => s.zoneId === z.id && matches(s)) }))
      .filter((g) => g.services.length > 0);
    return html`<h1>${msg('扫码取号')}</h1>
      <p class="lead">${h.phoneTaking ? msg('选择要办理的事项，在手机上取号，排队进度随时查看。') : msg('本大厅暂未开通手机取号，请到大厅取号机取号。')}</p>
      ${h.appointments ? html`<p class="to-book"><a href=${`/h/${encodeURIComponent(h.hall.code)}/book`}>${msg('想提前约好时间？预约办理')} ›</a></p>` : nothing}
      ${
        tickets.length
          ? html`<section class="card mine" aria-label=${msg('您今天的号票')}>
            <h2>${msg('您今天的号票')}</h2>
            ${tickets.map((t) => html`<a href=${`/t/${encodeURIComponent(t.code)}`}><span class="number">${t.number}</span><span class="what">${t.service}</span><span class="go" aria-hidden="true">›</span></a>`)}
          </section>`
          : nothing
      }
      ${h.services.length > SEARCH_FROM ? html`<input type="search" placeholder=${msg('搜索事项名称')} aria-label=${msg('搜索事项名称')} .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />` : nothing}
      ${groups.length === 0 ? html`<p class="empty">${msg('没有找到相关事项')}</p>` : nothing}
      ${groups.map(
        (g) => html`<h2 class="zone">${g.zone.name}</h2>
          <ul class="list">
            ${g.services.map((s) => html`<li>${this.renderService(s)}</li>`)}
          </ul>`,
      )}
      ${
        h.appointments
          ? html`<section class="card">
            <a class="book" href=${`/h/${encodeURIComponent(h.hall.code)}/book`}>
              <span class="text"><strong>${msg('预约办理')}</strong><span class="note">${msg('提前预约时段，到大厅签到后优先叫号。')}</span></span>
              <span class="go" aria-hidden="true">›</span>
            </a>
            ${bookings.map(
              (b) =>
                html`<p class="note"><a href=${`/b/${encodeURIComponent(b.code)}`}>${msg(str`我的预约：${dayLabel(b.date)} ${b.start} ${b.service}`)}</a></p>`,
            )}
          </section>`
          : nothing
      }`;
  }

  private renderService(s: PhoneServiceView) {
    const meta = s.waiting > 0 ? msg(str`等候 ${s.waiting} 人 · 约 ${s.estimateMinutes} 分钟`) : msg('无需等候');
    return html`<button class="row service" data-prefix=${s.prefix} ?disabled=${s.refusal !== null} @click=${() => this.choose(s)}>
      <span class="text">
        <span class="name">${nameOf(s)}</span>
        <span class="meta">${meta}${s.left !== null && s.refusal === null ? msg(str` · 余 ${s.left} 号`) : ''}</span>
      </span>
      ${s.refusal ? html`<span class="off">${refusalLabel(s.refusal)}</span>` : html`<span class="go" aria-hidden="true">›</span>`}
    </button>`;
  }

  private renderSheet(h: PhoneHallView, s: PhoneServiceView) {
    const valid = isPhone(this.digits);
    return html`<div class="backdrop" @click=${(e: Event) => e.target === e.currentTarget && this.close()} @keydown=${this.onSheetKey}>
      <section class="sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title">
        <h2 id="sheet-title">${nameOf(s)}</h2>
        <p class="queue">${s.waiting > 0 ? msg(str`当前等候 ${s.waiting} 人，预计约 ${s.estimateMinutes} 分钟`) : msg('当前无人等候')}</p>
        <hq-phone-number
          .digits=${this.digits}
          .purpose=${h.notifyAhead > 0 ? msg(str`仅用于防止重复取号，以及快到您（前面 ${h.notifyAhead} 人）和叫号时提醒您，不会公开。`) : msg('仅用于防止重复取号，不会公开。')}
          @phone-input=${(e: CustomEvent<{ digits: string }>) => {
            this.digits = e.detail.digits;
            this.action.clear();
          }}
        ></hq-phone-number>
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
        <div class="actions">
          <button class="btn" data-testid="take" ?disabled=${!valid || this.action.busy} @click=${() => void this.take(s)}>${this.action.busy ? msg('正在取号…') : msg('取号')}</button>
          <button class="btn quiet" @click=${() => this.close()}>${msg('返回')}</button>
        </div>
      </section>
    </div>`;
  }

  private choose(s: PhoneServiceView) {
    this.chosen = s;
    this.action.clear();
    void this.updateComplete.then(() => this.renderRoot.querySelector('hq-phone-number')?.shadowRoot?.querySelector('input')?.focus());
  }

  /** Esc closes the sheet, as a tap outside it does. */
  private readonly onSheetKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.close();
  };

  private close() {
    this.chosen = null;
    this.action.clear();
  }

  private async take(s: PhoneServiceView) {
    if (this.action.busy) return;
    const request = { serviceId: s.id, phone: this.digits };
    const key = this.attempt.for(request);
    await this.action.run(
      async () => {
        const issued = await this.api.post<IssuedTicketView>(`/api/phone/halls/${encodeURIComponent(this.hallCode)}/tickets`, request, {
          idempotencyKey: key,
        });
        deviceMemory.rememberTicket({
          code: issued.publicCode,
          number: issued.ticket.number,
          service: nameOf(s),
          day: this.hall!.hall.serviceDay,
          hallCode: this.hall!.hall.code,
        });
        location.assign(`/t/${encodeURIComponent(issued.publicCode)}`);
      },
      () => this.load(),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-take-app': TakeApp;
  }
}
