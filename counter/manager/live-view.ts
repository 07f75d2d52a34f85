import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Alert } from '../../common/manager-protocol.js';
import type { QueueView, ServiceView, TicketView, WindowView } from '../../common/protocol.js';
import type { ApiClient } from '../../common/ui/api.js';
import { minutesSince } from '../../common/ui/format.js';
import { PRIORITY_KINDS } from '../../common/vocabulary.js';
import { clockDuration, windowStatusLabel } from '../clerk/labels.js';
import { act, navigate } from './act.js';
import { activePrinters, printerOptions } from './device-dialog.js';
import { Dialogs } from './dialogs.js';
import type { HallStore } from './hall-store.js';
import { isEnglish, minutesText, modeLabel, named, priorityKindLabel } from './labels.js';
import { openReprint } from './reprint.js';
import { windowActions } from './window-actions.js';
import { viewStyles } from './styles.js';

/**
 * 实时大厅: every window at a glance (status, clerk, the ticket being served and for how long,
 * served today), every queue (waiting, longest and estimated wait, the open windows serving it;
 * a service nobody serves is flagged), and the alerts with what to do. A window opens its
 * actions (open, pause, close, staff it); a queue opens its waiting tickets (move, cancel);
 * the toolbar issues a 绿色通道 ticket (printed on the guide desk's printer, remembered on this
 * computer, or told to the visitor) and sets the board notice.
 */
const GUIDE_PRINTER_KEY = 'hq.manager.guidePrinter';
@localized()
@customElement('hq-live-view')
export class LiveView extends LitElement {
  @property({ attribute: false }) store!: HallStore;
  @property({ attribute: false }) api!: ApiClient;
  /** The store's revision: a new one re-renders. */
  @property({ type: Number }) rev = 0;
  @property({ type: Number }) now = 0;

  @state() private windowOpen: number | null = null;
  @state() private queueOpen: number | null = null;
  @state() private allQueues = false;

  private readonly dialogs = new Dialogs(this);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onEscape);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onEscape);
    super.disconnectedCallback();
  }

  protected override updated(changed: PropertyValues): void {
    // A window's panel opened: the focus starts on its close button, inside the panel (Esc closes it).
    if (changed.has('windowOpen') && this.windowOpen !== null) this.renderRoot.querySelector<HTMLElement>('.dialog [data-close]')?.focus();
  }

  /** Esc closes a window's or a queue's panel, also when the focus left it (a form closed over it). */
  private readonly onEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || this.dialogs.spec) return;
    this.windowOpen = null;
    this.queueOpen = null;
  };

  static override styles = [
    ...viewStyles,
    css`
      .kpis {
        grid-template-columns: repeat(5, minmax(0, 1fr));
        margin-bottom: 16px;
      }
      .kpi b {
        font-size: 28px;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(320px, 30%);
        gap: 16px;
        align-items: start;
      }
      .windows {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(172px, 1fr));
        gap: 8px;
      }
      .win {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 4px;
        text-align: left;
        padding: 8px 10px;
        border-radius: var(--hq-radius);
        border: 1px solid var(--hq-line);
        background: var(--hq-bg-raised);
        min-height: 88px;
        align-content: start;
        border-left: 5px solid var(--hq-line);
        color: var(--hq-text);
      }
      .win.open {
        border-left-color: var(--hq-ok);
      }
      .win.paused {
        border-left-color: var(--hq-warn);
        background: color-mix(in srgb, var(--hq-warn) 5%, #fff);
      }
      .win.closed {
        background: var(--hq-bg);
        color: var(--hq-text-dim);
      }
      .win:hover {
        border-color: var(--hq-accent);
      }
      .win:focus-visible {
        outline: 3px solid color-mix(in srgb, var(--hq-accent) 40%, transparent);
      }
      .win .top {
        display: flex;
        align-items: baseline;
        gap: 8px;
        min-width: 0;
      }
      .win .no {
        font-family: var(--hq-number-font);
        font-size: 22px;
        font-weight: 700;
      }
      .win .name {
        flex: 1;
        min-width: 0;
        font-size: 14px;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      .win .who {
        font-size: 14px;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .win .now {
        display: flex;
        justify-content: space-between;
        gap: 6px;
        font-size: 14px;
        white-space: nowrap;
      }
      .win .now > span:first-child {
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .win .ticket {
        font-family: var(--hq-number-font);
        font-weight: 700;
        font-size: 17px;
        color: var(--hq-text);
      }
      .win .status {
        font-weight: 600;
      }
      .win .paused-why {
        font-size: 13px;
        color: var(--hq-warn);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .win.open .status {
        color: var(--hq-ok);
      }
      .win.paused .status {
        color: var(--hq-warn);
      }
      .alerts {
        display: grid;
        gap: 8px;
        margin: 0;
        padding: 0;
        list-style: none;
        max-height: 560px;
        overflow: auto;
      }
      .alert {
        display: grid;
        gap: 4px;
        padding: 10px 12px;
        border-radius: 8px;
        background: var(--hq-bg);
        border-left: 4px solid var(--hq-accent);
        font-size: 14px;
      }
      .alert.critical {
        border-left-color: var(--hq-danger);
        background: color-mix(in srgb, var(--hq-danger) 6%, #fff);
      }
      .alert.warning {
        border-left-color: var(--hq-warn);
        background: color-mix(in srgb, var(--hq-warn) 7%, #fff);
      }
      .alert .msg {
        font-weight: 600;
        line-height: 1.4;
      }
      .alert .what {
        color: var(--hq-text-dim);
        line-height: 1.4;
      }
      .alert .go {
        justify-self: start;
      }
      .ok-state {
        padding: 18px 4px;
        color: var(--hq-ok);
        font-weight: 600;
      }
      .queues {
        margin-top: 16px;
      }
      .flag {
        color: var(--hq-danger);
        font-weight: 600;
      }
      .over {
        color: var(--hq-danger);
        font-weight: 600;
      }
      .list {
        max-height: 50vh;
        overflow: auto;
      }
      .dialog .current {
        display: flex;
        align-items: center;
        gap: 12px;
        font-size: 15px;
      }
      .dialog .current b {
        font-size: 19px;
      }
    `,
  ];

  override render() {
    const s = this.store.snapshot;
    if (!s) return html`<div class="empty" role="status">${msg('正在连接大厅…')}</div>`;
    return html`${this.renderKpis()}
      <div class="toolbar">
        <button class="btn primary" data-priority-ticket @click=${() => void this.priorityTicket()}>${msg('绿色通道取号')}</button>
        <button class="btn" @click=${this.editNotice}>${msg('大厅公告')}</button>
        <button class="btn" data-reprint @click=${() => void openReprint(this, this.api, this.dialogs, this.store, null)}>${msg('补打号票')}</button>
        <span class="muted">${s.hall.notice ? `${msg('当前公告')}：${s.hall.notice.slice(0, 40)}${s.hall.notice.length > 40 ? '…' : ''}` : msg('当前没有公告')}</span>
      </div>
      <div class="layout">
        <section aria-label=${msg('窗口')}>
          ${
            s.windows.length
              ? html`<div class="windows">${s.windows.map((w) => this.renderWindow(w))}</div>`
              : html`<div class="card empty">
                ${msg('这个大厅还没有窗口。')}
                <button class="btn small" @click=${() => navigate(this, 'config/windows')}>${msg('去新增窗口')}</button>
              </div>`
          }
          ${this.renderQueues()}
        </section>
        ${this.renderAlerts()}
      </div>
      ${this.windowOpen !== null ? this.renderWindowDialog() : nothing} ${this.queueOpen !== null ? this.renderQueueDialog() : nothing} ${this.dialogs.render()}`;
  }

  private get services(): Map<number, ServiceView> {
    return new Map((this.store.snapshot?.services ?? []).map((s) => [s.id, s]));
  }

  private renderKpis() {
    const s = this.store.snapshot!;
    const waiting = s.queues.reduce((n, q) => n + q.waiting, 0);
    const oldest = Math.min(...s.queues.filter((q) => q.oldestQueuedAt !== null).map((q) => q.oldestQueuedAt!));
    const longest = Number.isFinite(oldest) ? minutesSince(oldest, this.now) : 0;
    const open = s.windows.filter((w) => w.status === 'open').length;
    const served = Object.values(this.store.live?.windowsToday ?? {}).reduce((n, w) => n + w.served, 0);
    const alerts = this.store.live?.alerts ?? [];
    const target = this.store.live?.waitTargetMinutes ?? 30;
    return html`<div class="kpis">
      <div class="kpi"><span>${msg('正在等候')}</span><b>${waiting}</b><small>${msg('人')}</small></div>
      <div class="kpi ${longest > target ? 'bad' : ''}"><span>${msg('最长等候')}</span><b>${longest}</b><small>${msg('分钟')}</small></div>
      <div class="kpi"><span>${msg('开放窗口')}</span><b>${open}</b><small>/ ${s.windows.length}</small></div>
      <div class="kpi"><span>${msg('今日办结')}</span><b>${served}</b><small>${msg('件')}</small></div>
      <div class="kpi ${alerts.some((a) => a.severity === 'critical') ? 'bad' : ''}"><span>${msg('待处理提醒')}</span><b>${alerts.length}</b><small>${msg('条')}</small></div>
    </div>`;
  }

  private renderWindow(w: WindowView) {
    const today = this.store.live?.windowsToday[String(w.id)];
    const current = w.current;
    const since = current ? (current.servingAt ?? current.calledAt ?? this.now) : null;
    const pausedFor = w.status === 'paused' && w.statusChangedAt ? minutesSince(w.statusChangedAt, this.now) : null;
    return html`<button class="win ${w.status}" data-window=${w.number} @click=${() => (this.windowOpen = w.id)} aria-label=${msg(str`${w.number}号窗口，${windowStatusLabel(w.status)}`)}>
      <span class="top"><span class="no">${w.number}</span><span class="name" title=${w.name}>${w.name}</span></span>
      <span class="who"
        ><span class="status">${windowStatusLabel(w.status)}</span> · ${w.clerk ? w.clerk.name : msg('无人值守')}${w.backupClerk ? html`<span class="muted"> · ${msg('AB角')} ${w.backupClerk.name}</span>` : nothing}</span
      >
      ${w.status === 'paused' ? html`<span class="paused-why">${w.pauseReason ?? ''} · ${minutesText(pausedFor ?? 0)}</span>` : nothing}
      <span class="now">
        ${
          current
            ? html`<span><span class="ticket">${current.number}</span> <span class="muted">${current.status === 'serving' ? msg('办理中') : msg('已叫号')} ${clockDuration(this.now - since!)}</span></span>`
            : html`<span class="muted">${w.status === 'open' ? msg('空闲') : ''}</span>`
        }
        <span class="muted">${msg('办结数')} <b class="num">${today?.served ?? 0}</b></span>
      </span>
    </button>`;
  }

  private renderQueues() {
    const s = this.store.snapshot!;
    const byWindow = (serviceId: number) =>
      s.windows.filter((w) => w.status === 'open' && w.serviceIds.includes(serviceId)).map((w) => w.number);
    const queueOf = new Map(s.queues.map((q) => [q.serviceId, q]));
    const rows = s.services
      .filter((sv) => sv.enabled)
      .map((sv) => ({
        service: sv,
        queue: queueOf.get(sv.id) ?? { serviceId: sv.id, waiting: 0, oldestQueuedAt: null, estimateMinutes: 0, openWindows: 0 },
      }))
      .sort((a, b) => b.queue.waiting - a.queue.waiting || a.service.id - b.service.id);
    const shown = this.allQueues ? rows : rows.filter((r) => r.queue.waiting > 0 || r.queue.openWindows === 0);
    return html`<div class="card queues">
      <header>
        <h2>${msg('事项排队')}</h2>
        <span class="spacer"></span>
        <label class="check"><input type="checkbox" .checked=${this.allQueues} @change=${(e: Event) => (this.allQueues = (e.target as HTMLInputElement).checked)} />${msg('显示全部事项')}</label>
      </header>
      ${
        shown.length === 0
          ? html`<div class="empty">${msg('目前没有人等候，所有事项都有窗口办理。')}</div>`
          : html`<table>
            <thead>
              <tr>
                <th>${msg('事项')}</th>
                <th class="n">${msg('等候人数')}</th>
                <th class="n">${msg('最长等候')}</th>
                <th class="n">${msg('预计等候')}</th>
                <th>${msg('开放窗口')}</th>
              </tr>
            </thead>
            <tbody>
              ${shown.map(({ service, queue }) => this.renderQueueRow(service, queue, byWindow(service.id)))}
            </tbody>
          </table>`
      }
    </div>`;
  }

  private renderQueueRow(service: ServiceView, queue: QueueView, windows: string[]) {
    const longest = queue.oldestQueuedAt ? minutesSince(queue.oldestQueuedAt, this.now) : null;
    return html`<tr class="clickable" tabindex="0" data-service=${service.prefix} @click=${() => (this.queueOpen = service.id)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (this.queueOpen = service.id)}>
      <td><b>${service.prefix}</b> ${named(service)}</td>
      <td class="n num">${queue.waiting}</td>
      <td class="n num ${longest !== null && longest > (this.store.live?.waitTargetMinutes ?? 30) ? 'over' : ''}">${longest === null ? '—' : minutesText(longest)}</td>
      <td class="n num">${queue.waiting ? minutesText(queue.estimateMinutes) : '—'}</td>
      <td>${windows.length ? windows.map((n) => msg(str`${n}号`)).join(' ') : html`<span class="flag">${msg('无开放窗口')}</span>`}</td>
    </tr>`;
  }

  private renderAlerts() {
    const alerts = this.store.live?.alerts ?? [];
    return html`<aside class="card" aria-label=${msg('提醒')}>
      <header><h2>${msg('提醒')}</h2><span class="pill ${alerts.length ? 'warn' : 'ok'}">${alerts.length}</span></header>
      ${
        alerts.length === 0
          ? html`<div class="ok-state">✓ ${msg('一切正常：没有超时等候、没有无人办理的事项，设备都在线。')}</div>`
          : html`<ul class="alerts">
            ${alerts.map(
              (a) => html`<li class="alert ${a.severity}" data-kind=${a.kind}>
                <span class="msg">${isEnglish() ? a.message.en : a.message.zh}</span>
                <span class="what">${msg('处理')}：${isEnglish() ? a.action.en : a.action.zh}</span>
                <button class="btn small go" @click=${() => this.goTo(a)}>${this.goLabel(a)}</button>
              </li>`,
            )}
          </ul>`
      }
    </aside>`;
  }

  private goLabel(a: Alert): string {
    switch (a.subject.type) {
      case 'service':
        return msg('查看排队');
      case 'window':
        return msg('处理窗口');
      case 'device':
        return msg('查看设备');
      case 'case':
        return msg('去整改');
    }
  }

  private goTo(a: Alert) {
    if (a.subject.type === 'service') this.queueOpen = a.subject.id;
    else if (a.subject.type === 'window') this.windowOpen = a.subject.id;
    else if (a.subject.type === 'device') navigate(this, `config/devices/${a.subject.id}`);
    else navigate(this, `cases/${a.subject.id}`);
  }

  // --- window actions ----------------------------------------------------------------------------

  private renderWindowDialog() {
    const w = this.store.snapshot?.windows.find((x) => x.id === this.windowOpen);
    if (!w) return nothing;
    const names = this.services;
    const served = w.serviceIds.map((id) => names.get(id)).filter((s): s is ServiceView => !!s);
    return html`<div class="scrim" @click=${(e: Event) => e.target === e.currentTarget && (this.windowOpen = null)} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.windowOpen = null)}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="wtitle">
        <h2 id="wtitle">${msg(str`${w.number}号窗口`)} · ${w.name}</h2>
        <p class="sub">
          ${windowStatusLabel(w.status)}${w.pauseReason ? ` · ${w.pauseReason}` : ''} · ${modeLabel(w.mode)} · ${w.clerk ? w.clerk.name : msg('无人值守')}${w.backupClerk ? ` · ${msg('AB角')} ${w.backupClerk.name}` : ''}
        </p>
        <div class="muted">${msg('办理事项')}：${served.map((s) => `${s.prefix} ${named(s)}`).join('、') || msg('无')}</div>
        ${
          w.current
            ? html`<div class="current">
              <span>${w.current.status === 'serving' ? msg('办理中') : msg('已叫号')} <b class="num">${w.current.number}</b></span>
              <button class="btn small" data-reprint=${w.current.number} @click=${() => void openReprint(this, this.api, this.dialogs, this.store, w.current)}>${msg('补打号票')}</button>
            </div>`
            : nothing
        }
        ${windowActions(this, w, this.api, this.dialogs, this.store, () => (this.windowOpen = null))}
        <footer>
          <button class="btn" @click=${() => navigate(this, `dispatch/${w.id}`)}>${msg('调整事项与人员…')}</button>
          <button class="btn" data-close @click=${() => (this.windowOpen = null)}>${msg('关闭')} <kbd>Esc</kbd></button>
        </footer>
      </div>
    </div>`;
  }

  // --- a queue's waiting tickets ----------------------------------------------------------------

  private renderQueueDialog() {
    const s = this.store.snapshot!;
    const service = this.services.get(this.queueOpen!);
    if (!service) return nothing;
    const waiting = (s.waiting ?? []).filter((t) => t.serviceId === service.id).sort((a, b) => a.queuedAt - b.queuedAt);
    return html`<div class="scrim" @click=${(e: Event) => e.target === e.currentTarget && (this.queueOpen = null)} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.queueOpen = null)}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="qtitle" style="width:min(720px,100%)">
        <h2 id="qtitle">${service.prefix} ${named(service)}</h2>
        <p class="sub">${msg(str`${waiting.length} 人等候`)}</p>
        <div class="list">
          ${
            waiting.length === 0
              ? html`<div class="empty">${msg('没有等候的号票。')}</div>`
              : html`<table>
                <thead>
                  <tr>
                    <th>${msg('号码')}</th>
                    <th>${msg('类别')}</th>
                    <th class="n">${msg('已等候')}</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  ${waiting.map(
                    (t) => html`<tr>
                      <td class="num"><b>${t.number}</b>${t.targetWindowId ? html` <span class="pill info">${msg('指定窗口')}</span>` : nothing}</td>
                      <td>${t.priority === 'normal' ? '' : html`<span class="pill warn">${priorityKindLabel(t.priority)}</span>`}</td>
                      <td class="n num">${minutesText(minutesSince(t.queuedAt, this.now))}</td>
                      <td class="n">
                        <button class="btn small" data-reprint=${t.number} @click=${() => void openReprint(this, this.api, this.dialogs, this.store, t)}>${msg('补打')}</button>
                        <button class="btn small" @click=${() => this.moveTicket(t)}>${msg('转移')}</button>
                        <button class="btn small danger" @click=${() => this.cancelTicket(t)}>${msg('取消')}</button>
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>`
          }
        </div>
        <footer><button class="btn" @click=${() => (this.queueOpen = null)}>${msg('关闭')} <kbd>Esc</kbd></button></footer>
      </div>
    </div>`;
  }

  private moveTicket(t: TicketView) {
    const s = this.store.snapshot!;
    this.dialogs.open({
      heading: msg(str`转移 ${t.number}`),
      sub: msg('群众保留原号码和取号时间。转到其他事项排队，或只由指定窗口办理。'),
      fields: [
        {
          name: 'toServiceId',
          label: msg('转到事项'),
          kind: 'select',
          options: s.services.filter((x) => x.enabled).map((x) => ({ value: String(x.id), label: `${x.prefix} ${named(x)}` })),
        },
        {
          name: 'toWindowId',
          label: msg('指定窗口（可不选）'),
          kind: 'select',
          options: [
            { value: '', label: msg('不指定') },
            ...s.windows.map((w) => ({
              value: String(w.id),
              label: w.status === 'closed' ? msg(str`${w.number}号窗口（已关闭，开放后才会叫号）`) : msg(str`${w.number}号窗口`),
            })),
          ],
        },
        { name: 'note', label: msg('原因'), kind: 'text', required: true, maxLength: 200, wide: true, hint: msg('记入审计日志') },
      ],
      values: { toServiceId: String(t.serviceId), toWindowId: '', note: '' },
      confirm: msg('转移'),
      done: msg(str`${t.number} 已转移`),
      submit: (v) =>
        this.api.post(`/api/tickets/${t.id}/transfer`, {
          toServiceId: Number(v.toServiceId),
          ...(v.toWindowId ? { toWindowId: Number(v.toWindowId) } : {}),
          note: String(v.note ?? ''),
        }),
    });
  }

  private cancelTicket(t: TicketView) {
    this.dialogs.open({
      heading: msg(str`取消 ${t.number}`),
      sub: msg('取消后号码作废，群众须重新取号。请写明原因，它会记入审计日志。'),
      fields: [
        {
          name: 'reason',
          label: msg('原因'),
          kind: 'text',
          required: true,
          maxLength: 200,
          wide: true,
          placeholder: msg('例如：群众已离开'),
        },
      ],
      confirm: msg('取消号票'),
      done: msg(str`${t.number} 已取消`),
      submit: (v) => this.api.post(`/api/tickets/${t.id}/cancel`, { reason: String(v.reason) }),
    });
  }

  // --- toolbar -----------------------------------------------------------------------------------

  private readonly priorityTicket = async () => {
    const s = this.store.snapshot!;
    if (!this.store.config) await this.store.loadConfig();
    const printers = this.store.config ? activePrinters(this.store.config) : [];
    const remembered = localStorage.getItem(GUIDE_PRINTER_KEY) ?? '';
    this.dialogs.open({
      heading: msg('绿色通道取号'),
      sub: msg('为导办台前的老年人、残疾人、军人、孕妇等群众取优先号；号码会优先叫（在公平规则的限度内）。'),
      fields: [
        {
          name: 'serviceId',
          label: msg('事项'),
          kind: 'select',
          options: s.services.filter((x) => x.enabled).map((x) => ({ value: String(x.id), label: `${x.prefix} ${named(x)}` })),
        },
        {
          name: 'priority',
          label: msg('类别'),
          kind: 'select',
          options: PRIORITY_KINDS.filter((p) => p !== 'normal' && p !== 'appointment').map((p) => ({
            value: p,
            label: priorityKindLabel(p),
          })),
        },
        {
          name: 'printerId',
          label: msg('打印号票'),
          kind: 'select',
          options: printerOptions(printers, msg('不打印，告知群众号码')),
        },
      ],
      values: {
        serviceId: String(s.services.find((x) => x.enabled)?.id ?? ''),
        priority: 'elderly',
        printerId: printers.some((p) => String(p.id) === remembered) ? remembered : '',
      },
      confirm: msg('取号'),
      submit: async (v) => {
        const printerId = v.printerId ? Number(v.printerId) : undefined;
        const issued = await this.api.post<{ ticket: TicketView; ahead: number; estimateMinutes: number }>(
          `/api/halls/${s.hall.id}/tickets`,
          { serviceId: Number(v.serviceId), priority: v.priority, ...(printerId ? { printerId } : {}) },
        );
        localStorage.setItem(GUIDE_PRINTER_KEY, String(v.printerId ?? ''));
        const where = printerId ? msg('号票正在打印。') : msg('请告知群众号码。');
        await act(
          this,
          async () => {},
          msg(str`已取号 ${issued.ticket.number}，前面 ${issued.ahead} 人，预计 ${issued.estimateMinutes} 分钟。${where}`),
        );
      },
    });
  };

  private readonly editNotice = () => {
    const s = this.store.snapshot!;
    this.dialogs.open({
      heading: msg('大厅公告'),
      sub: msg('在综合屏底部滚动显示；留空则不显示。'),
      fields: [{ name: 'notice', label: msg('公告内容'), kind: 'textarea', maxLength: 500 }],
      values: { notice: s.hall.notice },
      confirm: msg('发布'),
      done: msg('公告已更新'),
      submit: (v) => this.api.put(`/api/halls/${s.hall.id}/notice`, { notice: String(v.notice ?? '') }),
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-live-view': LiveView;
  }
}
