import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CaseView } from '../../common/manager-protocol.js';
import { errorMessage, type ApiClient } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';
import type { StaffUser } from '../../common/ui/session.js';
import { CASE_STATUSES } from '../../common/vocabulary.js';
import { navigate, toast } from './act.js';
import { Dialogs } from './dialogs.js';
import type { HallStore } from './hall-store.js';
import { appealKindLabel, appealLabel, caseActionLabel, caseStatusLabel, caseStepLabel, isEnglish, ratingLevelLabel } from './labels.js';
import { viewStyles } from './styles.js';

type ListView = 'active' | 'overdue' | 'appeals' | 'closed' | 'all';
const VIEWS: ListView[] = ['active', 'overdue', 'appeals', 'closed', 'all'];
const viewLabel = (v: ListView) =>
  v === 'active'
    ? msg('进行中')
    : v === 'overdue'
      ? msg('已逾期')
      : v === 'appeals'
        ? msg('申诉待审')
        : v === 'closed'
          ? msg('已结案')
          : msg('全部');

const when = (ms: number, timeZone: string) =>
  new Date(ms).toLocaleString(getLocale() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone,
    hour12: false,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * 差评整改: the cases bad ratings opened, with their deadlines in working days; overdue ones stand
 * out. A case is worked step by step, each with a note: 开始整改 → 答复群众 → 回访 → 办结. A case
 * can be appealed as mistaken or malicious; another manager approves (the rating leaves the
 * statistics, kept on record) or rejects it.
 */
@localized()
@customElement('hq-cases-view')
export class CasesView extends LitElement {
  @property({ attribute: false }) store!: HallStore;
  @property({ attribute: false }) api!: ApiClient;
  /** The store's case revision: a new one reloads. */
  @property({ type: Number }) rev = 0;
  @property({ type: Number }) caseId = 0;
  @property({ attribute: false }) user: StaffUser | null = null;

  @state() private view: ListView = 'active';
  @state() private cases: CaseView[] | null = null;
  @state() private detail: CaseView | null = null;
  @state() private note = '';
  @state() private busy = false;
  @state() private error = '';

  private readonly dialogs = new Dialogs(this);

  static override styles = [
    ...viewStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1.25fr) minmax(360px, 1fr);
        gap: 16px;
        align-items: start;
      }
      .overdue-text {
        color: var(--hq-danger);
        font-weight: 700;
      }
      tr.overdue td:first-child {
        box-shadow: inset 4px 0 0 var(--hq-danger);
      }
      .level {
        font-weight: 700;
        color: var(--hq-danger);
      }
      .reasons {
        color: var(--hq-text-dim);
        font-size: 13px;
      }
      .detail {
        display: grid;
        gap: 14px;
        position: sticky;
        top: 0;
      }
      .facts {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 6px 14px;
        font-size: 14px;
        margin: 0;
      }
      .facts dt {
        color: var(--hq-text-dim);
      }
      .facts dd {
        margin: 0;
      }
      .stepper {
        display: grid;
        grid-template-columns: repeat(5, 1fr);
        gap: 4px;
        counter-reset: step;
      }
      .stepper span {
        text-align: center;
        font-size: 13px;
        padding: 6px 2px;
        border-radius: 6px;
        background: var(--hq-bg-sunken);
        color: var(--hq-text-dim);
      }
      .stepper span.done {
        background: color-mix(in srgb, var(--hq-ok) 14%, #fff);
        color: var(--hq-ok);
        font-weight: 600;
      }
      .stepper span.now {
        background: var(--hq-accent);
        color: #fff;
        font-weight: 700;
      }
      .timeline {
        list-style: none;
        margin: 8px 0 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      .timeline li {
        display: grid;
        gap: 2px;
        padding-left: 14px;
        border-left: 3px solid var(--hq-line);
        font-size: 14px;
      }
      .timeline .head {
        display: flex;
        gap: 8px;
        color: var(--hq-text-dim);
        font-size: 13px;
      }
      .timeline .head b {
        color: var(--hq-text);
      }
      .comment {
        padding: 8px 10px;
        border-radius: 8px;
        background: var(--hq-bg);
        font-size: 14px;
      }
      .step-form {
        display: grid;
        gap: 8px;
      }
      .row {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rev') && changed.get('rev') !== undefined) void this.load();
    if (changed.has('caseId')) {
      this.note = '';
      this.error = '';
      if (this.caseId) void this.loadDetail();
      else this.detail = null;
    }
  }

  private async load() {
    try {
      this.cases = await this.api.get<CaseView[]>(`/api/halls/${this.store.hallId}/cases?view=${this.view}`);
      if (this.caseId) await this.loadDetail();
    } catch (err) {
      toast(this, errorMessage(err, getLocale()), 'error');
    }
  }

  private async loadDetail() {
    try {
      this.detail = await this.api.get<CaseView>(`/api/halls/${this.store.hallId}/cases/${this.caseId}`);
    } catch (err) {
      this.detail = null;
      toast(this, errorMessage(err, getLocale()), 'error');
    }
  }

  override render() {
    return html`<div class="tabs" role="tablist">
        ${VIEWS.map(
          (v) => html`<button
            role="tab"
            data-view=${v}
            aria-selected=${this.view === v ? 'true' : 'false'}
            @click=${() => {
              this.view = v;
              void this.load();
            }}
          >
            ${viewLabel(v)}${v === 'overdue' && this.store.live?.cases.overdue ? html` <span class="pill danger">${this.store.live.cases.overdue}</span>` : nothing}${
              v === 'appeals' && this.store.live?.cases.appeals
                ? html` <span class="pill warn">${this.store.live.cases.appeals}</span>`
                : nothing
            }
          </button>`,
        )}
      </div>
      <div class="layout">${this.renderList()} ${this.renderDetail()}</div>
      ${this.dialogs.render()}`;
  }

  private renderList() {
    const cases = this.cases;
    if (!cases) return html`<div class="empty" role="status">${msg('正在加载…')}</div>`;
    if (cases.length === 0)
      return html`<div class="card empty">${this.view === 'active' ? msg('没有待处理的差评。') : msg('没有符合条件的案件。')}</div>`;
    return html`<div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>${msg('号票')}</th>
            <th>${msg('窗口 · 人员')}</th>
            <th>${msg('评价', { id: 'case-rating' })}</th>
            <th>${msg('期限')}</th>
            <th>${msg('状态')}</th>
          </tr>
        </thead>
        <tbody>
          ${cases.map(
            (c) => html`<tr
              class="clickable ${c.overdue ? 'overdue' : ''}"
              tabindex="0"
              data-case=${c.id}
              aria-selected=${c.id === this.caseId ? 'true' : 'false'}
              @click=${() => navigate(this, `cases/${c.id}`)}
              @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && navigate(this, `cases/${c.id}`)}
            >
              <td><b class="num">${c.ticket.number}</b><br /><span class="muted">${isEnglish() && c.serviceNameEn ? c.serviceNameEn : c.serviceName}</span></td>
              <td>${c.window ? msg(str`${c.window.number}号窗口`) : '—'}<br /><span class="muted">${c.clerk?.name ?? ''}</span></td>
              <td><span class="level">${ratingLevelLabel(c.rating.level)}</span><br /><span class="reasons">${c.rating.reasons.join('、')}</span></td>
              <td class=${c.overdue ? 'overdue-text' : ''}>${c.deadline}${c.overdue ? html`<br />${msg('已逾期')}` : nothing}</td>
              <td>
                <span class="pill ${c.status === 'closed' ? 'ok' : c.overdue ? 'danger' : 'info'}">${caseStatusLabel(c.status)}</span>
                ${c.appealStatus !== 'none' ? html`<br /><span class="muted">${appealLabel(c.appealStatus)}</span>` : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderDetail() {
    const c = this.detail;
    if (!c) return html`<div class="card empty">${msg('选择左侧的案件查看详情并处理。')}</div>`;
    const index = CASE_STATUSES.indexOf(c.status);
    return html`<section class="card detail" aria-label=${msg('案件详情')}>
      <header>
        <h2>${msg(str`差评案件 #${c.id}`)}</h2>
        <span class="spacer"></span>
        <span class="pill ${c.status === 'closed' ? 'ok' : c.overdue ? 'danger' : 'info'}">${caseStatusLabel(c.status)}</span>
      </header>
      <div class="stepper" aria-label=${msg('进度')}>
        ${CASE_STATUSES.map((s, i) => html`<span class=${i < index ? 'done' : i === index ? 'now' : ''}>${caseStatusLabel(s)}</span>`)}
      </div>
      <dl class="facts">
        <dt>${msg('号票')}</dt>
        <dd><b class="num">${c.ticket.number}</b> · ${isEnglish() && c.serviceNameEn ? c.serviceNameEn : c.serviceName} · ${c.ticket.serviceDay}</dd>
        <dt>${msg('窗口')}</dt>
        <dd>${c.window ? msg(str`${c.window.number}号窗口`) : '—'} · ${c.clerk?.name ?? '—'}</dd>
        <dt>${msg('评价', { id: 'case-rating' })}</dt>
        <dd><span class="level">${ratingLevelLabel(c.rating.level)}</span> · ${c.rating.reasons.join('、')} · ${when(c.rating.createdAt, this.timezone)}${c.rating.excluded ? html` · <span class="pill">${msg('不计入统计')}</span>` : nothing}</dd>
        <dt>${msg('期限')}</dt>
        <dd class=${c.overdue ? 'overdue-text' : ''}>${c.deadline}${c.overdue ? ` · ${msg('已逾期')}` : ''}</dd>
        ${
          c.appealStatus !== 'none'
            ? html`<dt>${msg('申诉')}</dt>
              <dd>${appealLabel(c.appealStatus)} · ${appealKindLabel(c.appealKind)} · ${c.appealReason ?? ''}</dd>`
            : nothing
        }
      </dl>
      ${c.rating.comment ? html`<div class="comment">“${c.rating.comment}”</div>` : nothing} ${this.renderNext(c)}
      <div>
        <h3>${msg('处理记录')}</h3>
        <ol class="timeline">
          <li>
            <span class="head"><b>${msg('群众评价')}</b><span>${when(c.rating.createdAt, this.timezone)}</span></span>
            <span>${msg('生成整改案件')}</span>
          </li>
          ${(c.steps ?? []).map(
            (s) => html`<li>
              <span class="head"><b>${caseStepLabel(s.action)}</b><span>${s.userName}</span><span>${when(s.at, this.timezone)}</span></span>
              <span>${s.note}</span>
            </li>`,
          )}
        </ol>
      </div>
    </section>`;
  }

  private renderNext(c: CaseView) {
    const next = c.nextAction;
    const canAppeal = c.status !== 'closed' && (c.appealStatus === 'none' || c.appealStatus === 'rejected');
    const placeholder =
      next === 'rectify'
        ? msg('整改措施：例如与当事人谈话、改进材料清单')
        : next === 'reply'
          ? msg('如何答复群众：时间、方式、内容')
          : next === 'follow_up'
            ? msg('回访结果：群众是否满意')
            : msg('办结说明');
    return html`${
      next
        ? html`<div class="step-form">
            <label class="field"
              >${msg('处理说明')}
              <textarea name="note" placeholder=${placeholder} maxlength="1000" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)} @keydown=${this.noteKey}></textarea>
            </label>
            <p class="error-line" role="alert">${this.error}</p>
            <div class="row">
              <button class="btn primary" data-step=${next} ?disabled=${this.busy} @click=${() => void this.step(c, next)}>${caseActionLabel(next)} <kbd>Ctrl+Enter</kbd></button>
              ${canAppeal ? html`<button class="btn" data-appeal @click=${() => this.appeal(c)}>${msg('提出申诉…')}</button>` : nothing}
            </div>
          </div>`
        : nothing
    }
      ${
        c.appealStatus === 'pending' && this.filedByMe(c)
          ? html`<p class="muted">${msg('您提出的申诉须由另一位管理员审核。')}</p>`
          : c.appealStatus === 'pending'
            ? html`<div class="row">
            <span class="muted">${msg('申诉待审核：')}</span>
            <button class="btn ok" data-decide="approve" @click=${() => this.decide(c, true)}>${msg('通过申诉')}</button>
            <button class="btn danger" data-decide="reject" @click=${() => this.decide(c, false)}>${msg('驳回申诉')}</button>
          </div>`
            : nothing
      }`;
  }

  private get timezone(): string {
    return this.store.snapshot?.hall.timezone ?? 'Asia/Shanghai';
  }

  /** The last appeal was filed by the person signed in (who may not decide it, unless an administrator). */
  private filedByMe(c: CaseView): boolean {
    if (!this.user || this.user.role === 'admin') return false;
    return (c.steps ?? []).filter((s) => s.action === 'appeal').at(-1)?.userName === this.user.displayName;
  }

  private readonly noteKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && this.detail?.nextAction) {
      e.preventDefault();
      void this.step(this.detail, this.detail.nextAction);
    }
  };

  private async step(c: CaseView, action: NonNullable<CaseView['nextAction']>) {
    if (!this.note.trim()) {
      this.error = msg('请填写处理说明（做了什么、结果如何）。');
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      this.detail = await this.api.post<CaseView>(`/api/halls/${this.store.hallId}/cases/${c.id}/steps`, {
        action,
        note: this.note.trim(),
      });
      this.note = '';
      toast(this, msg(str`已记录：${caseActionLabel(action)}`));
      void this.load();
    } catch (err) {
      this.error = errorMessage(err, getLocale());
    } finally {
      this.busy = false;
    }
  }

  private appeal(c: CaseView) {
    this.dialogs.open({
      heading: msg(str`对 ${c.ticket.number} 的差评提出申诉`),
      sub: msg('误评或恶意差评可以申诉，须由另一位管理员审核；通过后该评价不计入统计，但记录保留。'),
      fields: [
        {
          name: 'kind',
          label: msg('申诉类型'),
          kind: 'select',
          options: [
            { value: 'mistaken', label: msg('误评') },
            { value: 'malicious', label: msg('恶意差评') },
          ],
        },
        {
          name: 'reason',
          label: msg('理由和依据'),
          kind: 'textarea',
          required: true,
          maxLength: 1000,
          placeholder: msg('例如：监控录像显示群众误触；同一手机号多次差评'),
        },
      ],
      values: { kind: 'mistaken', reason: '' },
      confirm: msg('提交申诉'),
      done: msg('申诉已提交，等待审核'),
      submit: async (v) => {
        this.detail = await this.api.post<CaseView>(`/api/halls/${this.store.hallId}/cases/${c.id}/appeal`, {
          kind: v.kind,
          reason: String(v.reason),
        });
        void this.load();
      },
    });
  }

  private decide(c: CaseView, approve: boolean) {
    this.dialogs.open({
      heading: approve ? msg('通过申诉') : msg('驳回申诉'),
      sub: approve ? msg('通过后案件办结，这条评价不再计入统计（记录保留）。') : msg('驳回后案件继续整改，评价照常计入统计。'),
      fields: [{ name: 'note', label: msg('审核意见'), kind: 'textarea', required: true, maxLength: 1000 }],
      confirm: approve ? msg('通过') : msg('驳回'),
      done: approve ? msg('申诉已通过') : msg('申诉已驳回'),
      submit: async (v) => {
        this.detail = await this.api.post<CaseView>(`/api/halls/${this.store.hallId}/cases/${c.id}/appeal/decision`, {
          approve,
          note: String(v.note),
        });
        void this.load();
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-cases-view': CasesView;
  }
}
