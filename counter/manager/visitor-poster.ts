import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConfigView } from '../../common/manager-protocol.js';
import type { HallLinksView } from '../../common/phone.js';
import { errorMessage, type ApiClient } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';
import { navigate } from './act.js';
import { viewStyles } from './styles.js';

export type PosterPage = 'take' | 'book';

interface Bilingual {
  zh: string;
  en: string;
}

/** The first step on both posters. */
const SCAN_STEP: Bilingual = { zh: '用微信“扫一扫”或手机相机扫描二维码', en: 'Scan the code with WeChat or your phone camera' };

/**
 * What the posters say. A hall's poster speaks to every visitor whatever language the manager's
 * console is in: Chinese first, English under it, so the words are kept here in both languages
 * (like the server's alerts) instead of following the console's locale. The lead line is
 * Chinese only, to leave the QR code its room on the page.
 */
const POSTER: Record<PosterPage, { headline: Bilingual; lead: string; steps: Bilingual[] }> = {
  take: {
    headline: { zh: '微信/手机扫码取号', en: 'Scan to take a number' },
    lead: '不用在取号机前排队：扫码选择事项即可取号，在手机上看排队进度，叫到您时会提醒。',
    steps: [
      SCAN_STEP,
      { zh: '选择要办理的事项，输入手机号，取号', en: 'Choose your service, enter your mobile number, take a number' },
      { zh: '留意手机上的排队进度，叫到号时请到窗口办理', en: 'Watch your place on the phone; go to the window when called' },
    ],
  },
  book: {
    headline: { zh: '微信/手机扫码预约', en: 'Scan to book an appointment' },
    lead: '预约后按约定时间来，签到即优先叫号，不用一早来排队。',
    steps: [
      SCAN_STEP,
      { zh: '选择事项、日期和时段，输入手机号，完成预约', en: 'Choose the service, day and time, enter your mobile number' },
      { zh: '按时到大厅，在取号机“预约签到”或在手机上签到', en: 'Come on time and check in at the kiosk or on your phone' },
    ],
  },
};

/** Where a phone cannot follow a link: the server's own machine, or an address only the hall's network reaches. */
export function linkReach(url: string): 'local' | 'lan' | 'public' {
  let host = '';
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return 'local';
  }
  if (host === 'localhost' || host === '::1' || /^127\./.test(host) || host === '0.0.0.0') return 'local';
  if (/^10\./.test(host) || /^192\.168\./.test(host) || /^172\.(1[6-9]|2\d|3[01])\./.test(host) || /\.local$/.test(host)) return 'lan';
  return 'public';
}

/**
 * 二维码海报: the hall's printable A4 poster for 扫码取号 or 预约: the hall's name, a large QR code
 * (the server's SVG, GET /api/halls/:hallId/visitor-qr.svg), "微信/手机扫码取号", the address in
 * text for those who type it, three short steps, and the hall's hours. On screen it is a page
 * preview with its tools (which poster, print, download the SVG for a print shop) and a warning
 * when phones could not open the address; printed (`@media print`) it is the sheet alone.
 */
@localized()
@customElement('hq-visitor-poster')
export class VisitorPoster extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) config!: ConfigView;
  @property() page: PosterPage = 'take';

  @state() private links: HallLinksView | null = null;
  @state() private error = '';
  private loadedFor = 0;

  static override styles = [
    ...viewStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: auto minmax(280px, 380px);
        gap: 24px;
        justify-content: center;
        align-items: start;
      }
      .side {
        display: grid;
        gap: 14px;
      }
      .side .chips {
        flex-wrap: nowrap;
      }
      .side .actions {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 10px;
      }
      a.btn {
        text-decoration: none;
      }
      .side .card h3 {
        margin-bottom: 6px;
      }
      .side ul {
        margin: 0;
        padding-left: 18px;
        display: grid;
        gap: 4px;
        font-size: 14px;
        color: var(--hq-text-dim);
      }
      .warn {
        margin: 0;
        padding: 10px 14px;
        border-radius: 8px;
        background: #fff4dc;
        color: #6b4300;
        border: 1px solid #f0d49a;
        font-size: 14px;
        line-height: 1.5;
      }
      .warn.bad {
        background: color-mix(in srgb, var(--hq-danger) 8%, #fff);
        color: var(--hq-danger);
        border-color: color-mix(in srgb, var(--hq-danger) 35%, #fff);
      }
      .stage {
        display: flex;
        justify-content: center;
      }
      /* The A4 sheet. Every size inside is a share of its width (cqw), so the screen preview and
         the printed page are the same poster. */
      .sheet {
        container-type: inline-size;
        /* The whole page in sight on the screen. */
        width: min(560px, calc((100vh - 180px) * 210 / 297));
        aspect-ratio: 210 / 297;
        background: #fff;
        color: #10233f;
        box-shadow: 0 10px 34px rgb(12 24 44 / 22%);
        border-radius: 4px;
        overflow: hidden;
        display: flex;
        flex-direction: column;
      }
      .band {
        background: #0f3f8c;
        color: #fff;
        padding: 3.6cqw 6cqw 3cqw;
        text-align: center;
      }
      .band .hall {
        font-size: 6cqw;
        font-weight: 700;
        letter-spacing: 0.04em;
        line-height: 1.25;
      }
      .band .hall-sub {
        margin-top: 0.6cqw;
        font-size: 2.6cqw;
        opacity: 0.85;
      }
      .body {
        flex: 1;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: space-evenly;
        padding: 1.5cqw 8cqw;
        text-align: center;
        min-height: 0;
      }
      .sheet h1 {
        margin: 0;
        font-size: 8.4cqw;
        line-height: 1.15;
        color: #0f3f8c;
        letter-spacing: 0.02em;
        white-space: nowrap;
      }
      .sheet .en {
        color: #4a5d7a;
      }
      .sheet h1 + .en {
        font-size: 3.2cqw;
        margin-top: 0.8cqw;
        font-weight: 600;
      }
      .sheet .lead {
        margin: 0;
        font-size: 3cqw;
        line-height: 1.45;
      }
      .sheet .qr {
        padding: 0.8cqw;
        border: 0.5cqw solid #0f3f8c;
        border-radius: 2.4cqw;
        line-height: 0;
      }
      .sheet .qr img {
        width: 41cqw;
        height: 41cqw;
        display: block;
        image-rendering: pixelated;
      }
      .sheet .url {
        font-family: var(--hq-number-font), ui-monospace, monospace;
        font-size: 3.2cqw;
        font-weight: 700;
        line-height: 1.3;
        word-break: break-all;
      }
      .sheet .url + .en {
        font-size: 2.2cqw;
        margin-top: 0.5cqw;
      }
      .sheet ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 1.6cqw;
        width: 100%;
        text-align: left;
      }
      .sheet li {
        display: grid;
        grid-template-columns: 6cqw minmax(0, 1fr);
        align-items: center;
        gap: 2.4cqw;
      }
      .sheet li .n {
        width: 6cqw;
        height: 6cqw;
        border-radius: 50%;
        background: #0f3f8c;
        color: #fff;
        display: grid;
        place-items: center;
        font-size: 3.4cqw;
        font-weight: 700;
      }
      .sheet li .zh {
        font-size: 3.2cqw;
        font-weight: 600;
        line-height: 1.3;
      }
      .sheet li .en {
        display: block;
        font-size: 2.2cqw;
        font-weight: 400;
        line-height: 1.3;
      }
      .sheet .foot {
        padding: 2.6cqw 6cqw;
        border-top: 0.3cqw solid #dbe3ef;
        text-align: center;
        font-size: 2.4cqw;
        line-height: 1.3;
        color: #4a5d7a;
      }
      @media print {
        /* Only the sheet: a full A4 page (the page size and margins are set in manager.html). */
        .side {
          display: none !important;
        }
        :host {
          display: block;
        }
        .layout,
        .stage {
          display: block;
        }
        .sheet {
          width: 100%;
          height: 100vh;
          aspect-ratio: auto;
          box-shadow: none;
          border-radius: 0;
          -webkit-print-color-adjust: exact;
          print-color-adjust: exact;
        }
      }
    `,
  ];

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const hallId = this.config?.hall.id ?? 0;
    if (hallId && hallId !== this.loadedFor) {
      this.loadedFor = hallId;
      void this.load(hallId);
    }
  }

  private async load(hallId: number) {
    try {
      this.links = await this.api.get<HallLinksView>(`/api/halls/${hallId}/visitor-links`);
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err, getLocale());
    }
  }

  override render() {
    const page = this.page;
    const url = this.links?.[page] ?? '';
    const svg = `/api/halls/${this.config.hall.id}/visitor-qr.svg?page=${page}`;
    return html`<div class="layout">
      <div class="stage">${this.links ? this.renderSheet(page, url, svg) : html`<div class="empty" role="status">${this.error || msg('正在生成海报…')}</div>`}</div>
      <aside class="side" aria-label=${msg('海报')}>
        <div class="chips" role="radiogroup" aria-label=${msg('海报')}>
          <button class="chip" role="radio" data-poster="take" aria-checked=${page === 'take' ? 'true' : 'false'} @click=${() => navigate(this, 'bookings/poster/take')}>${msg('扫码取号海报')}</button>
          <button class="chip" role="radio" data-poster="book" aria-checked=${page === 'book' ? 'true' : 'false'} @click=${() => navigate(this, 'bookings/poster/book')}>${msg('预约海报')}</button>
        </div>
        <div class="actions">
          <button class="btn primary" data-print ?disabled=${!url} @click=${() => window.print()}>${msg('打印海报')}</button>
          <a class="btn" href=${svg} download=${page === 'take' ? 'hall-qr-take.svg' : 'hall-qr-book.svg'}>${msg('下载二维码')}</a>
        </div>
        ${this.renderWarnings(url)}
        <section class="card">
          <h3>${msg('打印提示')}</h3>
          <ul>
            <li>${msg('纸张选 A4、纵向，缩放 100%（“实际大小”），关闭页眉和页脚。')}</li>
            <li>${msg('张贴在大厅入口、取号机旁和等候区，高度与视线平齐。')}</li>
            <li>${msg('印刷厂制作大幅海报时，用“下载二维码”的 SVG 文件，放大不模糊。')}</li>
            <li>${msg('服务器地址改变后请重新打印，旧海报上的二维码会失效。')}</li>
          </ul>
        </section>
      </aside>
    </div>`;
  }

  private renderWarnings(url: string) {
    const s = this.config.settings;
    const off = this.page === 'take' ? s.issuing?.phoneTaking === false : s.appointment?.enabled === false;
    const reach = url ? linkReach(url) : 'public';
    return html`${
      off
        ? html`<p class="warn bad" role="alert">
          ${this.page === 'take' ? msg('大厅目前未开启扫码取号：群众扫码后只能看排队情况，不能取号。可在“配置 › 提醒与取号”中开启。') : msg('大厅目前未开放预约：群众扫码后无法预约。')}
        </p>`
        : nothing
    }
    ${
      reach === 'local'
        ? html`<p class="warn bad" role="alert">${msg('二维码里的地址是服务器本机地址，群众的手机打不开。请在服务器上设置 PUBLIC_URL 为手机能访问的网址后再打印。')}</p>`
        : reach === 'lan'
          ? html`<p class="warn">${msg('二维码里的地址是大厅局域网地址：只有连上大厅 Wi-Fi 的手机能打开。要让所有手机都能用，请设置 PUBLIC_URL 为公网网址。')}</p>`
          : nothing
    }`;
  }

  private renderSheet(page: PosterPage, url: string, svg: string) {
    const text = POSTER[page];
    const hours = this.config.hall.openingHours.split(',').join('、');
    return html`<article class="sheet" data-sheet=${page} aria-label=${text.headline.zh}>
      <div class="band">
        <div class="hall">${this.config.hall.name}</div>
        <div class="hall-sub">${page === 'take' ? '扫码取号 · Take a number by phone' : '网上预约 · Book by phone'}</div>
      </div>
      <div class="body">
        <div>
          <h1>${text.headline.zh}</h1>
          <div class="en">${text.headline.en}</div>
        </div>
        <p class="lead">${text.lead}</p>
        <div class="qr"><img src=${svg} alt=${text.headline.zh} /></div>
        <div>
          <div class="url" data-url>${url}</div>
          <div class="en">也可在手机浏览器中输入上面的网址 · Or type this address in your phone's browser</div>
        </div>
        <ol>
          ${text.steps.map(
            (step, i) => html`<li>
              <span class="n">${i + 1}</span><span class="zh">${step.zh}<span class="en">${step.en}</span></span>
            </li>`,
          )}
        </ol>
      </div>
      <div class="foot">办理时间 ${hours} · 无需下载应用，无需注册 · No app, no account</div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-visitor-poster': VisitorPoster;
  }
}
