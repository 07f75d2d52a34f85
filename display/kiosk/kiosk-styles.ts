/**
 * Styles the kiosk's parts share. Sizes are in rem, and the kiosk page sets the root font size
 * from the screen (16 px on a 1080-pixel side), so one layout serves 1080×1920 and 1920×1080 and
 * scales on other screens. `--k` enlarges text in the large-text (适老化) mode.
 */
import { css } from 'lit';
import { base, hallTheme, spinnerStyles } from '../../common/ui/theme.js';

const parts = css`
  :host {
    -webkit-tap-highlight-color: transparent;
    user-select: none;
    -webkit-user-select: none;
    touch-action: manipulation;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.6rem;
    min-height: calc(4.5rem * var(--k, 1));
    padding: 0 calc(2.2rem * var(--k, 1));
    border-radius: 1rem;
    border: 2px solid var(--hq-line);
    background: var(--hq-bg-raised);
    color: var(--hq-text);
    font-size: calc(1.75rem * var(--k, 1));
    font-weight: 600;
    white-space: nowrap;
  }
  .btn.primary {
    background: var(--hq-accent);
    border-color: var(--hq-accent);
    color: var(--hq-accent-text);
  }
  .btn:active {
    transform: scale(0.98);
  }
  .btn[disabled] {
    opacity: 0.5;
  }
  .badge {
    display: inline-block;
    padding: 0.35rem 0.9rem;
    border-radius: 999px;
    font-size: calc(1.15rem * var(--k, 1));
    font-weight: 600;
    white-space: nowrap;
    background: var(--hq-bg-sunken);
    color: var(--hq-text-dim);
  }
  /* Tints on the dark hall palette: warnings (amber), refusals (red), confirmations (green). */
  .warn {
    background: #47350c;
    color: #ffd37a;
  }
  .stop {
    background: #4d1f26;
    color: #ffaaa2;
  }
  .ok {
    background: #0c3f3d;
    color: var(--hq-ok);
  }
  /* A raised panel, and a host that centres one (messages, choices). */
  .card {
    display: grid;
    gap: 1.6rem;
    padding: 3rem;
    border-radius: 1.6rem;
    background: var(--hq-bg-raised);
    border: 2px solid var(--hq-line);
  }
  :host([centered]) {
    display: grid;
    place-items: center;
    min-height: 0;
    background: transparent;
  }
  .spinner {
    --spinner-size: 3rem;
    --spinner-ring: 0.4rem;
  }
`;

/** The hall palette, the resets, and the kiosk's shared parts, for every kiosk component. */
export const kioskStyles = [hallTheme, base, spinnerStyles, parts];
