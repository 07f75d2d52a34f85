import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ServiceView, WindowDetail, WindowView } from '../../common/protocol.js';
import { errorMessage, type ApiClient } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';
import { WINDOW_MODES, type WindowMode } from '../../common/vocabulary.js';
import { windowStatusLabel } from '../clerk/labels.js';
import { navigate, toast } from './act.js';
import { Dialogs } from './dialogs.js';
import type { HallStore } from './hall-store.js';
import { modeLabel, named } from './labels.js';
import { viewStyles } from './styles.js';
import { windowActions } from './window-actions.js';

/** Service order at a window: tier 1 is served first, tier 3 only when nothing else waits. */
const TIERS = [1, 2, 3] as const;
const tierLabel = (t: number) => (t === 1 ? msg('优先') : t === 2 ? msg('其次') : msg('最后'));

interface Draft {
  windowId: number;
  mode: WindowMode;
  zoneId: number | null;
  /** Specialist: the services it serves; comprehensive: tiers other than 1. */
  tiers: Map<number, number>;
  reason: string;
  /** Made from the configuration's rows (with their order), not guessed from the snapshot. */
  fromConfig: boolean;
  /** The manager changed something in it. */
  edited: boolean;
}

/**
 * 窗口调度: which services a window serves and in what order, effective on its next call; a
 * specialist window becomes comprehensive (分领域 or 无差别) and back; who staffs it, its backup
 * (AB角), open, pause, close. The list on the left moves with ↑/↓; the window's next call is
 * shown, so the effect of a change can be seen at once.
 */
@localized()
@customElement('hq-dispatch-view')
export class DispatchView extends LitElement {
  @property({ attribute: false }) store!: HallStore;
  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Number }) rev = 0;
  /** The window being edited (from the route), or 0 for the first. */
  @property({ type: Number }) windowId = 0;

  @state() private draft: Draft | null = null;
  @state() private detail: WindowDetail | null = null;
  @state() private saving = false;
  @state() private error = '';

  private readonly dialogs = new Dialogs(this);

  static override styles = [
    ...viewStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: 250px minmax(0, 1fr);
        gap: 16px;
        align-items: start;
      }
      .list {
        display: grid;
        gap: 4px;
        max-height: calc(100vh - 150px);
        overflow: auto;
        padding: 6px;
      }
      .list button {
        display: grid;
        grid-template-columns: 34px 1fr auto;
        align-items: center;
        gap: 6px;
        text-align: left;
        padding: 8px 10px;
        border-radius: 8px;
        border: 1px solid transparent;
        background: none;
        color: var(--hq-text);
        font-size: 14px;
      }
      .list button[aria-current='true'] {
        background: color-mix(in srgb, var(--hq-accent) 10%, #fff);
        border-color: var(--hq-accent);
      }
      .list button:focus-visible {
        outline: 3px solid color-mix(in srgb, var(--hq-accent) 40%, transparent);
      }
      .list .no {
        font-family: var(--hq-number-font);
        font-weight: 700;
        font-size: 18px;
      }
      .list .nm {
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      .dot {
        width: 9px;
        height: 9px;
        border-radius: 50%;
        background: var(--hq-line);
      }
      .dot.open {
        background: var(--hq-ok);
      }
      .dot.paused {
        background: var(--hq-warn);
      }
      .editor {
        display: grid;
        gap: 14px;
      }
      .modes {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
        align-items: center;
      }
      .modes .zone-pick {
        margin-left: auto;
        display: flex;
        align-items: center;
        gap: 8px;
        font-size: 14px;
        color: var(--hq-text-dim);
      }
      .modes + .hint-line {
        margin: 10px 0 12px;
      }
      .zones {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
        gap: 12px;
      }
      .zone h3 {
        font-size: 14px;
        color: var(--hq-text-dim);
        margin-bottom: 6px;
      }
      .svc {
        display: grid;
        grid-template-columns: 1fr auto;
        align-items: center;
        gap: 8px;
        padding: 4px 0;
      }
      .svc select {
        font-size: 14px;
        padding: 4px 6px;
      }
      .svc.off label {
        color: var(--hq-text-dim);
      }
      .next {
        display: flex;
        gap: 18px;
        align-items: baseline;
        flex-wrap: wrap;
        font-size: 15px;
      }
      .next b {
        font-family: var(--hq-number-font);
        font-size: 22px;
      }
      .save {
        display: flex;
        gap: 10px;
        align-items: center;
      }
      .save input {
        flex: 1;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.store.config) void this.store.loadConfig();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const w = this.selected;
    if (w && (!this.draft || this.draft.windowId !== w.id)) {
      this.draft = this.draftOf(w);
      this.error = '';
      void this.loadDetail(w.id);
    } else if (w && this.draft && !this.draft.edited && (changed.has('rev') || (!this.draft.fromConfig && this.store.config))) {
      // Someone else changed it meanwhile (another manager), or the configuration with the
      // services' order has arrived: show the truth, as long as the manager has not started editing.
      this.draft = this.draftOf(w);
    }
    if (changed.has('rev') && w) void this.loadDetail(w.id, true);
  }

  private get windows(): WindowView[] {
    return this.store.snapshot?.windows ?? [];
  }

  private get selected(): WindowView | undefined {
    return this.windows.find((w) => w.id === this.windowId) ?? this.windows[0];
  }

  private draftOf(w: WindowView): Draft {
    const configured = this.store.config?.windows.find((c) => c.id === w.id)?.rows;
    const rows = configured ?? w.serviceIds.map((serviceId) => ({ serviceId, tier: 1, weight: 1 }));
    const tiers = new Map(rows.map((r) => [r.serviceId, r.tier]));
    if (w.mode === 'specialist' && tiers.size === 0) for (const id of w.serviceIds) tiers.set(id, 1);
    return { windowId: w.id, mode: w.mode, zoneId: w.zoneId, tiers, reason: '', fromConfig: configured !== undefined, edited: false };
  }

  /** The draft differs from what the window has. */
  private get dirty(): boolean {
    const w = this.selected;
    const d = this.draft;
    if (!w || !d) return false;
    const saved = this.draftOf(w);
    return (
      d.mode !== saved.mode || d.zoneId !== saved.zoneId || JSON.stringify([...d.tiers].sort()) !== JSON.stringify([...saved.tiers].sort())
    );
  }

  private scrolledTo: number | null = null;

  protected override updated(): void {
    // Keep the window being edited in sight in the list.
    const id = this.selected?.id ?? null;
    const item = this.renderRoot.querySelector('.list button[aria-current="true"]');
    if (item && id !== this.scrolledTo) {
      this.scrolledTo = id;
      item.scrollIntoView({ block: 'nearest' });
    }
  }

  private detailTimer: ReturnType<typeof setTimeout> | null = null;
  private async loadDetail(windowId: number, debounced = false) {
    if (debounced) {
      if (this.detailTimer) clearTimeout(this.detailTimer);
      this.detailTimer = setTimeout(() => void this.loadDetail(windowId), 400);
      return;
    }
    try {
      const detail = await this.api.get<WindowDetail>(`/api/windows/${windowId}`);
      if (this.selected?.id === windowId) this.detail = detail;
    } catch {
      this.detail = null;
    }
  }

  override render() {
    const s = this.store.snapshot;
    const w = this.selected;
    if (!s || !w || !this.draft) return html`<div class="empty" role="status">${msg('正在加载窗口…')}</div>`;
    return html`<div class="layout">
        <div class="card list" role="listbox" aria-label=${msg('窗口')} @keydown=${this.onListKey}>
          ${this.windows.map(
            (
              x,
            ) => html`<button role="option" aria-selected=${x.id === w.id ? 'true' : 'false'} aria-current=${x.id === w.id ? 'true' : 'false'} data-window=${x.number} @click=${() => navigate(this, `dispatch/${x.id}`)}>
              <span class="no">${x.number}</span><span class="nm">${x.name}<br /><span class="muted">${modeLabel(x.mode)} · ${x.clerk?.name ?? msg('无人')}</span></span
              ><span class="dot ${x.status}" title=${windowStatusLabel(x.status)}></span>
            </button>`,
          )}
        </div>
        <div class="editor">${this.renderStaffing(w)} ${this.renderServices(w, s.services)}</div>
      </div>
      ${this.dialogs.render()}`;
  }

  private renderStaffing(w: WindowView) {
    const d = this.detail;
    const next = d?.waiting[0];
    const names = new Map((this.store.snapshot?.services ?? []).map((s) => [s.id, s]));
    return html`<section class="card">
      <header>
        <h2>${msg(str`${w.number}号窗口`)} · ${w.name}</h2>
        <span class="pill ${w.status}">${windowStatusLabel(w.status)}${w.pauseReason ? ` · ${w.pauseReason}` : ''}</span>
        <span class="spacer"></span>
        <span class="muted">${msg('人员')}：<b>${w.clerk?.name ?? msg('无')}</b> · ${msg('AB角')}：<b>${w.backupClerk?.name ?? msg('未设')}</b></span>
      </header>
      ${windowActions(this, w, this.api, this.dialogs, this.store, () => void this.loadDetail(w.id))}
      <div class="next" aria-live="polite">
        <span>${msg('可叫号')} <b>${d?.waiting.length ?? '—'}</b> ${msg('人')}</span>
        <span>${msg('下一位')} <b data-next>${next ? next.number : '—'}</b> ${next ? html`<span class="muted">${named(names.get(next.serviceId))}</span>` : nothing}</span>
        ${d ? html`<span class="muted">${msg(str`今日已办结 ${d.today.served} 件`)}</span>` : nothing}
      </div>
    </section>`;
  }

  private renderServices(w: WindowView, services: ServiceView[]) {
    const d = this.draft!;
    const zones = this.store.snapshot?.zones ?? [];
    const inScope = (s: ServiceView) => (d.mode === 'hall' ? true : d.mode === 'zone' ? s.zoneId === d.zoneId : d.tiers.has(s.id));
    const groups = [
      ...zones.map((z) => ({ zone: z, list: services.filter((s) => s.zoneId === z.id) })),
      { zone: null, list: services.filter((s) => s.zoneId === null) },
    ].filter((g) => g.list.length);
    const count = services.filter((s) => s.enabled && inScope(s)).length;
    return html`<section class="card">
      <header>
        <h2>${msg('办理事项')}</h2>
        <span class="muted">${msg(str`将办理 ${count} 个事项；保存后下一次叫号即按新设置。`)}</span>
      </header>
      <div class="modes" role="radiogroup" aria-label=${msg('窗口类型')}>
        ${WINDOW_MODES.map(
          (m) =>
            html`<button class="chip" role="radio" aria-checked=${d.mode === m ? 'true' : 'false'} data-mode=${m} @click=${() => this.setMode(m)}>${modeLabel(m)}</button>`,
        )}
        <label class="zone-pick"
          >${msg('所属服务区')}
          <select data-zone @change=${(e: Event) => this.patch({ zoneId: Number((e.target as HTMLSelectElement).value) || null })}>
            <option value="" ?selected=${d.zoneId === null}>${msg('无')}</option>
            ${zones.map((z) => html`<option value=${z.id} ?selected=${d.zoneId === z.id}>${named(z)}</option>`)}
          </select>
        </label>
      </div>
      <p class="hint-line">
        ${
          d.mode === 'specialist'
            ? msg('专窗：只办理勾选的事项。顺序“优先”的事项先叫，“其次”“最后”的只在前面没有人等时才叫。')
            : d.mode === 'zone'
              ? msg('分领域综合窗口：办理所属服务区的全部事项（以后新增的也包括）；可调整顺序。')
              : msg('无差别综合窗口：办理大厅全部事项；可把本领域事项设为“优先”。')
        }
      </p>
      <div class="zones">
        ${groups.map(
          (g) => html`<div class="zone">
            <h3>${g.zone ? named(g.zone) : msg('未分区')}</h3>
            ${g.list.map((s) => this.renderService(s, inScope(s)))}
          </div>`,
        )}
      </div>
      <p class="error-line" role="alert">${this.error}</p>
      <div class="save">
        <input aria-label=${msg('调整原因')} placeholder=${msg('调整原因（记入审计日志），例如：参保登记积压')} maxlength="200" .value=${d.reason} @input=${(e: Event) => this.patch({ reason: (e.target as HTMLInputElement).value })} />
        <button class="btn" ?disabled=${!this.dirty || this.saving} @click=${() => (this.draft = this.draftOf(w))}>${msg('还原')}</button>
        <button class="btn primary" data-save ?disabled=${!this.dirty || this.saving || !d.reason.trim()} title=${this.dirty && !d.reason.trim() ? msg('请填写调整原因') : ''} @click=${() => void this.save(w)}>${this.saving ? msg('正在保存…') : msg('保存调整')}</button>
      </div>
    </section>`;
  }

  private renderService(s: ServiceView, served: boolean) {
    const d = this.draft!;
    const specialist = d.mode === 'specialist';
    const tier = d.tiers.get(s.id) ?? 1;
    return html`<div class="svc ${served ? '' : 'off'}" data-service=${s.prefix}>
      <label class="check">
        <input type="checkbox" .checked=${served} ?disabled=${!specialist || !s.enabled} @change=${(e: Event) => this.toggle(s.id, (e.target as HTMLInputElement).checked)} />
        <b>${s.prefix}</b> ${named(s)}${s.enabled ? '' : html` <span class="pill">${msg('已停用')}</span>`}
      </label>
      ${
        served
          ? html`<select aria-label=${msg(str`${s.name} 的顺序`)} @change=${(e: Event) => this.setTier(s.id, Number((e.target as HTMLSelectElement).value))}>
            ${TIERS.map((t) => html`<option value=${t} ?selected=${t === tier}>${tierLabel(t)}</option>`)}
          </select>`
          : nothing
      }
    </div>`;
  }

  private patch(patch: Partial<Draft>) {
    this.draft = { ...this.draft!, ...patch, edited: true };
  }

  private setMode(mode: WindowMode) {
    const d = this.draft!;
    // Specialist keeps the services it served as comprehensive; comprehensive keeps only tiers ≠ 1.
    const tiers = new Map<number, number>();
    if (mode === 'specialist') for (const id of this.selected!.serviceIds) tiers.set(id, d.tiers.get(id) ?? 1);
    else for (const [id, t] of d.tiers) if (t !== 1) tiers.set(id, t);
    this.patch({ mode, tiers, zoneId: mode === 'zone' && d.zoneId === null ? (this.store.snapshot?.zones[0]?.id ?? null) : d.zoneId });
  }

  private toggle(serviceId: number, on: boolean) {
    const tiers = new Map(this.draft!.tiers);
    if (on) tiers.set(serviceId, 1);
    else tiers.delete(serviceId);
    this.patch({ tiers });
  }

  private setTier(serviceId: number, tier: number) {
    const tiers = new Map(this.draft!.tiers);
    if (tier === 1 && this.draft!.mode !== 'specialist') tiers.delete(serviceId);
    else tiers.set(serviceId, tier);
    this.patch({ tiers });
  }

  private async save(w: WindowView) {
    const d = this.draft!;
    this.saving = true;
    this.error = '';
    try {
      const services = [...d.tiers].map(([serviceId, tier]) => ({ serviceId, tier }));
      await this.api.put(`/api/windows/${w.id}/services`, {
        mode: d.mode,
        zoneId: d.zoneId,
        services,
        reason: d.reason.trim() || undefined,
      });
      toast(this, msg(str`${w.number} 号窗口的办理事项已调整，下一次叫号生效`));
      await this.store.loadConfig();
      this.draft = this.draftOf(this.selected!);
      void this.loadDetail(w.id);
    } catch (err) {
      this.error = errorMessage(err, getLocale());
    } finally {
      this.saving = false;
    }
  }

  /** ↑/↓ move through the windows. */
  private readonly onListKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const list = this.windows;
    const i = list.findIndex((x) => x.id === this.selected?.id);
    const next = list[Math.min(list.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      navigate(this, `dispatch/${next.id}`);
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`.list button[data-window="${next.number}"]`)?.focus(),
      );
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-dispatch-view': DispatchView;
  }
}
