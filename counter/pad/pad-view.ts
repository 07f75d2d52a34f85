import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { OTHER_RATING_REASON, type PadState, type RatingRequestView } from '../../common/protocol.js';
import { getLocale } from '../../common/ui/i18n.js';
import { base, deskTheme } from '../../common/ui/theme.js';
import { isBadRating, type RatingLevel } from '../../common/vocabulary.js';
import { face, LEVELS, levelChoices, missingHint, ratingDraft, reasonChoices, reasonLabel } from '../../common/ui/rating-levels.js';

export type PadPhase = 'idle' | 'asking' | 'thanks';

/** What the visitor chose, sent with `pad-rate`. */
export interface PadRating {
  ticketId: number;
  level: RatingLevel;
  reasons: string[];
  comment: string;
}

/**
 * The rating pad's screen, driven by its properties (`<hq-pad-screen>` loads them):
 * idle (window, clerk on duty, an invitation to rate), asking (five large choices; 不满意 and
 * 非常不满意 need at least one reason, and "其他" its text, before the rating can be sent; a
 * countdown to the deadline), and thank-you. Nothing is chosen for the visitor.
 *
 * @fires pad-rate - detail: PadRating
 * @fires pad-language - switch between Chinese and English
 */
@localized()
@customElement('hq-pad-view')
export class PadView extends LitElement {
  @property({ attribute: false }) state: PadState | null = null;
  @property({ attribute: false }) request: RatingRequestView | null = null;
  @property() phase: PadPhase = 'idle';
  @property({ type: Number }) now = 0;
  @property({ type: Boolean }) sending = false;
  /** A refusal or network problem to show, in the screen's language. */
  @property() error = '';
  @property({ type: Boolean }) offline = false;
  /** The level the visitor gave, for the thank-you. */
  @property({ type: Number }) thanked: number | null = null;

  @state() private level: RatingLevel | null = null;
  @state() private reasons: string[] = [];
  @state() private comment = '';
  @state() private hint = '';
  /** When this request first showed, for the countdown bar. */
  private askedAt = 0;

  static override styles = [
    deskTheme,
    base,
    css`
      :host {
        display: grid;
        grid-template-rows: auto minmax(0, 1fr);
        height: 100vh;
        overflow: hidden;
        user-select: none;
        -webkit-user-select: none;
        touch-action: manipulation;
        background: linear-gradient(180deg, #f7f9fc 0%, #eaf0f8 100%);
      }
      header {
        display: flex;
        align-items: center;
        gap: 16px;
        padding: 18px 28px;
        font-size: 20px;
        color: var(--hq-text-dim);
      }
      header .hall {
        flex: 1;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      header .window {
        font-weight: 700;
        color: var(--hq-text);
      }
      .lang {
        border: 1px solid var(--hq-line);
        background: #fff;
        border-radius: 999px;
        padding: 8px 16px;
        font-size: 16px;
        color: var(--hq-text);
      }
      .offline-dot {
        font-size: 15px;
        color: var(--hq-warn);
      }
      main {
        display: grid;
        min-height: 0;
        padding: 0 40px 32px;
      }

      /* Idle */
      .idle {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        align-items: center;
        align-content: center;
        gap: 48px;
      }
      .photo {
        width: 240px;
        height: 300px;
        border-radius: 20px;
        object-fit: cover;
        background: #dfe7f2;
        box-shadow: 0 10px 30px rgb(20 40 80 / 12%);
      }
      .placeholder {
        display: grid;
        place-items: center;
        font-size: 110px;
        font-weight: 600;
        color: #fff;
        background: linear-gradient(160deg, #3f7fd0, #1b5fc1);
      }
      .clerk h1 {
        margin: 0;
        font-size: 56px;
        letter-spacing: 0.08em;
      }
      .clerk .staff {
        margin-top: 10px;
        font-size: 26px;
        color: var(--hq-text-dim);
      }
      .clerk .role {
        margin-top: 6px;
        font-size: 22px;
        color: var(--hq-text-dim);
      }
      .invite {
        margin-top: 36px;
        padding: 22px 26px;
        border-radius: 18px;
        background: #fff;
        border: 1px solid var(--hq-line);
        font-size: 26px;
        line-height: 1.5;
      }
      .invite .faces {
        display: flex;
        gap: 14px;
        margin-top: 14px;
      }
      .invite .faces span {
        width: 44px;
        height: 44px;
        opacity: 0.8;
      }
      .motto {
        margin-top: 18px;
        font-size: 20px;
        color: var(--hq-text-dim);
      }
      .nobody {
        grid-column: 1 / -1;
        text-align: center;
        font-size: 34px;
        color: var(--hq-text-dim);
      }

      /* Asking */
      .asking {
        display: grid;
        grid-template-rows: auto auto auto minmax(0, 1fr) auto;
        gap: 18px;
        min-height: 0;
      }
      .ask-head {
        display: flex;
        align-items: center;
        gap: 20px;
      }
      .ask-head h1 {
        flex: 1;
        margin: 0;
        font-size: 40px;
      }
      .countdown {
        padding: 8px 18px;
        border-radius: 999px;
        background: #fff;
        border: 1px solid var(--hq-line);
        font-size: 20px;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .bar {
        height: 6px;
        border-radius: 3px;
        background: #dbe3ee;
        overflow: hidden;
      }
      .bar span {
        display: block;
        height: 100%;
        background: var(--hq-accent);
        transition: width 0.9s linear;
      }
      .served {
        margin: -6px 0 0;
        font-size: 22px;
        color: var(--hq-text-dim);
      }
      .body {
        display: grid;
        gap: 18px;
        min-height: 0;
        align-content: start;
      }
      .asking:not(.with-reasons) .body {
        align-content: center;
      }
      .levels {
        display: grid;
        grid-template-columns: repeat(5, minmax(0, 1fr));
        gap: 16px;
        align-content: start;
      }
      .level {
        display: grid;
        justify-items: center;
        align-content: center;
        gap: 14px;
        min-height: max(210px, 34vh);
        padding: 18px 8px;
        border-radius: 20px;
        border: 2px solid color-mix(in srgb, var(--c) 30%, #fff);
        background: color-mix(in srgb, var(--c) 7%, #fff);
        color: var(--c);
        font-size: 26px;
        font-weight: 600;
        transition: transform 0.1s ease;
      }
      .level .face {
        width: 96px;
        height: 96px;
      }
      .asking.with-reasons .level {
        min-height: 210px;
      }
      .asking.with-reasons .level .face {
        width: 80px;
        height: 80px;
      }
      .level:active {
        transform: scale(0.98);
      }
      .level[aria-checked='true'] {
        background: var(--c);
        border-color: var(--c);
        color: #fff;
        box-shadow: 0 10px 24px color-mix(in srgb, var(--c) 35%, transparent);
      }
      .levels.chosen .level[aria-checked='false'] {
        opacity: 0.55;
      }
      .reasons {
        display: grid;
        gap: 14px;
        align-content: start;
        padding: 20px 22px;
        border-radius: 18px;
        background: #fff;
        border: 1px solid var(--hq-line);
        overflow: auto;
        min-height: 0;
      }
      .reasons h2 {
        margin: 0;
        font-size: 24px;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
      }
      .chip {
        padding: 14px 24px;
        border-radius: 999px;
        border: 2px solid var(--hq-line);
        background: #fff;
        color: var(--hq-text);
        font-size: 22px;
      }
      .chip[aria-pressed='true'] {
        border-color: #c95f1a;
        background: #fff3ea;
        color: #9c4310;
      }
      textarea {
        font: inherit;
        font-size: 22px;
        padding: 12px 14px;
        border-radius: 12px;
        border: 2px solid var(--hq-line);
        min-height: 96px;
        resize: none;
        user-select: text;
        -webkit-user-select: text;
      }
      .send-row {
        display: flex;
        align-items: center;
        gap: 20px;
      }
      .hint {
        flex: 1;
        margin: 0;
        font-size: 21px;
        color: var(--hq-text-dim);
      }
      .hint.error {
        color: var(--hq-danger);
      }
      .send {
        min-width: 260px;
        min-height: 76px;
        border: none;
        border-radius: 16px;
        background: var(--hq-accent);
        color: #fff;
        font-size: 28px;
        font-weight: 600;
      }
      .send[disabled] {
        background: #aebdd2;
        cursor: not-allowed;
      }

      /* Thanks */
      .thanks {
        display: grid;
        place-items: center;
        align-content: center;
        gap: 20px;
        text-align: center;
      }
      .thanks .mark {
        width: 150px;
        height: 150px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        background: #e3f4ec;
        color: #11805a;
      }
      .thanks .mark svg {
        width: 90px;
        height: 90px;
      }
      .thanks h1 {
        margin: 0;
        font-size: 60px;
      }
      .thanks p {
        margin: 0;
        font-size: 26px;
        color: var(--hq-text-dim);
      }

      @media (orientation: portrait) {
        main {
          padding: 0 32px 32px;
        }
        .idle {
          grid-template-columns: 1fr;
          justify-items: center;
          text-align: center;
          gap: 32px;
        }
        .invite .faces {
          justify-content: center;
        }
        .levels {
          grid-template-columns: 1fr;
          gap: 12px;
        }
        .level {
          grid-template-columns: auto 1fr;
          justify-items: start;
          align-items: center;
          min-height: 128px;
          padding: 12px 32px;
          gap: 28px;
          font-size: 32px;
        }
        .level .face {
          width: 76px;
          height: 76px;
        }
        .asking.with-reasons .level {
          min-height: 72px;
          font-size: 26px;
        }
        .asking.with-reasons .level .face {
          width: 48px;
          height: 48px;
        }
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('request') && this.request?.ticketId !== changed.get('request')?.ticketId) {
      // A new service to rate: nothing chosen, nothing carried over.
      this.level = null;
      this.reasons = [];
      this.comment = '';
      this.hint = '';
      this.askedAt = this.now;
    }
  }

  override render() {
    const s = this.state;
    return html`<header>
        <span class="hall">${s?.hall.name ?? ''}</span>
        ${this.offline ? html`<span class="offline-dot" role="status">● ${msg('网络重连中')}</span>` : nothing}
        ${s ? html`<span class="window">${msg(str`${s.window.number}号窗口`)}</span>` : nothing}
        <button class="lang" @click=${() => this.dispatchEvent(new CustomEvent('pad-language', { bubbles: true, composed: true }))}>
          ${getLocale() === 'en' ? '中文' : 'English'}
        </button>
      </header>
      <main>${this.phase === 'thanks' ? this.renderThanks() : this.phase === 'asking' && this.request ? this.renderAsking(this.request) : this.renderIdle()}</main>`;
  }

  private renderIdle() {
    const s = this.state;
    if (!s) return html`<div class="idle"><p class="nobody">${msg('正在加载…')}</p></div>`;
    const clerk = s.clerk;
    if (!clerk) {
      return html`<div class="idle"><p class="nobody">${msg(str`${s.window.number}号窗口 · 暂无工作人员`)}</p></div>`;
    }
    const initial = [...clerk.name.trim()][0] ?? '';
    return html`<div class="idle">
      ${
        clerk.photoUrl
          ? html`<img class="photo" src=${clerk.photoUrl} alt=${clerk.name} />`
          : html`<div class="photo placeholder" aria-hidden="true">${initial}</div>`
      }
      <div class="clerk">
        <h1>${clerk.name}</h1>
        <div class="staff">${msg('工号')} ${clerk.staffNo}</div>
        <div class="role">${s.window.name}</div>
        <div class="invite">
          ${msg('办理结束后，请在这里为我的服务评价。')}
          <div class="faces">${LEVELS.map((l) => html`<span style="color:${l.colour}">${face(l.level)}</span>`)}</div>
        </div>
        <div class="motto">${msg('您的评价是我们改进工作的动力')}</div>
      </div>
    </div>`;
  }

  private renderAsking(request: RatingRequestView) {
    const left = Math.max(0, Math.round((request.deadline - this.now) / 1000));
    const total = Math.max(1, request.deadline - (this.askedAt || this.now));
    const bad = this.level !== null && isBadRating(this.level);
    const { missing } = ratingDraft(this.level, this.reasons, this.comment);
    const ready = missing === null && !this.sending;
    const hint = this.error || missingHint(missing);
    const service = getLocale() === 'en' && request.serviceNameEn ? request.serviceNameEn : request.serviceName;
    return html`<div class="asking ${bad ? 'with-reasons' : ''}">
      <div class="ask-head">
        <h1>${msg('请对本次服务进行评价')}</h1>
        <span class="countdown" role="timer">${msg(str`剩余 ${left} 秒`)}</span>
      </div>
      <div class="bar" aria-hidden="true"><span style="width:${Math.min(100, ((request.deadline - this.now) / total) * 100)}%"></span></div>
      <p class="served">
        ${request.number} · ${service}${request.clerk ? html` · ${msg(str`服务人员 ${request.clerk.name}（${request.clerk.staffNo}）`)}` : nothing}
      </p>
      <div class="body">
        ${levelChoices(this.level, (level) => this.choose(level))}
        ${bad ? this.renderReasons(request) : nothing}
      </div>
      <div class="send-row">
        <p class="hint ${this.error || this.hint ? 'error' : ''}" role="status">${this.hint || hint}</p>
        <button class="send" ?disabled=${!ready} @click=${() => this.send(request)}>${this.sending ? msg('正在提交…') : msg('提交评价')}</button>
      </div>
    </div>`;
  }

  private renderReasons(request: RatingRequestView) {
    const all = reasonChoices(request.reasons);
    return html`<section class="reasons" aria-labelledby="why">
      <h2 id="why">${msg('请选择不满意的原因（可多选）')}</h2>
      <div class="chips">
        ${all.map(
          (
            r,
          ) => html`<button class="chip" data-reason=${r} aria-pressed=${this.reasons.includes(r) ? 'true' : 'false'} @click=${() => this.toggle(r)}>
            ${reasonLabel(r)}
          </button>`,
        )}
      </div>
      ${
        this.reasons.includes(OTHER_RATING_REASON)
          ? html`<textarea
            maxlength="200"
            placeholder=${msg('请写下您的意见')}
            .value=${this.comment}
            @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}
          ></textarea>`
          : nothing
      }
    </section>`;
  }

  private renderThanks() {
    const bad = this.thanked !== null && isBadRating(this.thanked);
    return html`<div class="thanks" role="status">
      <div class="mark">
        <svg viewBox="0 0 48 48" aria-hidden="true"><path d="M12 25 L21 34 L37 15" fill="none" stroke="currentColor" stroke-width="5" stroke-linecap="round" stroke-linejoin="round" /></svg>
      </div>
      <h1>${msg('感谢您的评价！')}</h1>
      <p>${bad ? msg('我们会认真核实，并在规定时间内整改答复。') : msg('祝您生活愉快，欢迎再来。')}</p>
    </div>`;
  }

  private choose(level: RatingLevel) {
    this.level = level;
    this.hint = '';
    if (!isBadRating(level)) {
      this.reasons = [];
      this.comment = '';
    }
  }

  private toggle(reason: string) {
    this.reasons = this.reasons.includes(reason) ? this.reasons.filter((r) => r !== reason) : [...this.reasons, reason];
    this.hint = '';
  }

  private send(request: RatingRequestView) {
    if (this.sending) return;
    const draft = ratingDraft(this.level, this.reasons, this.comment);
    if (!draft.rating) {
      this.hint = missingHint(draft.missing);
      return;
    }
    const rating: PadRating = { ticketId: request.ticketId, ...draft.rating };
    this.dispatchEvent(new CustomEvent<PadRating>('pad-rate', { detail: rating, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-pad-view': PadView;
  }
}
