import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiClient } from '../../common/ui/api.js';
import type { StaffUser } from '../../common/ui/session.js';
import { renderServices, renderWindows, renderZones, type ConfigContext } from './config-catalog.js';
import './config-devices.js';
import './config-settings.js';
import { renderStaff } from './config-staff.js';
import { Dialogs } from './dialogs.js';
import { settingsSectionLabel } from './labels.js';
import type { HallStore } from './hall-store.js';
import { viewStyles } from './styles.js';
import { tabBar } from './tabs.js';

export const CONFIG_PAGES = [
  'services',
  'zones',
  'windows',
  'staff',
  'devices',
  'voice',
  'fairness',
  'rating',
  'calendar',
  'alerts',
] as const;
export type ConfigPage = (typeof CONFIG_PAGES)[number];

function pageTitle(p: ConfigPage): string {
  switch (p) {
    case 'services':
      return msg('事项', { id: 'tab-services' });
    case 'zones':
      return msg('服务区');
    case 'windows':
      return msg('窗口', { id: 'tab-windows' });
    case 'staff':
      return msg('人员账号');
    case 'devices':
      return msg('设备');
    case 'voice':
    case 'fairness':
    case 'rating':
    case 'calendar':
      return settingsSectionLabel(p);
    case 'alerts':
      return msg('提醒与取号');
  }
}

/**
 * 配置: the hall's configuration, a page per subject (tabs, ←/→ between them). Lists open a form
 * for each change; settings pages save a section at once. Every change takes an optional reason
 * for the audit log and reaches the screens at once.
 */
@localized()
@customElement('hq-config-view')
export class ConfigView extends LitElement {
  @property({ attribute: false }) store!: HallStore;
  @property({ attribute: false }) api!: ApiClient;
  @property({ type: Number }) rev = 0;
  /** The page, and after a slash what it points at (`devices/12`: mark device 12). */
  @property() page = 'services';
  @property({ type: Number }) now = 0;
  @property({ attribute: false }) user: StaffUser | null = null;

  private readonly dialogs = new Dialogs(this);

  static override styles = viewStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.store.loadConfig();
  }

  private get current(): ConfigPage {
    const page = this.page.split('/')[0];
    return CONFIG_PAGES.includes(page as ConfigPage) ? (page as ConfigPage) : 'services';
  }

  override render() {
    const page = this.current;
    const config = this.store.config;
    return html`${tabBar(this, { label: msg('配置'), tabs: CONFIG_PAGES, current: page, title: pageTitle, route: (p) => `config/${p}` })}
      ${config ? this.renderPage(page) : html`<div class="empty" role="status">${msg('正在加载配置…')}</div>`} ${this.dialogs.render()}`;
  }

  private renderPage(page: ConfigPage) {
    const ctx: ConfigContext = {
      host: this,
      api: this.api,
      dialogs: this.dialogs,
      config: this.store.config!,
      user: this.user,
      reload: () => this.store.loadConfig(),
    };
    switch (page) {
      case 'services':
        return renderServices(ctx);
      case 'zones':
        return renderZones(ctx);
      case 'windows':
        return renderWindows(ctx);
      case 'staff':
        return renderStaff(ctx);
      case 'devices':
        return html`<hq-config-devices
          .config=${this.store.config}
          .api=${this.api}
          .reload=${ctx.reload}
          .screens=${this.store.snapshot?.devices}
          .now=${this.now || Date.now()}
          .focusId=${Number(this.page.split('/')[1]) || 0}
        ></hq-config-devices>`;
      case 'calendar':
      case 'voice':
      case 'fairness':
      case 'rating':
        return html`<hq-config-settings .config=${this.store.config} .api=${this.api} .page=${page} .reload=${ctx.reload}></hq-config-settings>`;
      case 'alerts':
        return html`<hq-config-settings .config=${this.store.config} .api=${this.api} .page=${'alerts'} .reload=${ctx.reload}></hq-config-settings>`;
    }
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-config-view': ConfigView;
  }
}
