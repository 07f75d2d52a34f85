import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { SoundState } from '../../common/ui/announcer.js';
import { formatDate, formatTime } from '../../common/ui/format.js';
import { getLocale } from '../../common/ui/i18n.js';
import '../../common/ui/offline-mark.js';
import { base, hallTheme } from '../../common/ui/theme.js';
import { RECENT_ROWS, type BoardModel, type CallRow } from './board-model.js';
import { boardStyles } from './board-styles.js';
import { mutedIcon, noticeIcon, noVoiceIcon, speakerIcon } from './icons.js';

/**
 * The hall board (综合屏), drawn from a `BoardModel` (board-model.ts): hall name, zone, date and
 * clock; the newest call large, highlighted while `highlight`; recent calls; waiting per service
 * or zone with the estimated wait; the 过号 list; the scrolling notice. It also shows the one-time
 * "tap to enable sound" overlay, and small marks when offline, without a voice, or muted.
 *
 * @fires board-unlock - a person tapped to enable sound
 */
@localized()
@customElement('hq-board-view')
export class BoardView extends LitElement {
  @property({ attribute: false }) model: BoardModel | null = null;
  /** Server time now. */
  @property({ type: Number }) now = 0;
  /** The newest call is highlighted (just called, or being spoken). */
  @property({ type: Boolean }) highlight = false;
  /** Sequence number of the call being spoken, for its row. */
  @property({ type: Number }) speakingSeq: number | null = null;
  @property() sound: SoundState = 'ready';
  @property({ type: Boolean }) voiceMissing = false;
  @property({ type: Boolean }) offline = false;
  /** Since when the board shows its last state without the server. */
  @property({ type: Number }) offlineSince: number | null = null;

  static override styles = [hallTheme, base, boardStyles];

  override render() {
    const m = this.model;
    if (!m) return html`<div class="connecting" role="status">${msg('正在连接服务器…')}</div>`;
    return html`${this.header(m)}
      <main>
        <div class="col">${this.hero(m)} ${this.waiting(m)}</div>
        <div class="col">${this.recent(m)} ${this.missed(m)}</div>
      </main>
      ${this.notice(m)} ${this.sound === 'needs-unlock' ? this.overlay() : nothing}`;
  }

  private header(m: BoardModel) {
    return html`<header>
      <div class="hall">
        <h1 class="ellipsis">${m.hallName}</h1>
        ${m.zoneName ? html`<span class="zone ellipsis">${m.zoneName}</span>` : nothing}
      </div>
      <div class="status">
        ${this.offline ? html`<hq-offline-mark .since=${this.offlineSince} .timezone=${m.timezone}></hq-offline-mark>` : nothing}
        ${
          this.sound === 'blocked'
            ? html`<button class="badge warn sound-blocked" @click=${this.unlock}>${mutedIcon()}${msg('点击屏幕启用声音')}</button>`
            : nothing
        }
        ${this.sound === 'silent' ? html`<span class="badge silent">${mutedIcon()}${msg('静音')}</span>` : nothing}
        ${this.voiceMissing && this.sound !== 'silent' ? html`<span class="badge voice-missing">${noVoiceIcon()}${msg('无语音，仅提示音')}</span>` : nothing}
      </div>
      <div class="time">
        <span class="clock num">${formatTime(this.now, m.timezone, true)}</span>
        <span class="date">${formatDate(this.now, m.timezone, getLocale())}</span>
      </div>
    </header>`;
  }

  private hero(m: BoardModel) {
    const call = m.hero;
    return html`<section class="hero ${this.highlight ? 'lit' : ''}" style="--chars: ${Math.max(4, call?.number.length ?? 4)}">
      <h2>${msg('正在呼叫')} ${call?.recall ? html`<span class="recall">${msg('重呼')}</span>` : nothing}</h2>
      ${
        call
          ? html`<div class="number num">${call.number}</div>
            <div class="go">${msg(html`请到 <span class="window">${call.windowNumber}号窗口</span>`)}</div>
            <div class="wname ellipsis">${call.windowName}</div>
            <p class="sr-only" aria-live="assertive">${call.caption}</p>`
          : html`<div class="idle">
            <strong>${msg('暂无叫号')}</strong>
            <span>${msg('取号后请留意屏幕显示和语音叫号')}</span>
          </div>`
      }
    </section>`;
  }

  private recent(m: BoardModel) {
    const row = (c: CallRow) =>
      html`<li class=${c.seq === this.speakingSeq ? 'speaking' : ''}>
        <span class="no num">${c.number}</span>
        <span class="win">${msg(str`${c.windowNumber}号窗口`)}</span>
        <span class="wname ellipsis">${c.windowName}</span>
      </li>`;
    return html`<section class="recent">
      <h2>${msg('最近叫号')}</h2>
      <ol>
        ${
          m.recent.length === 0
            ? html`<li class="none">${m.hero ? msg('暂无更早的叫号') : msg('今日暂无叫号')}</li>`
            : m.recent.slice(0, RECENT_ROWS).map(row)
        }
      </ol>
    </section>`;
  }

  private waiting(m: BoardModel) {
    const byZone = m.waitingBy === 'zone';
    return html`<section class="waiting">
      <h2>${byZone ? msg('各服务区等候情况') : msg('各事项等候情况')}</h2>
      <table>
        <colgroup>
          <col />
          <col class="count" />
          <col class="estimate" />
        </colgroup>
        <thead>
          <tr>
            <th>${byZone ? msg('服务区') : msg('事项')}</th>
            <th>${msg('等候人数')}</th>
            <th>${byZone ? msg('最长预计等候') : msg('预计等候')}</th>
          </tr>
        </thead>
        <tbody>
          ${m.waiting.map(
            (r) => html`<tr data-key=${r.key}>
              <td>${r.name}</td>
              <td class="count"><b class="num">${r.waiting}</b> ${msg('人')}</td>
              ${
                r.noWindow
                  ? html`<td class="estimate nowindow">${msg('暂无窗口受理')}</td>`
                  : html`<td class="estimate">${r.waiting ? msg(str`约 ${r.estimateMinutes} 分钟`) : '—'}</td>`
              }
            </tr>`,
          )}
        </tbody>
      </table>
      ${m.waitingMore ? html`<div class="more">${msg(str`另有 ${m.waitingMore} 项未列出`)}</div>` : nothing}
    </section>`;
  }

  private missed(m: BoardModel) {
    return html`<section class="missed">
      <h2>${msg('过号')} <small>${msg(str`过号 ${m.graceMinutes} 分钟内可到原窗口重新排队`)}</small></h2>
      ${
        m.missed.length
          ? html`<ul>
            ${m.missed.map(
              (t) => html`<li>
                <span class="no num">${t.number}</span>
                ${t.windowNumber ? html`<span class="win">${msg(str`${t.windowNumber}号窗口`)}</span>` : nothing}
              </li>`,
            )}
            ${m.missedMore ? html`<li class="more">${msg(str`另有 ${m.missedMore} 个过号`)}</li>` : nothing}
          </ul>`
          : html`<div class="none">${msg('暂无过号')}</div>`
      }
    </section>`;
  }

  private notice(m: BoardModel) {
    // About 3.5 characters a second across the screen (the track is the text plus one screen width).
    const seconds = Math.max(15, Math.round(([...m.noticeText].length + 50) / 3.5));
    return html`<footer>
      <span class="label">${noticeIcon()}${msg('通知')}</span>
      <div class="viewport">
        ${
          m.noticeText
            ? keyed(m.noticeText, html`<span class="track" style="--duration: ${seconds}s">${m.noticeText}</span>`)
            : html`<span class="static">${msg(str`办公时间 ${m.openingHours}`)}</span>`
        }
      </div>
    </footer>`;
  }

  private overlay() {
    // Deliberately bilingual on a Chinese board: a visiting technician may not read Chinese.
    return html`<button class="overlay" @click=${this.unlock}>
      <div class="card">
        ${speakerIcon()}
        <strong>${msg('点击启用声音')}</strong>
        ${getLocale() === 'en' ? nothing : html`<span class="en" lang="en">Tap to enable sound</span>`}
        <p>${msg('浏览器需要点击一次才能播放叫号提示音和语音，本设备会记住此设置。')}</p>
      </div>
    </button>`;
  }

  private readonly unlock = () => this.dispatchEvent(new CustomEvent('board-unlock', { bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-board-view': BoardView;
  }
}
