/**
 * Styles the kiosk's parts share. Sizes are in rem, and the kiosk page sets the root font size
 * from the screen (16 px on a 1080-pixel side), so one layout serves 1080×1920 and 1920×1080 and
 * scales on other screens. `--k` enlarges text in the large-text (适老化) mode.
 */
import { css } from 'lit';

export const kioskStyles = css`
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
  .badge.warn {
    background: rgb(255 176 32 / 24%);
    color: #ffc85a;
  }
  .badge.stop {
    background: rgb(255 90 78 / 24%);
    color: #ff9d94;
  }
  .badge.ok {
    background: color-mix(in srgb, var(--hq-ok) 18%, transparent);
    color: var(--hq-ok);
  }
  svg.icon {
    width: 1.2em;
    height: 1.2em;
    flex: none;
  }
`;
