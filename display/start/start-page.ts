import { msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient } from '../../common/ui/api.js';
import { getLocale, initLocale, switchLocale } from '../../common/ui/i18n.js';
import { base, deskTheme } from '../../common/ui/theme.js';

interface HallSummary {
  id: number;
  code: string;
  name: string;
}

/** Demo device tokens (server/demo/seed.ts); shown only when the demo hall is present. */
const DEMO = {
  board: 'demo-board-hall-token',
  zoneBoard: 'demo-board-zone1-token',
  kiosk: 'demo-kiosk-token',
  window: 'demo-window-1-token',
  pad: 'demo-pad-1-token',
};

/**
 * The start page at `/`: what this server is and links to every screen. On the demo hall the
 * device screens open already paired.
 */
@customElement('hq-start-page')
export class StartPage extends LitElement {
  @state() private halls: HallSummary[] = [];
  @state() private ready = false;

  static override styles = [
    deskTheme,
    base,
    css`
      :host {
        display: block;
        min-height: 100vh;
        padding: 48px 24px;
      }
      main {
        max-width: 960px;
        margin: 0 auto;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: flex-start;
        gap: 16px;
      }
      h1 {
        margin: 0 0 8px;
        font-size: 30px;
      }
      .lead {
        margin: 0 0 32px;
        color: var(--hq-text-dim);
        font-size: 17px;
      }
      h2 {
        font-size: 18px;
        margin: 32px 0 12px;
        color: var(--hq-text-dim);
        font-weight: 600;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
        gap: 12px;
      }
      a.tile {
        display: block;
        padding: 18px 20px;
        border-radius: var(--hq-radius);
        background: var(--hq-bg-raised);
        border: 1px solid var(--hq-line);
        color: var(--hq-text);
        text-decoration: none;
        min-height: 88px;
      }
      a.tile:hover,
      a.tile:focus-visible {
        border-color: var(--hq-accent);
        outline: none;
        box-shadow: 0 0 0 3px color-mix(in srgb, var(--hq-accent) 25%, transparent);
      }
      .tile strong {
        display: block;
        font-size: 18px;
        margin-bottom: 4px;
      }
      .tile span {
        color: var(--hq-text-dim);
        font-size: 14px;
      }
      button.lang {
        border: 1px solid var(--hq-line);
        background: var(--hq-bg-raised);
        border-radius: 999px;
        padding: 6px 14px;
        color: var(--hq-text);
      }
      footer {
        margin-top: 40px;
        color: var(--hq-text-dim);
        font-size: 14px;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.loadPage();
  }

  private async loadPage() {
    await initLocale();
    this.halls = await new ApiClient().get<HallSummary[]>('/api/halls').catch(() => []);
    this.ready = true;
  }

  private tile(href: string, title: string, note: string) {
    return html`<li><a class="tile" href=${href}><strong>${title}</strong><span>${note}</span></a></li>`;
  }

  override render() {
    if (!this.ready) return html``;
    const demo = this.halls.some((h) => h.code === 'demo');
    const token = (t: string) => (demo ? `#token=${t}` : '');
    return html`<main>
      <header>
        <div>
          <h1>${this.halls[0]?.name ?? msg('政务服务大厅')}</h1>
          <p class="lead">${msg('排队叫号、窗口管理与“好差评”系统')}</p>
        </div>
        <button class="lang" @click=${this.toggleLanguage}>${getLocale() === 'en' ? '中文' : 'English'}</button>
      </header>
      <h2>${msg('大厅屏幕')}</h2>
      <ul>
        ${this.tile(`/board${token(DEMO.board)}`, msg('大厅综合屏'), msg('最新叫号、等候人数、过号名单与语音播报'))}
        ${demo ? this.tile(`/board${token(DEMO.zoneBoard)}`, msg('服务区屏'), msg('只显示社会保障服务区')) : ''}
        ${this.tile(`/window-screen${token(DEMO.window)}`, msg('窗口屏'), msg('窗口上方：正在办理的号码与工作人员'))}
        ${this.tile(`/kiosk${token(DEMO.kiosk)}`, msg('取号机'), msg('入口处触摸取号并打印号票'))}
      </ul>
      ${
        this.halls[0]
          ? html`<h2>${msg('群众手机')}</h2>
            <ul>
              ${this.tile(`/h/${encodeURIComponent(this.halls[0].code)}`, msg('扫码取号'), msg('大厅二维码：手机取号、查看排队进度'))}
              ${this.tile(`/h/${encodeURIComponent(this.halls[0].code)}/book`, msg('预约办理'), msg('预约时段，到厅签到优先叫号'))}
            </ul>`
          : ''
      }
      <h2>${msg('窗口与管理')}</h2>
      <ul>
        ${this.tile('/clerk', msg('窗口工作台'), msg('叫号、重呼、过号、挂起、转移、暂停'))}
        ${this.tile(`/pad${token(DEMO.pad)}`, msg('评价器'), msg('面向群众的“好差评”评价'))}
        ${this.tile('/manager', msg('管理后台'), msg('窗口调度、配置、统计与差评整改'))}
        ${this.tile('/docs', msg('接口文档'), 'OpenAPI')}
      </ul>
      ${demo ? html`<footer>${msg('演示数据：登录密码 demo1234，账号 manager、clerk01 … clerk10。')}</footer>` : ''}
    </main>`;
  }

  private async toggleLanguage() {
    await switchLocale(getLocale() === 'en' ? 'zh-CN' : 'en');
    this.requestUpdate();
  }
}
