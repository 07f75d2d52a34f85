import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  entryComplete,
  entryGroups,
  entryProblem,
  KEYPAD,
  pressKey,
  type BookingChoice,
  type Entry,
  type EntryMode,
  type KeypadKey,
} from './check-in-logic.js';
import { checkInIcon } from './icons.js';
import { kioskStyles } from './kiosk-styles.js';

/** Detail of `kiosk-check-in`: what was typed, and the service chosen when the phone number has several appointments. */
export interface KioskCheckInRequest {
  entry: Entry;
  serviceId?: number;
}

/**
 * 预约签到 at the kiosk: the visitor types the 8-digit booking code or the 11-digit phone number
 * of the booking on a large on-screen keypad (no system keyboard), sees the digits in boxes
 * grouped as the number is read, and checks in. When a phone number has several appointments
 * today it lists them to choose the service. A refusal that only needs a corrected digit is
 * shown here (`error`), keeping what was typed.
 *
 * @fires kiosk-check-in - detail: KioskCheckInRequest
 * @fires kiosk-back - back to the start screen
 */
@localized()
@customElement('hq-kiosk-check-in')
export class KioskCheckIn extends LitElement {
  /** What to show typed when the screen opens (a retry after a lost answer). */
  @property({ attribute: false }) initial: Entry | null = null;
  /**
   * Why the last entry was not found, in the screen's language; hidden once the visitor types
   * again. A new object for every refusal, so the same words refused twice show twice.
   */
  @property({ attribute: false }) error: { message: string } | null = null;
  /** The visitor's appointments today, when the phone number has several. */
  @property({ attribute: false }) choices: BookingChoice[] | null = null;
  /** A check-in is on its way: the keys wait. */
  @property({ type: Boolean }) sending = false;

  @state() private entry: Entry = { mode: 'code', digits: '' };
  @state() private errorHidden = false;
  @state() private choicesDismissed = false;

  static override styles = [
    ...kioskStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 44rem);
        grid-template-areas: 'info pad';
        align-items: center;
        gap: 2rem 4rem;
        min-height: 0;
        padding: 0 3rem;
        background: transparent;
      }
      .info {
        grid-area: info;
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        align-content: center;
        gap: 2rem;
        min-width: 0;
      }
      h1 {
        display: flex;
        align-items: center;
        gap: 1.4rem;
        margin: 0;
        font-size: calc(3.6rem * var(--k, 1));
        line-height: 1.2;
      }
      h1 svg {
        width: 4.6rem;
        height: 4.6rem;
        flex: none;
        color: var(--hq-ok);
      }
      .lead {
        margin: -0.8rem 0 0;
        font-size: calc(1.7rem * var(--k, 1));
        color: var(--hq-text-dim);
        line-height: 1.5;
      }
      .modes {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 1.2rem;
      }
      .modes .btn {
        min-height: calc(6.4rem * var(--k, 1));
        font-size: calc(2.1rem * var(--k, 1));
        white-space: normal;
        line-height: 1.2;
      }
      .modes .btn[aria-checked='true'] {
        background: var(--hq-accent);
        border-color: var(--hq-accent);
        color: var(--hq-accent-text);
      }
      .entry {
        display: flex;
        justify-content: center;
        gap: 1.6rem;
        padding: 2rem 1.6rem;
        border-radius: 1.4rem;
        background: var(--hq-bg-raised);
        border: 2px solid var(--hq-line);
      }
      .group {
        display: flex;
        gap: 0.6rem;
        min-width: 0;
      }
      .box {
        display: grid;
        place-items: center;
        width: 4.6rem;
        height: 6.6rem;
        flex: 0 1 4.6rem;
        min-width: 0;
        border-radius: 0.8rem;
        border: 2px solid var(--hq-line);
        background: var(--hq-bg-sunken);
        font-family: var(--hq-number-font);
        font-size: 4rem;
        font-weight: 700;
        color: var(--hq-text);
      }
      .box.next {
        border-color: var(--hq-accent);
        box-shadow: 0 0 0 0.25rem color-mix(in srgb, var(--hq-accent) 35%, transparent);
      }
      .hint,
      .problem {
        margin: 0;
        min-height: calc(2.6rem * var(--k, 1));
        font-size: calc(1.7rem * var(--k, 1));
        line-height: 1.5;
        color: var(--hq-text-dim);
        text-align: center;
      }
      .problem {
        padding: 1rem 1.6rem;
        border-radius: 1rem;
        font-weight: 600;
      }
      .back,
      .retype {
        min-height: calc(7.4rem * var(--k, 1));
        padding: 0 1rem;
        font-size: calc(2rem * var(--k, 1));
        border-radius: 1.2rem;
      }
      .pad {
        grid-area: pad;
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 1.2rem;
        align-content: center;
      }
      .key {
        min-height: 8rem;
        border-radius: 1.2rem;
        border: 2px solid var(--hq-line);
        background: linear-gradient(160deg, #15406f 0%, var(--hq-bg-raised) 80%);
        color: var(--hq-text);
        font-family: var(--hq-number-font);
        font-size: calc(3.8rem * var(--k, 1));
        font-weight: 700;
        box-shadow: 0 0.3rem 0.9rem rgb(0 0 0 / 25%);
      }
      .key.word {
        font-family: inherit;
        font-size: calc(2rem * var(--k, 1));
        color: var(--hq-text-dim);
        background: var(--hq-bg-sunken);
      }
      .key svg {
        width: 3.2rem;
        height: 3.2rem;
        vertical-align: middle;
      }
      .key:active:not([disabled]) {
        transform: scale(0.97);
        border-color: var(--hq-accent);
      }
      .key[disabled] {
        opacity: 0.5;
      }
      .go {
        grid-column: span 2;
        min-height: calc(7.4rem * var(--k, 1));
        font-size: calc(2.6rem * var(--k, 1));
        border-radius: 1.2rem;
      }
      .go .spinner {
        --spinner-size: 2.6rem;
      }
      .choices {
        grid-area: pad;
        display: grid;
        gap: 1.2rem;
        align-content: center;
      }
      .choices h2 {
        margin: 0 0 0.4rem;
        font-size: calc(2.2rem * var(--k, 1));
        line-height: 1.4;
      }
      .choice {
        display: grid;
        justify-items: start;
        gap: 0.4rem;
        min-height: 8.4rem;
        padding: 1.4rem 2rem;
        border-radius: 1.2rem;
        border: 2px solid color-mix(in srgb, var(--hq-ok) 55%, var(--hq-line));
        background: var(--hq-bg-raised);
        color: var(--hq-text);
        text-align: left;
      }
      .choice b {
        font-size: calc(2.4rem * var(--k, 1));
      }
      .choice span {
        font-size: calc(1.7rem * var(--k, 1));
        color: var(--hq-ok);
        font-variant-numeric: tabular-nums;
      }
      .choices .row {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 1.2rem;
        margin-top: 0.6rem;
      }
      @media (orientation: portrait) {
        :host {
          grid-template-columns: minmax(0, 1fr);
          grid-template-areas: 'info' 'pad';
          align-content: center;
          gap: 3rem;
          padding: 0 1rem;
        }
        .pad,
        .choices {
          justify-self: center;
          width: min(56rem, 100%);
        }
        .key {
          min-height: 8.6rem;
        }
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    if (this.initial) this.entry = { ...this.initial };
    window.addEventListener('keydown', this.onKeyboard);
  }

  override disconnectedCallback() {
    window.removeEventListener('keydown', this.onKeyboard);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('error')) this.errorHidden = false;
    if (changed.has('choices')) this.choicesDismissed = false;
  }

  override render() {
    const entry = this.entry;
    const choosing = !!this.choices?.length && !this.choicesDismissed;
    return html`
      <section class="info">
        <h1>
          ${checkInIcon}
          ${msg('预约签到')}
        </h1>
        <p class="lead">${msg('已在网上或手机上预约的群众，请输入预约码或预约时填写的手机号，签到后取预约号优先办理。')}</p>
        <div class="modes" role="radiogroup" aria-label=${msg('签到方式')}>
          ${this.modeButton('code', msg('预约码（8 位）'))} ${this.modeButton('phone', msg('手机号（11 位）'))}
        </div>
        <div class="entry" data-entry=${entry.digits} aria-live="polite" aria-label=${entry.mode === 'code' ? msg('已输入的预约码') : msg('已输入的手机号')}>
          ${entryGroups(entry).map(
            (group, gi) =>
              html`<span class="group">${group.map((digit, i) => html`<span class="box ${this.isNext(gi, i) ? 'next' : ''}">${digit}</span>`)}</span>`,
          )}
        </div>
        ${this.renderMessage()}
      </section>
      ${choosing ? this.renderChoices(this.choices!) : this.renderPad()}
    `;
  }

  private modeButton(mode: EntryMode, label: string) {
    return html`<button class="btn" role="radio" data-mode=${mode} aria-checked=${String(this.entry.mode === mode)} ?disabled=${this.sending} @click=${() => this.setMode(mode)}>
      ${label}
    </button>`;
  }

  /** The server's refusal, else what is wrong with the first digit, else how to find the code. */
  private renderMessage() {
    if (this.error && !this.errorHidden) return html`<p class="problem stop" role="alert" data-error>${this.error.message}</p>`;
    const problem = entryProblem(this.entry);
    if (problem === 'code_starts_with_zero')
      return html`<p class="problem warn" role="alert" data-problem>${msg('预约码不以 0 开头，请核对后重新输入。')}</p>`;
    if (problem === 'phone_starts_with_one')
      return html`<p class="problem warn" role="alert" data-problem>${msg('手机号码以 1 开头，请核对后重新输入。')}</p>`;
    return html`<p class="hint">${this.entry.mode === 'code' ? msg('预约码是 8 位数字，在预约成功的页面和短信里。') : msg('请输入预约时填写的 11 位手机号码。')}</p>`;
  }

  private renderPad() {
    const complete = entryComplete(this.entry);
    const del = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M22 3H7c-.7 0-1.2.3-1.6.9L0 12l5.4 8.1c.4.5.9.9 1.6.9h15a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2m-3 12.6L17.6 17 14 13.4 10.4 17 9 15.6l3.6-3.6L9 8.4 10.4 7l3.6 3.6L17.6 7 19 8.4 15.4 12z" /></svg>`;
    return html`<div class="pad" role="group" aria-label=${msg('数字键盘')}>
      ${KEYPAD.map((key) => {
        if (key === 'clear')
          return html`<button class="key word" data-key="clear" ?disabled=${this.sending} @click=${() => this.press(key)}>${msg('清空')}</button>`;
        if (key === 'delete')
          return html`<button class="key word" data-key="delete" aria-label=${msg('删除一位')} ?disabled=${this.sending} @click=${() => this.press(key)}>${del}</button>`;
        return html`<button class="key" data-key=${key} ?disabled=${this.sending} @click=${() => this.press(key)}>${key}</button>`;
      })}
      ${this.backButton()}
      <button class="btn primary go" data-go ?disabled=${!complete || this.sending} @click=${() => this.submit()}>
        ${this.sending ? html`<span class="spinner"></span>${msg('正在签到…')}` : msg('签到取号')}
      </button>
    </div>`;
  }

  private renderChoices(choices: BookingChoice[]) {
    return html`<div class="choices" role="group" data-choices>
      <h2>${msg(str`该手机号今天有 ${choices.length} 个预约，请选择现在要办理的事项：`)}</h2>
      ${choices.map(
        (c) => html`<button class="choice" data-choice=${c.serviceId} ?disabled=${this.sending} @click=${() => this.submit(c.serviceId)}>
          <b>${c.serviceName}</b><span>${msg(str`预约时段 ${c.start}–${c.end}`)}</span>
        </button>`,
      )}
      <div class="row">
        ${this.backButton()}
        <button class="btn retype" data-retype @click=${() => (this.choicesDismissed = true)}>${msg('重新输入')}</button>
      </div>
    </div>`;
  }

  private backButton() {
    return html`<button class="btn back" data-back @click=${() => this.fire('kiosk-back')}>${msg('返回首页')}</button>`;
  }

  /** The box the next digit goes into. */
  private isNext(group: number, index: number): boolean {
    const sizes = entryGroups(this.entry).map((g) => g.length);
    const position = sizes.slice(0, group).reduce((a, b) => a + b, 0) + index;
    return position === this.entry.digits.length;
  }

  private setMode(mode: EntryMode) {
    if (mode === this.entry.mode) return;
    this.entry = { mode, digits: '' };
    this.errorHidden = true;
    this.choicesDismissed = true;
  }

  private press(key: KeypadKey) {
    if (this.sending) return;
    this.entry = pressKey(this.entry, key);
    this.errorHidden = true;
    this.choicesDismissed = true;
  }

  private submit(serviceId?: number) {
    if (this.sending || !entryComplete(this.entry)) return;
    const detail: KioskCheckInRequest = serviceId === undefined ? { entry: this.entry } : { entry: this.entry, serviceId };
    this.dispatchEvent(new CustomEvent<KioskCheckInRequest>('kiosk-check-in', { detail, bubbles: true, composed: true }));
  }

  /** A hardware keyboard, where the kiosk has one: digits, Backspace, Enter (not while typing in a field, e.g. the staff sign-in). */
  private readonly onKeyboard = (e: KeyboardEvent) => {
    if (e.composedPath().some((t) => t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement)) return;
    if (/^\d$/.test(e.key)) this.press(e.key as KeypadKey);
    else if (e.key === 'Backspace') this.press('delete');
    else if (e.key === 'Enter') this.submit();
    else return;
    e.preventDefault();
  };

  private fire(name: string) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-kiosk-check-in': KioskCheckIn;
  }
}
