import { localized } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HallSnapshot, RealtimeEvent } from '../../common/protocol.js';
import { AnnouncerController } from '../../common/ui/announcer.js';
import type { DeviceController } from '../../common/ui/device.js';
import { HallFeedController } from '../../common/ui/hall-feed.js';
import { getLocale } from '../../common/ui/i18n.js';
import { boardModel, callOnBoard, highlighted, toAnnouncement } from './board-model.js';
import './board-view.js';

/**
 * The working hall board: the live hall state (HallFeedController) drawn by `<hq-board-view>`,
 * and voice calling (AnnouncerController). Only calls that arrive live are spoken; calls caught
 * up after a reconnect are shown, not announced. Silent mode comes from the device's settings
 * (or `?silent=1`); the board reports its voice and sound state with its heartbeat.
 */
@localized()
@customElement('hq-board-screen')
export class BoardScreen extends LitElement {
  /** The board's device (active). */
  @property({ attribute: false }) device!: DeviceController;

  private readonly feed: HallFeedController = new HallFeedController(this, {
    device: () => this.device,
    onSync: (snapshot) => this.announcer.setLanguage(snapshot.hall.voice.language),
    onLive: (event, snapshot) => this.onLive(event, snapshot),
    onDevice: () => this.applySettings(),
    state: () => this.announcer.deviceState(),
  });
  private readonly announcer: AnnouncerController = new AnnouncerController(this, {
    now: () => this.feed.clock.now,
    onStatus: () => this.feed.report(),
  });

  static override styles = css`
    :host {
      display: block;
    }
  `;

  override connectedCallback() {
    super.connectedCallback();
    this.applySettings();
    // Sound was enabled here before but this browser start needs a tap: any tap will do.
    window.addEventListener('pointerdown', this.onTap);
  }

  override disconnectedCallback() {
    window.removeEventListener('pointerdown', this.onTap);
    super.disconnectedCallback();
  }

  override render() {
    const snapshot = this.feed.snapshot;
    const now = this.feed.clock.now;
    const model = snapshot ? boardModel(snapshot, { now, locale: getLocale(), zoneId: this.zoneId }) : null;
    const speaking = this.announcer.current;
    return html`<hq-board-view
      .model=${model}
      .now=${now}
      .highlight=${highlighted(model?.hero ?? null, now, speaking)}
      .speakingSeq=${speaking ? Number(speaking.id) : null}
      .sound=${this.announcer.sound}
      .voiceMissing=${this.announcer.voiceMissing}
      .offline=${this.feed.offline}
      .offlineSince=${this.feed.offlineSince}
      @board-unlock=${() => void this.announcer.unlock()}
    ></hq-board-view>`;
  }

  private get zoneId(): number | null {
    return this.device.device?.zoneId ?? null;
  }

  private applySettings() {
    const silent = this.device.device?.settings.silent === true || new URLSearchParams(location.search).get('silent') === '1';
    this.announcer.setSilent(silent);
  }

  private onLive(event: RealtimeEvent, snapshot: HallSnapshot) {
    // Calls, recalls (重呼) and 回呼 carry their call view.
    if (!event.call || !callOnBoard(event.call, snapshot, this.zoneId)) return;
    this.announcer.announce(toAnnouncement(event.call, snapshot.hall.voice));
  }

  private readonly onTap = () => {
    if (this.announcer.sound === 'blocked') void this.announcer.unlock();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-board-screen': BoardScreen;
  }
}
