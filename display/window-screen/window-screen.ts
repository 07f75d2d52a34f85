import { localized } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeviceController } from '../../common/ui/device.js';
import { HallFeedController } from '../../common/ui/hall-feed.js';
import { getLocale } from '../../common/ui/i18n.js';
import { windowHighlighted, windowScreenModel } from './window-model.js';
import './window-view.js';

/**
 * The working window screen: its window's live state (HallFeedController on the window's room)
 * drawn by `<hq-window-screen-view>`. It follows the clerk at once: sign-in and sign-out, calls,
 * pause with reason, close. It does not speak; the hall boards announce calls.
 */
@localized()
@customElement('hq-window-screen')
export class WindowScreen extends LitElement {
  /** The window screen's device (active, bound to one window). */
  @property({ attribute: false }) device!: DeviceController;

  private readonly feed = new HallFeedController(this, { device: () => this.device });

  static override styles = css`
    :host {
      display: block;
    }
  `;

  override render() {
    const snapshot = this.feed.snapshot;
    const windowId = this.device.device?.windowId ?? null;
    const now = this.feed.clock.now;
    const model = snapshot && windowId !== null ? windowScreenModel(snapshot, windowId, getLocale()) : null;
    return html`<hq-window-screen-view
      .model=${model}
      .now=${now}
      .highlight=${snapshot && windowId !== null ? windowHighlighted(snapshot, windowId, now) : false}
      .offline=${this.feed.offline}
      .offlineSince=${this.feed.offlineSince}
      .unbound=${snapshot !== null && model === null}
    ></hq-window-screen-view>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-window-screen': WindowScreen;
  }
}
