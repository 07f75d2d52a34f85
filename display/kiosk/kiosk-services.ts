import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { QueueView, ServiceView, ZoneView } from '../../common/protocol.js';
import { getLocale } from '../../common/ui/i18n.js';
import { searchServices, servicesOfZone, tileOf, tileTakesNumbers, type Tile } from './kiosk-logic.js';
import { checkInIcon } from './icons.js';
import { kioskStyles } from './kiosk-styles.js';

/** Detail of `kiosk-pick`. */
export interface KioskPick {
  serviceId: number;
}

/**
 * The kiosk's start screen body: the hall's zones as large tabs, the services of the chosen zone
 * as large tiles (name, people waiting, estimated wait, and whether numbers can be taken now), a
 * search by name across all zones, the hall's notice, and (where the hall takes appointments) the
 * way in to 预约签到 beside the search.
 *
 * @fires kiosk-pick - a tile was tapped; detail: KioskPick
 * @fires kiosk-check-in-open - the 预约签到 entry was tapped
 */
@localized()
@customElement('hq-kiosk-services')
export class KioskServices extends LitElement {
  @property({ attribute: false }) zones: ZoneView[] = [];
  @property({ attribute: false }) services: ServiceView[] = [];
  @property({ attribute: false }) queues: QueueView[] = [];
  /** Server-corrected time, for opening hours. */
  @property({ type: Number }) now = 0;
  @property() timezone = 'Asia/Shanghai';
  @property({ type: Boolean }) allowWhenNoWindowOpen = true;
  /** The hall's notice, shown at the bottom. */
  @property() notice = '';
  /** Large-text mode: fewer, larger tiles. */
  @property({ type: Boolean, reflect: true }) elder = false;
  /** Show the 预约签到 entry (the hall takes appointments). */
  @property({ type: Boolean, reflect: true, attribute: 'check-in' }) checkIn = false;

  @state() private zoneId: number | null = null;
  @state() private query = '';

  static override styles = [
    ...kioskStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: 24rem minmax(0, 1fr);
        grid-template-rows: auto minmax(0, 1fr) auto;
        grid-template-areas: 'zones search' 'zones tiles' 'zones notice';
        align-content: start;
        gap: 1.5rem 2rem;
        min-height: 0;
        background: transparent;
      }
      .zones {
        grid-area: zones;
        display: grid;
        align-content: start;
        gap: 1rem;
        min-height: 0;
        overflow: auto;
      }
      .zone {
        display: grid;
        gap: 0.3rem;
        justify-items: start;
        text-align: left;
        padding: calc(1.3rem * var(--k, 1)) 1.6rem;
        border-radius: 1rem;
        border: 2px solid var(--hq-line);
        background: var(--hq-bg-raised);
        color: var(--hq-text);
      }
      .zone .name {
        font-size: calc(1.75rem * var(--k, 1));
        font-weight: 700;
        line-height: 1.25;
      }
      .zone .count {
        font-size: calc(1.15rem * var(--k, 1));
        color: var(--hq-text-dim);
      }
      .zone[aria-selected='true'] {
        background: var(--hq-accent);
        border-color: var(--hq-accent);
        color: var(--hq-accent-text);
      }
      .zone[aria-selected='true'] .count {
        color: color-mix(in srgb, var(--hq-accent-text) 70%, transparent);
      }
      .search {
        grid-area: search;
        display: flex;
        align-items: center;
        gap: 1rem;
        padding: 0 1.4rem;
        min-height: calc(5rem * var(--k, 1));
        border-radius: 1rem;
        border: 2px solid var(--hq-line);
        background: var(--hq-bg-sunken);
      }
      .search svg {
        width: 2.2rem;
        height: 2.2rem;
        color: var(--hq-text-dim);
        flex: none;
      }
      .search input {
        flex: 1;
        min-width: 0;
        border: none;
        outline: none;
        background: transparent;
        color: var(--hq-text);
        font: inherit;
        font-size: calc(1.75rem * var(--k, 1));
        user-select: text;
        -webkit-user-select: text;
      }
      .search input::placeholder {
        color: var(--hq-text-dim);
      }
      .search .clear {
        min-height: 3.4rem;
        padding: 0 1.2rem;
        font-size: 1.3rem;
      }
      :host([check-in]) {
        grid-template-columns: 24rem minmax(0, 1fr) auto;
        grid-template-areas: 'zones search checkin' 'zones tiles tiles' 'zones notice notice';
      }
      .checkin {
        grid-area: checkin;
        display: flex;
        align-items: center;
        gap: 1.2rem;
        min-height: calc(5rem * var(--k, 1));
        padding: 0.8rem 2.2rem 0.8rem 1.6rem;
        border-radius: 1rem;
        border: 2px solid var(--hq-ok);
        background: linear-gradient(160deg, #11655f 0%, #0b4541 100%);
        color: #fff;
        text-align: left;
        box-shadow: 0 0.4rem 1.2rem rgb(0 0 0 / 25%);
      }
      .checkin:active {
        transform: scale(0.985);
      }
      .checkin svg {
        width: calc(3.4rem * var(--k, 1));
        height: calc(3.4rem * var(--k, 1));
        flex: none;
        color: var(--hq-ok);
      }
      .checkin span {
        display: grid;
        gap: 0.2rem;
      }
      .checkin b {
        font-size: calc(2.1rem * var(--k, 1));
        line-height: 1.2;
        white-space: nowrap;
      }
      .checkin small {
        font-size: calc(1.2rem * var(--k, 1));
        color: #bfeee6;
        white-space: nowrap;
      }
      .tiles {
        grid-area: tiles;
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        grid-auto-rows: minmax(calc(10rem * var(--k, 1)), calc(14rem * var(--k, 1)));
        gap: 1.5rem;
        align-content: start;
        min-height: 0;
        overflow: auto;
        padding-bottom: 0.5rem;
      }
      :host([elder]) .tiles {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .tile {
        position: relative;
        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto;
        row-gap: 0.6rem;
        align-items: start;
        text-align: left;
        padding: 1.4rem 1.6rem 1.3rem;
        border-radius: 1.2rem;
        border: 2px solid var(--hq-line);
        background: linear-gradient(160deg, #113563 0%, var(--hq-bg-raised) 70%);
        color: var(--hq-text);
        box-shadow: 0 0.4rem 1.2rem rgb(0 0 0 / 25%);
        overflow: hidden;
      }
      .tile:active {
        transform: scale(0.985);
        border-color: var(--hq-accent);
      }
      .tile .top {
        grid-row: 1;
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.8rem;
        min-height: 2.4rem;
      }
      .tile .zone-name {
        font-size: calc(1.1rem * var(--k, 1));
        color: var(--hq-text-dim);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .tile .name {
        grid-row: 2;
        align-self: center;
        font-size: calc(2.25rem * var(--k, 1));
        font-weight: 700;
        line-height: 1.25;
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      .tile .queue {
        grid-row: 3;
        display: flex;
        align-items: baseline;
        gap: 0.5rem;
        font-size: calc(1.35rem * var(--k, 1));
        color: var(--hq-text-dim);
        white-space: nowrap;
      }
      .tile .queue b {
        font-family: var(--hq-number-font);
        font-size: calc(2.2rem * var(--k, 1));
        color: var(--hq-accent);
        font-weight: 700;
      }
      .tile .prefix {
        position: absolute;
        right: 1.4rem;
        bottom: 0.6rem;
        font-family: var(--hq-number-font);
        font-size: calc(5.5rem * var(--k, 1));
        font-weight: 800;
        line-height: 1;
        color: var(--hq-accent);
        opacity: 0.16;
        pointer-events: none;
      }
      :host([elder]) .tile .prefix {
        display: none;
      }
      .tile.off {
        background: var(--hq-bg-sunken);
        box-shadow: none;
      }
      .tile.off .name,
      .tile.off .queue b {
        color: var(--hq-text-dim);
      }
      .empty {
        grid-column: 1 / -1;
        align-self: center;
        justify-self: center;
        padding: 4rem 2rem;
        text-align: center;
        font-size: calc(1.75rem * var(--k, 1));
        color: var(--hq-text-dim);
        line-height: 1.6;
        white-space: pre-line;
      }
      .notice {
        grid-area: notice;
        display: flex;
        gap: 1.2rem;
        align-items: flex-start;
        padding: 1.2rem 1.6rem;
        border-radius: 1rem;
        background: var(--hq-bg-sunken);
        border: 1px solid var(--hq-line);
        font-size: calc(1.3rem * var(--k, 1));
        line-height: 1.6;
        color: var(--hq-text-dim);
      }
      .notice strong {
        color: var(--hq-accent);
        white-space: nowrap;
      }
      .steps {
        grid-area: steps;
        display: none;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 1.2rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .steps li {
        display: flex;
        align-items: center;
        gap: 1.2rem;
        padding: 1.4rem 1.4rem;
        border-radius: 1rem;
        background: rgb(13 42 82 / 60%);
        border: 1px dashed var(--hq-line);
      }
      .steps b {
        display: grid;
        place-items: center;
        width: 3.6rem;
        height: 3.6rem;
        flex: none;
        border-radius: 50%;
        background: var(--hq-accent);
        color: var(--hq-accent-text);
        font-family: var(--hq-number-font);
        font-size: 2rem;
      }
      .steps span {
        display: grid;
        gap: 0.3rem;
        font-size: calc(1.6rem * var(--k, 1));
        font-weight: 700;
      }
      .steps small {
        font-size: calc(1.15rem * var(--k, 1));
        font-weight: 400;
        color: var(--hq-text-dim);
        line-height: 1.4;
      }
      .notice span {
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }

      @media (orientation: portrait) {
        :host {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: auto auto minmax(0, 1fr) auto auto;
          grid-template-areas: 'search' 'zones' 'tiles' 'steps' 'notice';
        }
        :host([check-in]) {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: auto auto auto minmax(0, 1fr) auto auto;
          grid-template-areas: 'search' 'checkin' 'zones' 'tiles' 'steps' 'notice';
        }
        .checkin {
          min-height: calc(6.4rem * var(--k, 1));
          padding: 1rem 2.4rem;
        }
        .checkin span {
          flex: 1;
          grid-auto-flow: column;
          justify-content: start;
          align-items: baseline;
          gap: 1.6rem;
        }
        .checkin small {
          font-size: calc(1.5rem * var(--k, 1));
        }
        .checkin::after {
          content: '›';
          font-size: calc(3.6rem * var(--k, 1));
          line-height: 1;
          color: var(--hq-ok);
        }
        .steps {
          display: grid;
        }
        :host([elder]) .steps {
          display: none;
        }
        .zones {
          grid-template-columns: repeat(3, minmax(0, 1fr));
          overflow: visible;
        }
        .zone {
          justify-items: center;
          text-align: center;
          padding: calc(1.2rem * var(--k, 1)) 0.8rem;
        }
        .zone .name {
          font-size: calc(1.6rem * var(--k, 1));
        }
        .tiles {
          grid-template-columns: repeat(2, minmax(0, 1fr));
          grid-auto-rows: minmax(14rem, 22rem);
        }
        :host([elder]) .tiles {
          grid-template-columns: minmax(0, 1fr);
          grid-auto-rows: minmax(calc(8rem * var(--k, 1)), calc(10rem * var(--k, 1)));
        }
        :host([elder]) .tile {
          grid-template-columns: minmax(0, 1fr) auto;
          grid-template-rows: auto minmax(0, 1fr);
          column-gap: 2rem;
        }
        :host([elder]) .tile .top {
          grid-column: 1 / -1;
        }
        :host([elder]) .tile .queue {
          grid-row: 2;
          align-self: center;
        }
      }
    `,
  ];

  /** Back to the first zone, no search. */
  reset(): void {
    this.zoneId = null;
    this.query = '';
  }

  private get selectedZone(): number | null {
    return this.zoneId ?? this.zones.find((z) => servicesOfZone(this.services, z.id).length)?.id ?? null;
  }

  override render() {
    const en = getLocale() === 'en';
    const searching = this.query.trim() !== '';
    const zoneId = this.selectedZone;
    const list = searching ? searchServices(this.services, this.zones, this.query) : servicesOfZone(this.services, zoneId);
    const zoneNames = new Map(this.zones.map((z) => [z.id, en && z.nameEn ? z.nameEn : z.name]));
    return html`
      <div class="zones" role="tablist" aria-label=${msg('服务区')}>
        ${this.zones.map((z) => {
          const count = servicesOfZone(this.services, z.id).length;
          if (!count) return nothing;
          return html`<button
            class="zone"
            role="tab"
            data-zone=${z.id}
            aria-selected=${String(!searching && z.id === zoneId)}
            @click=${() => {
              this.zoneId = z.id;
              this.query = '';
            }}
          >
            <span class="name">${zoneNames.get(z.id)}</span>
            <span class="count">${msg(str`${count} 项业务`)}</span>
          </button>`;
        })}
      </div>
      <label class="search">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3m0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10" /></svg>
        <input
          type="search"
          enterkeyhint="search"
          .value=${this.query}
          placeholder=${msg('搜索业务名称，如：社保、身份证、不动产')}
          aria-label=${msg('搜索业务')}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
        ${searching ? html`<button class="btn clear" @click=${() => (this.query = '')}>${msg('清除')}</button>` : nothing}
      </label>
      ${
        this.checkIn
          ? html`<button class="checkin" data-check-in @click=${() => this.dispatchEvent(new CustomEvent('kiosk-check-in-open', { bubbles: true, composed: true }))}>
            ${checkInIcon}
            <span><b>${msg('预约签到')}</b><small>${msg('已预约的群众请点这里')}</small></span>
          </button>`
          : nothing
      }
      <div class="tiles" role="list">
        ${
          list.length
            ? list.map((s) =>
                this.renderTile(
                  tileOf(
                    s,
                    this.queues.find((q) => q.serviceId === s.id),
                    this.now,
                    this.timezone,
                    this.allowWhenNoWindowOpen,
                  ),
                  searching ? zoneNames.get(s.zoneId ?? -1) : undefined,
                  en,
                ),
              )
            : html`<p class="empty">${searching ? msg(str`没有找到“${this.query.trim()}”相关的业务。\n请换个词试试，或到导办台咨询。`) : msg('本服务区暂无可取号的业务。')}</p>`
        }
      </div>
      <ol class="steps" aria-label=${msg('取号指引')}>
        <li><b>1</b><span>${msg('选择业务')}<small>${msg('点击业务即可取号')}</small></span></li>
        <li><b>2</b><span>${msg('取走号票')}<small>${msg('或扫码保存电子号票')}</small></span></li>
        <li><b>3</b><span>${msg('等候叫号')}<small>${msg('留意屏幕和语音叫号')}</small></span></li>
      </ol>
      ${this.notice ? html`<p class="notice"><strong>${msg('温馨提示')}</strong><span>${this.notice}</span></p>` : nothing}
    `;
  }

  private renderTile(tile: Tile, zoneName: string | undefined, en: boolean) {
    const s = tile.service;
    const badge = (() => {
      switch (tile.state) {
        case 'quota_full':
          return html`<span class="badge stop">${msg('今日号源已满')}</span>`;
        case 'outside_hours':
          return html`<span class="badge stop">${msg('不在办理时间')}</span>`;
        case 'no_window_closed':
          return html`<span class="badge stop">${msg('暂无开放窗口')}</span>`;
        case 'no_window':
          return html`<span class="badge warn">${msg('暂无窗口办理')}</span>`;
        case 'open':
          return tile.left !== null ? html`<span class="badge warn">${msg(str`余号 ${tile.left}`)}</span>` : nothing;
      }
    })();
    return html`<button
      class="tile ${tileTakesNumbers(tile.state) ? '' : 'off'}"
      role="listitem"
      data-service=${s.id}
      data-state=${tile.state}
      @click=${() => this.dispatchEvent(new CustomEvent<KioskPick>('kiosk-pick', { detail: { serviceId: s.id }, bubbles: true, composed: true }))}
    >
      ${zoneName || badge !== nothing ? html`<span class="top"><span class="zone-name">${zoneName ?? ''}</span>${badge}</span>` : nothing}
      <span class="prefix" aria-hidden="true">${s.prefix}</span>
      <span class="name">${en && s.nameEn ? s.nameEn : s.name}</span>
      <span class="queue" data-waiting=${tile.waiting}>
        ${
          tile.waiting > 0
            ? html`${msg(html`等候 <b>${tile.waiting}</b> 人`)}${tile.estimateMinutes > 0 ? html` · ${msg(str`约 ${tile.estimateMinutes} 分钟`)}` : nothing}`
            : msg(html`<b>0</b> 人等候 · 随到随办`)
        }
      </span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-kiosk-services': KioskServices;
  }
}
