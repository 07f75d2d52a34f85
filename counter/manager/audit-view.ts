import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AuditEntry, AuditPage } from '../../common/manager-protocol.js';
import { errorMessage, type ApiClient } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';
import { callReasonLabel } from '../clerk/labels.js';
import type { CallReason } from '../../common/vocabulary.js';
import type { HallStore } from './hall-store.js';
import { auditAction, auditSubject, fieldLabel, named } from './labels.js';
import { viewStyles } from './styles.js';

type Category = '' | 'windows' | 'tickets' | 'config' | 'devices' | 'cases';
const categoryLabel = (c: Category) =>
  c === 'windows'
    ? msg('窗口')
    : c === 'tickets'
      ? msg('号票')
      : c === 'config'
        ? msg('配置')
        : c === 'devices'
          ? msg('设备')
          : c === 'cases'
            ? msg('差评整改')
            : msg('全部');
const PAGE = 50;

/**
 * 审计日志: every manager and admin action and every out-of-order call, with who, when and why;
 * searchable by words, dates, category and person, newest first, 50 at a time. New entries
 * appear at the top while the first page is shown.
 */
@localized()
@customElement('hq-audit-view')
export class AuditView extends LitElement {
  @property({ attribute: false }) store!: HallStore;
  @property({ attribute: false }) api!: ApiClient;
  /** The store's audit revision: a new one refreshes the first page. */
  @property({ type: Number }) rev = 0;

  @state() private q = '';
  @state() private from = '';
  @state() private to = '';
  @state() private category: Category = '';
  @state() private entries: AuditEntry[] | null = null;
  @state() private next: number | null = null;
  @state() private error = '';
  @state() private loading = false;
  private paged = false;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;

  static override styles = [
    ...viewStyles,
    css`
      form {
        display: flex;
        gap: 10px 14px;
        align-items: end;
        flex-wrap: wrap;
        margin-bottom: 14px;
      }
      form input[type='search'] {
        width: 280px;
      }
      td.when {
        white-space: nowrap;
        font-size: 13px;
      }
      td.reason {
        max-width: 360px;
      }
      .changes {
        display: block;
        font-size: 12px;
        color: var(--hq-text-dim);
        margin-top: 2px;
      }
      .more {
        display: flex;
        justify-content: center;
        margin-top: 12px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(false);
  }

  override disconnectedCallback(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Something happened in the hall: refresh the first page (not while reading older pages).
    if (changed.has('rev') && changed.get('rev') !== undefined && !this.paged) {
      if (this.refreshTimer) clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => void this.load(false), 800);
    }
  }

  private async load(more: boolean) {
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (this.q.trim()) q.set('q', this.q.trim());
    if (this.from) q.set('from', this.from);
    if (this.to) q.set('to', this.to);
    if (this.category) q.set('category', this.category);
    if (more && this.next) q.set('beforeSeq', String(this.next));
    this.loading = true;
    try {
      const page = await this.api.get<AuditPage>(`/api/halls/${this.store.hallId}/audit?${q}`, { timeoutMs: 30_000 });
      this.entries = more ? [...(this.entries ?? []), ...page.entries] : page.entries;
      this.next = page.nextBeforeSeq;
      this.paged = more;
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err, getLocale());
    } finally {
      this.loading = false;
    }
  }

  override render() {
    return html`<form
        role="search"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.load(false);
        }}
      >
        <label class="field"
          >${msg('搜索')}<input type="search" name="q" maxlength="50" placeholder=${msg('人员、原因、号码、事项…')} .value=${this.q} @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)}
        /></label>
        <label class="field">${msg('从')}<input type="date" name="from" .value=${this.from} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} /></label>
        <label class="field">${msg('到')}<input type="date" name="to" .value=${this.to} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} /></label>
        <label class="field"
          >${msg('类别')}
          <select name="category" @change=${(e: Event) => (this.category = (e.target as HTMLSelectElement).value as Category)}>
            ${(['', 'windows', 'tickets', 'config', 'devices', 'cases'] as Category[]).map((c) => html`<option value=${c} ?selected=${this.category === c}>${categoryLabel(c)}</option>`)}
          </select>
        </label>
        <button class="btn primary">${msg('查询')}</button>
      </form>
      ${this.error ? html`<p class="error-line" role="alert">${this.error}</p>` : nothing} ${this.renderTable()}`;
  }

  private renderTable() {
    const entries = this.entries;
    if (!entries) return html`<div class="empty" role="status">${msg('正在加载…')}</div>`;
    if (entries.length === 0) return html`<div class="card empty">${msg('没有符合条件的记录。')}</div>`;
    const windows = new Map((this.store.snapshot?.windows ?? []).map((w) => [w.id, w.number]));
    const tz = this.store.snapshot?.hall.timezone ?? 'Asia/Shanghai';
    const time = (ms: number) =>
      new Date(ms).toLocaleString(getLocale() === 'en' ? 'en-GB' : 'zh-CN', {
        timeZone: tz,
        hour12: false,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    return html`<div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>${msg('时间')}</th>
              <th>${msg('操作人')}</th>
              <th>${msg('操作')}</th>
              <th>${msg('对象')}</th>
              <th>${msg('原因 / 说明')}</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map(
              (e) => html`<tr data-seq=${e.seq} data-type=${e.type}>
                <td class="when num">${time(e.at)}</td>
                <td>${e.actorName}</td>
                <td>${auditAction(e)}</td>
                <td>${auditSubject(e, (id) => windows.get(id) ?? null)}</td>
                <td class="reason">${this.reason(e)}${this.details(e)}${this.changes(e)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="more">
        ${this.next !== null ? html`<button class="btn" ?disabled=${this.loading} @click=${() => void this.load(true)}>${this.loading ? msg('正在加载…') : msg('加载更早的记录')}</button>` : html`<span class="muted">${msg(str`共 ${entries.length} 条`)}</span>`}
      </div>`;
  }

  /** A call's reason code in words; anything else as the manager wrote it. */
  private reason(e: AuditEntry): string {
    if (!e.reason) return '';
    if (e.type === 'ticket:called') return callReasonLabel(e.reason as CallReason) ?? e.reason;
    return e.reason;
  }

  /** What the entry did, where the data says more than its action and subject: where a ticket went, who was placed, services before → after. */
  private details(e: AuditEntry) {
    const d = e.data;
    const snapshot = this.store.snapshot;
    const service = (id: unknown) => {
      const s = snapshot?.services.find((x) => x.id === id);
      return s ? `${s.prefix} ${named(s)}` : `#${String(id)}`;
    };
    const windowNo = (id: unknown) => snapshot?.windows.find((w) => w.id === id)?.number ?? `#${String(id)}`;
    let text = '';
    if (e.type === 'ticket:transferred') {
      const to = [
        d.toServiceId !== d.fromServiceId ? service(d.toServiceId) : '',
        d.toWindowId ? msg(str`${windowNo(d.toWindowId)}号窗口`) : '',
      ]
        .filter(Boolean)
        .join(' · ');
      text = to ? msg(str`转至 ${to}`) : '';
    } else if (e.type === 'window:clerk' && d.action === 'backup_set') {
      text = typeof d.backupName === 'string' && d.backupName ? msg(str`AB角：${d.backupName}`) : msg('取消AB角');
    } else if (e.type === 'window:clerk' && d.action === 'assigned' && typeof d.clerkName === 'string' && d.clerkName) {
      text = msg(str`人员：${d.clerkName}`);
    } else if (e.type === 'window:services' && Array.isArray(d.before) && Array.isArray(d.after)) {
      const list = (ids: unknown[]) =>
        ids.length ? ids.map((id) => snapshot?.services.find((x) => x.id === id)?.prefix ?? `#${String(id)}`).join(' ') : '—';
      text = msg(str`事项：${list(d.before)} → ${list(d.after)}`);
    }
    return text ? html`<span class="changes">${text}</span>` : nothing;
  }

  /** "name: 旧 → 新" for the fields a configuration change touched. */
  private changes(e: AuditEntry) {
    const changes = e.data.changes as Record<string, [unknown, unknown]> | undefined;
    if (!changes || typeof changes !== 'object') return nothing;
    const show = (v: unknown): string => {
      if (v === null || v === undefined || v === '') return '—';
      if (Array.isArray(v)) return v.join('、');
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      return JSON.stringify(v); // a nested setting (an object): its fields, not "[object Object]"
    };
    const parts = Object.entries(changes)
      .slice(0, 4)
      .map(([k, [a, b]]) => `${fieldLabel(k)}: ${show(a)} → ${show(b)}`);
    return parts.length ? html`<span class="changes">${parts.join('；')}</span>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-audit-view': AuditView;
  }
}
