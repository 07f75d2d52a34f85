import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { OTHER_RATING_REASON } from '../../common/protocol.js';
import { levelChoices, missingHint, ratingDraft, reasonChoices, reasonLabel } from '../../common/ui/rating-levels.js';
import { isBadRating, type RatingLevel } from '../../common/vocabulary.js';
import { phoneStyles } from './phone-styles.js';

export interface PhoneRating {
  level: RatingLevel;
  reasons: string[];
  comment: string;
}

/**
 * 补评 on the phone: the pad's five levels (same words, colours and faces); 不满意 and 非常不满意
 * need at least one reason, and "其他" its text, before it can be sent. Nothing is chosen for the
 * visitor unless they tapped a face on the invitation.
 *
 * @fires rating-submit - detail: PhoneRating
 */
@localized()
@customElement('hq-rating-form')
export class RatingForm extends LitElement {
  /** The hall's reasons for a 差评 (其他 is added). */
  @property({ attribute: false }) reasons: string[] = [];
  /** A level the visitor already tapped (on the invitation). */
  @property({ type: Number }) initial: number | null = null;
  @property({ type: Boolean }) sending = false;
  @property() error = '';

  @state() private level: RatingLevel | null = null;
  @state() private chosen: string[] = [];
  @state() private comment = '';

  static override styles = [
    phoneStyles,
    css`
      :host {
        min-height: 0;
        background: none;
      }
      .levels {
        display: grid;
        gap: 8px;
      }
      .level {
        display: flex;
        align-items: center;
        gap: 14px;
        min-height: 58px;
        padding: 8px 16px;
        border-radius: 14px;
        border: 1.5px solid color-mix(in srgb, var(--c) 35%, #fff);
        background: color-mix(in srgb, var(--c) 6%, #fff);
        color: var(--c);
        font-size: 18px;
        font-weight: 600;
        text-align: left;
      }
      .level .face {
        width: 36px;
        height: 36px;
        flex: none;
      }
      .level[aria-checked='true'] {
        background: var(--c);
        border-color: var(--c);
        color: #fff;
      }
      .levels.chosen .level[aria-checked='false'] {
        opacity: 0.6;
      }
      .reasons {
        margin-top: 16px;
      }
      .error {
        margin-bottom: 10px;
      }
      .reasons h3 {
        margin: 0 0 10px;
        font-size: 16px;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .chip {
        min-height: 44px;
        padding: 8px 16px;
        border-radius: 999px;
        border: 1.5px solid var(--hq-line);
        background: var(--hq-bg-raised);
        color: var(--hq-text);
        font-size: 15px;
      }
      .chip[aria-pressed='true'] {
        border-color: #c95f1a;
        background: #fff3ea;
        color: #9c4310;
        font-weight: 600;
      }
      textarea {
        margin-top: 10px;
        min-height: 88px;
        padding: 10px 12px;
        font-size: 16px;
        resize: vertical;
      }
      .hint {
        margin: 12px 0 10px;
        min-height: 1.6em;
        font-size: 14px;
        color: var(--hq-text-dim);
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('initial') && this.initial && this.level === null) this.level = this.initial as RatingLevel;
  }

  override render() {
    const bad = this.level !== null && isBadRating(this.level);
    const { missing } = ratingDraft(this.level, this.chosen, this.comment);
    const ready = missing === null && !this.sending;
    const hint = missingHint(missing);
    return html`${levelChoices(this.level, (level) => this.choose(level))}
      ${
        bad
          ? html`<section class="reasons" aria-labelledby="why">
            <h3 id="why">${msg('请选择不满意的原因（可多选）')}</h3>
            <div class="chips">
              ${reasonChoices(this.reasons).map(
                (r) =>
                  html`<button class="chip" data-reason=${r} aria-pressed=${this.chosen.includes(r) ? 'true' : 'false'} @click=${() => this.toggle(r)}>${reasonLabel(r)}</button>`,
              )}
            </div>
            ${
              this.chosen.includes(OTHER_RATING_REASON)
                ? html`<textarea maxlength="200" placeholder=${msg('请写下您的意见')} .value=${this.comment} @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}></textarea>`
                : nothing
            }
          </section>`
          : nothing
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p class="hint" role="status">${hint}</p>`}
      <button class="btn send" ?disabled=${!ready} @click=${this.send}>${this.sending ? msg('正在提交…') : msg('提交评价')}</button>`;
  }

  private choose(level: RatingLevel) {
    this.level = level;
    if (!isBadRating(level)) {
      this.chosen = [];
      this.comment = '';
    }
  }

  private toggle(reason: string) {
    this.chosen = this.chosen.includes(reason) ? this.chosen.filter((r) => r !== reason) : [...this.chosen, reason];
  }

  private send() {
    const { rating } = ratingDraft(this.level, this.chosen, this.comment);
    if (!rating || this.sending) return;
    this.dispatchEvent(new CustomEvent<PhoneRating>('rating-submit', { detail: rating, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-rating-form': RatingForm;
  }
}
