/**
 * Design tokens shared by every screen. Boards and kiosks use the dark "hall" palette (high
 * contrast, readable from 10 m); the clerk, pad and manager consoles the light "desk" palette.
 * Components read only the custom properties, so one change here restyles every screen.
 */
import { css } from 'lit';

export const fontStack = css`'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Source Han Sans SC', system-ui, sans-serif`;
export const numberFont = css`'DIN Alternate', 'Bahnschrift', 'Roboto Condensed', 'Arial Narrow', ${fontStack}`;

/** Dark palette for boards, window screens and the kiosk. */
export const hallTheme = css`
  :host {
    --hq-bg: #071a33;
    --hq-bg-raised: #0d2a52;
    --hq-bg-sunken: #04122a;
    --hq-line: #1f4477;
    --hq-text: #ffffff;
    --hq-text-dim: #a9bfdd;
    --hq-accent: #ffc940;
    --hq-accent-text: #1a1200;
    --hq-call: #ff5a4e;
    --hq-ok: #3ddc97;
    --hq-warn: #ffb020;
    --hq-danger: #ff5a4e;
    --hq-radius: 14px;
    --hq-font: ${fontStack};
    --hq-number-font: ${numberFont};
    color: var(--hq-text);
    background: var(--hq-bg);
    font-family: var(--hq-font);
  }
`;

/** Light palette for the clerk console, the rating pad and the manager console. */
export const deskTheme = css`
  :host {
    --hq-bg: #f3f6fa;
    --hq-bg-raised: #ffffff;
    --hq-bg-sunken: #e8eef6;
    --hq-line: #d5deea;
    --hq-text: #15233a;
    --hq-text-dim: #5b6b82;
    --hq-accent: #1b5fc1;
    --hq-accent-text: #ffffff;
    --hq-call: #c8261c;
    --hq-ok: #16865a;
    --hq-warn: #b86e00;
    --hq-danger: #c8261c;
    --hq-radius: 10px;
    --hq-font: ${fontStack};
    --hq-number-font: ${numberFont};
    color: var(--hq-text);
    background: var(--hq-bg);
    font-family: var(--hq-font);
  }
`;

/** Resets every component starts from. */
export const base = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/**
 * A turning ring for "working on it": `<div class="spinner"></div>`. Size it with `--spinner-size`
 * and `--spinner-ring` (defaults: 8vmin, 0.8vmin).
 */
export const spinnerStyles = css`
  .spinner {
    width: var(--spinner-size, 8vmin);
    height: var(--spinner-size, 8vmin);
    flex: none;
    border-radius: 50%;
    border: var(--spinner-ring, 0.8vmin) solid var(--hq-line);
    border-top-color: var(--hq-accent);
    animation: hq-spin 1s linear infinite;
  }
  @keyframes hq-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
