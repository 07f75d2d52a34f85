import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ServiceView, TicketView, WindowDetail, WindowView, ZoneView } from '../../common/protocol.js';
import { formatTime } from '../../common/ui/format.js';
import { getLocale } from '../../common/ui/i18n.js';
import { base, deskTheme } from '../../common/ui/theme.js';
import {
  actionDef,
  actionForKey,
  actionLabel,
  actionOfCommand,
  availableActions,
  isTyping,
  type ActionId,
  type DeskCommand,
} from './actions.js';
import './call-dialog.js';
import './current-ticket.js';
import { controlStyles } from './desk-styles.js';
import { KeyQueue, type KeyNote } from './key-queue.js';
import { windowStatusLabel } from './labels.js';
import './pause-dialog.js';
import './ticket-lists.js';
import './transfer-dialog.js';
import type { PadStatus } from './window-events.js';

type Dialog = { kind: 'transfer'; ticket: TicketView } | { kind: 'call'; number: string } | { kind: 'pause' };

/**
 * The clerk console's screen for one window, driven entirely by its properties (the container
 * `<hq-clerk-desk>` loads them and runs the commands). Every action is a button showing its
 * shortcut key; keys work when no text field has focus and no dialog is open. While offline or
 * while a command runs every button is disabled; a key pressed while a command runs waits for it
 * and a key that cannot act says why (the rules: key-queue.ts).
 *
 * @fires desk-command - detail: the DeskCommand to send
 * @fires desk-retry - send the failed command again (same idempotency key)
 * @fires desk-dismiss - hide the error
 * @fires desk-sign-out - leave the window
 * @fires desk-logout - leave the window and end the session
 * @fires desk-language - switch between Chinese and English
 */
@localized()
@customElement('hq-desk-view')
export class DeskView extends LitElement {
  @property({ attribute: false }) detail: WindowDetail | null = null;
  @property({ attribute: false }) services: ServiceView[] = [];
  @property({ attribute: false }) zones: ZoneView[] = [];
  @property({ attribute: false }) windows: WindowView[] = [];
  @property({ attribute: false }) pad: PadStatus | null = null;
  @property({ attribute: false }) user: { displayName: string; staffNo: string } | null = null;
  @property({ type: Number }) now = 0;
  @property() timezone = 'Asia/Shanghai';
  @property({ type: Number }) graceMinutes = 30;
  /** The realtime link is down: show it and allow nothing until the true state is back. */
  @property({ type: Boolean }) offline = false;
  /** Connected and synced: actions wait for this after every (re)connect. */
  @property({ type: Boolean }) live = false;
  /** The command running now. */
  @property() busy: DeskCommand['kind'] | null = null;
  /** The last failure, in the screen's language; `retry` when the outcome is unknown. */
  @property({ attribute: false }) failure: { message: string; retry: boolean } | null = null;

  @state() private dialog: Dialog | null = null;
  /** Keys that wait for the running command, and what the clerk is told about them. */
  private readonly keys = new KeyQueue();
  /** The action that sent the last command (P resumes a paused window with the command `open`). */
  private sentBy: ActionId | null = null;

  static override styles = [
    deskTheme,
    base,
    controlStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100vh;
        min-height: 600px;
      }
      header {
        display: flex;
        align-items: center;
        gap: 18px;
        padding: 10px 20px;
        background: var(--hq-bg-raised);
        border-bottom: 1px solid var(--hq-line);
      }
      .win {
        display: flex;
        align-items: baseline;
        gap: 10px;
        min-width: 0;
      }
      .win h1 {
        margin: 0;
        font-size: 24px;
        white-space: nowrap;
      }
      .win .name {
        color: var(--hq-text-dim);
        font-size: 16px;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .pill {
        padding: 3px 12px;
        border-radius: 999px;
        font-size: 14px;
        font-weight: 600;
        white-space: nowrap;
      }
      .pill.open {
        background: color-mix(in srgb, var(--hq-ok) 14%, #fff);
        color: var(--hq-ok);
      }
      .pill.paused {
        background: color-mix(in srgb, var(--hq-warn) 16%, #fff);
        color: var(--hq-warn);
      }
      .pill.closed {
        background: var(--hq-bg-sunken);
        color: var(--hq-text-dim);
      }
      .spacer {
        flex: 1;
      }
      .who {
        color: var(--hq-text-dim);
        font-size: 15px;
        white-space: nowrap;
      }
      .who b {
        color: var(--hq-text);
      }
      .clock {
        font-family: var(--hq-number-font);
        font-variant-numeric: tabular-nums;
        font-size: 20px;
      }
      .banner {
        display: flex;
        align-items: center;
        gap: 14px;
        padding: 10px 20px;
        font-size: 16px;
      }
      .banner.offline {
        background: #fff4dc;
        color: #6b4300;
        border-bottom: 1px solid #f0d49a;
      }
      .banner.error {
        background: #fdecea;
        color: #8a1a12;
        border-bottom: 1px solid #f3c2bd;
      }
      .banner.note {
        background: #e8f0fc;
        color: #123d73;
        border-bottom: 1px solid #bcd0ee;
      }
      .banner .msg {
        flex: 1;
      }
      main {
        flex: 1;
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(340px, 34%);
        gap: 16px;
        padding: 16px 20px;
        min-height: 0;
      }
      .left {
        display: grid;
        grid-template-rows: minmax(0, 1fr) auto auto;
        gap: 14px;
        min-width: 0;
        min-height: 0;
      }
      .actions {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 10px;
      }
      .act {
        min-height: 68px;
        font-size: 19px;
        font-weight: 600;
        justify-content: space-between;
        padding: 10px 16px;
      }
      .act.wide {
        grid-column: span 2;
        font-size: 22px;
      }
      .act[aria-busy='true'] span::after {
        content: '…';
      }
      .act.waiting {
        outline: 3px dashed var(--hq-accent);
        outline-offset: 2px;
      }
      .group-label {
        grid-column: 1 / -1;
        margin: 4px 0 -4px;
        font-size: 13px;
        color: var(--hq-text-dim);
      }
      .today {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 26px;
        padding: 12px 18px;
        border-radius: var(--hq-radius);
        background: var(--hq-bg-raised);
        border: 1px solid var(--hq-line);
        font-size: 15px;
        color: var(--hq-text-dim);
      }
      .today strong {
        font-size: 20px;
        color: var(--hq-text);
        font-variant-numeric: tabular-nums;
        margin-left: 4px;
      }
      .loading {
        padding: 40px;
        color: var(--hq-text-dim);
        font-size: 18px;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey, true);
  }

  override disconnectedCallback() {
    window.removeEventListener('keydown', this.onKey, true);
    super.disconnectedCallback();
  }

  /** Actions are locked while offline or syncing, while a command runs, and before the window has loaded. */
  get locked(): boolean {
    return this.offline || !this.live || this.busy !== null || this.detail === null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The command ended (the container reloads the window before it says so): a key that waited
    // for it runs now if it still applies. A failure shown means it failed, or its result could
    // not be loaded: the key was meant for a state the clerk has not seen, so it is dropped.
    if (changed.has('busy') && changed.get('busy') != null && this.busy === null) {
      const next = this.keys.commandDone(this.failure === null, this.locked ? new Set() : availableActions(this.detail));
      if (next) this.trigger(next);
    }
  }

  override render() {
    const d = this.detail;
    return html`${this.renderHeader(d)} ${this.renderBanner()} ${this.renderKeyNote()}
      ${
        d
          ? html`<main>
            <div class="left">
              <hq-current-ticket
                .ticket=${d.window.current}
                .names=${this.names}
                .windows=${this.windows}
                .pad=${this.pad}
                .waiting=${d.waiting.length}
                .now=${this.now}
              ></hq-current-ticket>
              ${this.renderActions(d)} ${this.renderToday(d)}
            </div>
            <hq-ticket-lists
              .waiting=${d.waiting}
              .held=${d.held}
              .missed=${d.missed}
              .names=${this.names}
              .now=${this.now}
              .graceMinutes=${this.graceMinutes}
              ?disabled=${this.locked}
              ?free=${!d.window.current}
              ?open=${d.window.status === 'open'}
              @desk-command=${(e: CustomEvent<DeskCommand>) => {
                e.stopPropagation();
                this.command(e.detail);
              }}
              @list-select=${(e: CustomEvent<{ number: string }>) => (this.dialog = { kind: 'call', number: e.detail.number })}
              @list-transfer=${(e: CustomEvent<{ ticket: TicketView }>) => (this.dialog = { kind: 'transfer', ticket: e.detail.ticket })}
            ></hq-ticket-lists>
          </main>`
          : html`<div class="loading" role="status">${msg('正在加载窗口…')}</div>`
      }
      ${this.renderDialog(d)}`;
  }

  private get names() {
    return new Map(this.services.map((s) => [s.id, s]));
  }

  private renderHeader(d: WindowDetail | null) {
    const w = d?.window;
    return html`<header>
      <div class="win">
        <h1>${w ? msg(str`${w.number}号窗口`) : msg('窗口工作台')}</h1>
        ${w ? html`<span class="name">${w.name}</span>` : nothing}
      </div>
      ${
        w
          ? html`<span class="pill ${w.status}" role="status"
            >${windowStatusLabel(w.status)}${w.status === 'paused' && w.pauseReason ? ` · ${w.pauseReason}` : ''}</span
          >`
          : nothing
      }
      <span class="spacer"></span>
      ${this.user ? html`<span class="who"><b>${this.user.displayName}</b> · ${msg('工号')} ${this.user.staffNo}</span>` : nothing}
      <span class="clock">${this.now ? formatTime(this.now, this.timezone, true) : ''}</span>
      <button class="btn small" @click=${() => this.emit('desk-language')}>${getLocale() === 'en' ? '中文' : 'English'}</button>
      <button class="btn small" ?disabled=${this.locked} @click=${() => this.emit('desk-sign-out')}>${msg('签退')}</button>
      <button class="btn small" ?disabled=${this.busy !== null} @click=${() => this.emit('desk-logout')}>${msg('退出登录')}</button>
    </header>`;
  }

  private renderBanner() {
    if (this.offline) {
      return html`<div class="banner offline" role="alert">
        <span class="msg">${msg('与服务器的连接已断开，正在重新连接。操作已暂停，恢复后将显示最新状态。')}</span>
      </div>`;
    }
    if (this.failure) {
      return html`<div class="banner error" role="alert">
        <span class="msg">${this.failure.message}</span>
        ${this.failure.retry ? html`<button class="btn small" ?disabled=${this.busy !== null} @click=${() => this.emit('desk-retry')}>${msg('重试')}</button>` : nothing}
        <button class="btn small" aria-label=${msg('关闭提示')} @click=${() => this.emit('desk-dismiss')}>×</button>
      </div>`;
    }
    return nothing;
  }

  private renderKeyNote() {
    const note = this.keys.note;
    if (!note) return nothing;
    return html`<div class="banner note" role="status">
      <span class="msg">${this.keyNoteText(note)}</span>
      <button
        class="btn small"
        aria-label=${msg('关闭提示')}
        @click=${() => {
          this.keys.clearNote();
          this.requestUpdate();
        }}
      >
        ×
      </button>
    </div>`;
  }

  private keyNoteText(note: KeyNote): string {
    const name = (id: ActionId) => {
      const [label, key] = [actionLabel(id, this.detail), actionDef(id).keyLabel];
      return msg(str`${label}（${key}）`);
    };
    const action = name(note.action);
    switch (note.kind) {
      case 'waiting':
        return msg(str`已记下${action}，当前操作完成后执行。`);
      case 'refused-busy':
        return msg(str`${action}未执行：已有${name(note.waiting)}在等待当前操作完成。`);
      case 'dropped-failed':
        return msg(str`${action}未执行：上一个操作没有成功。`);
      case 'dropped-not-applicable':
        return msg(str`${action}未执行：上一个操作完成后，此操作已不适用。`);
      case 'not-available':
        return msg(str`${action}此时不可用。`);
    }
  }

  private renderActions(d: WindowDetail) {
    const can = availableActions(d);
    const button = (id: ActionId, cls = '') => {
      const running = this.busy !== null && actionOfCommand(this.busy) === id;
      const waiting = this.keys.waiting === id;
      return html`<button
        class="btn act ${cls} ${waiting ? 'waiting' : ''}"
        data-action=${id}
        aria-busy=${running ? 'true' : 'false'}
        aria-keyshortcuts=${actionDef(id)
          .keys.map((k) => (k === ' ' ? 'Space' : k.toUpperCase()))
          .join(' ')}
        ?disabled=${this.locked || !can.has(id)}
        @click=${() => this.trigger(id)}
      >
        <span>${actionLabel(id, d)}</span><kbd>${actionDef(id).keyLabel}</kbd>
      </button>`;
    };
    return html`<div class="actions" role="toolbar" aria-label=${msg('窗口操作')}>
      ${button('call-next', 'primary wide')} ${button('recall')} ${button('start')} ${button('finish', 'ok')} ${button('no-show', 'warn')}
      ${button('hold')} ${button('transfer')}
      <div class="group-label">${msg('号票与窗口')}</div>
      ${button('select-call')} ${button('resume-first')} ${button('pause-toggle')} ${button('open-toggle')}
    </div>`;
  }

  private renderToday(d: WindowDetail) {
    const t = d.today;
    return html`<div class="today" aria-label=${msg('今日统计')}>
      <span>${msg('今日叫号')}<strong>${t.called}</strong></span>
      <span>${msg('已办结')}<strong>${t.served}</strong></span>
      <span>${msg('过号')}<strong>${t.noShow}</strong></span>
      <span>${msg('转出')}<strong>${t.transferred}</strong></span>
      <span>${msg('平均办理')}<strong>${t.averageServiceMinutes ?? '—'}</strong> ${msg('分钟')}</span>
    </div>`;
  }

  private renderDialog(d: WindowDetail | null) {
    const dialog = this.dialog;
    if (!dialog || !d) return nothing;
    const done = (e: CustomEvent<DeskCommand>) => {
      e.stopPropagation();
      this.dialog = null;
      this.command(e.detail);
    };
    const cancel = () => (this.dialog = null);
    switch (dialog.kind) {
      case 'transfer':
        return html`<hq-transfer-dialog
          .ticket=${dialog.ticket}
          .services=${this.services}
          .zones=${this.zones}
          .windows=${this.windows}
          .windowId=${d.window.id}
          @dialog-submit=${done}
          @dialog-cancel=${cancel}
        ></hq-transfer-dialog>`;
      case 'call':
        return html`<hq-call-dialog .number=${dialog.number} @dialog-submit=${done} @dialog-cancel=${cancel}></hq-call-dialog>`;
      case 'pause':
        return html`<hq-pause-dialog @dialog-submit=${done} @dialog-cancel=${cancel}></hq-pause-dialog>`;
    }
  }

  /** What a button or its key does. */
  trigger(id: ActionId): void {
    this.clearKeyNote();
    const d = this.detail;
    if (!d || this.locked || !availableActions(d).has(id)) return;
    const current = d.window.current;
    switch (id) {
      case 'call-next':
        return this.command({ kind: 'call-next' });
      case 'recall':
      case 'start':
      case 'finish':
      case 'no-show':
      case 'hold':
        if (current) this.command({ kind: id, ticketId: current.id });
        return;
      case 'resume-first':
        if (d.held[0]) this.command({ kind: 'resume', ticketId: d.held[0].id });
        return;
      case 'transfer': {
        const ticket = current ?? d.held[0];
        if (ticket) this.dialog = { kind: 'transfer', ticket };
        return;
      }
      case 'select-call':
        this.dialog = { kind: 'call', number: '' };
        return;
      case 'pause-toggle':
        if (d.window.status === 'paused') this.command({ kind: 'open' }, 'pause-toggle');
        else this.dialog = { kind: 'pause' };
        return;
      case 'open-toggle':
        this.command(d.window.status === 'closed' ? { kind: 'open' } : { kind: 'close' });
        return;
    }
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (this.dialog) {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.dialog = null;
      }
      return;
    }
    if (isTyping(e.composedPath()[0])) return;
    const id = actionForKey(e);
    if (!id) return;
    // The key is ours even when it does nothing now: Space must not scroll or press a focused button.
    e.preventDefault();
    if (this.busy !== null) {
      this.keys.pressWhileBusy(id, this.sentBy ?? actionOfCommand(this.busy));
      this.requestUpdate();
      return;
    }
    // A key the window does not allow now says so (offline or loading, the banner says why).
    if (!this.locked && !availableActions(this.detail).has(id)) {
      this.keys.refuseNotAvailable(id);
      this.requestUpdate();
      return;
    }
    this.trigger(id);
  };

  private command(command: DeskCommand, by: ActionId | null = actionOfCommand(command.kind)) {
    if (this.locked) return;
    this.clearKeyNote();
    this.sentBy = by;
    this.emit('desk-command', command);
  }

  private clearKeyNote() {
    if (!this.keys.note) return;
    this.keys.clearNote();
    this.requestUpdate();
  }

  private emit(name: string, detail?: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-desk-view': DeskView;
  }
}
