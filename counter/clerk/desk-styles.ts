/**
 * Styles shared by the clerk console's parts: buttons with their shortcut key, chips, form
 * fields and the dialog frame. Desk theme (light), sized for a 1366×768 clerk PC.
 */
import { css } from 'lit';

export const controlStyles = css`
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 10px;
    min-height: 44px;
    padding: 8px 16px;
    border-radius: 8px;
    border: 1px solid var(--hq-line);
    background: var(--hq-bg-raised);
    color: var(--hq-text);
    font-size: 16px;
    line-height: 1.2;
  }
  .btn:hover:not([disabled]) {
    border-color: var(--hq-accent);
  }
  .btn:focus-visible,
  .chip:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid color-mix(in srgb, var(--hq-accent) 40%, transparent);
    outline-offset: 1px;
  }
  .btn[disabled],
  .btn.primary[disabled],
  .btn.ok[disabled],
  .btn.warn[disabled] {
    background: var(--hq-bg-sunken);
    border-color: transparent;
    color: color-mix(in srgb, var(--hq-text-dim) 70%, transparent);
    cursor: not-allowed;
  }
  .btn.primary {
    background: var(--hq-accent);
    border-color: var(--hq-accent);
    color: var(--hq-accent-text);
  }
  .btn.ok {
    background: var(--hq-ok);
    border-color: var(--hq-ok);
    color: #fff;
  }
  .btn.warn {
    color: var(--hq-warn);
    border-color: color-mix(in srgb, var(--hq-warn) 45%, var(--hq-line));
  }
  .btn.small {
    min-height: 32px;
    padding: 4px 10px;
    font-size: 14px;
  }
  kbd {
    display: inline-block;
    min-width: 1.8em;
    padding: 1px 6px;
    border-radius: 5px;
    border: 1px solid currentColor;
    font-family: inherit;
    font-weight: 600;
    font-size: 12px;
    line-height: 1.5;
    text-align: center;
    opacity: 0.75;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .chip {
    padding: 7px 14px;
    border-radius: 999px;
    border: 1px solid var(--hq-line);
    background: var(--hq-bg-raised);
    color: var(--hq-text);
    font-size: 15px;
  }
  .chip[aria-pressed='true'],
  .chip[aria-checked='true'] {
    background: color-mix(in srgb, var(--hq-accent) 12%, #fff);
    border-color: var(--hq-accent);
    color: var(--hq-accent);
  }
  label.field {
    display: grid;
    gap: 6px;
    font-size: 14px;
    color: var(--hq-text-dim);
  }
  input,
  select,
  textarea {
    font: inherit;
    font-size: 16px;
    padding: 8px 10px;
    border-radius: 8px;
    border: 1px solid var(--hq-line);
    background: #fff;
    color: var(--hq-text);
  }
  textarea {
    resize: vertical;
    min-height: 64px;
  }
`;

export const dialogStyles = css`
  .scrim {
    position: fixed;
    inset: 0;
    background: rgb(12 24 44 / 42%);
    display: grid;
    place-items: center;
    z-index: 10;
    padding: 24px;
  }
  .dialog {
    width: min(560px, 100%);
    max-height: calc(100vh - 48px);
    overflow: auto;
    display: grid;
    gap: 16px;
    padding: 24px;
    border-radius: 12px;
    background: var(--hq-bg-raised);
    box-shadow: 0 18px 48px rgb(12 24 44 / 28%);
  }
  .dialog h2 {
    margin: 0;
    font-size: 21px;
  }
  .dialog .sub {
    margin: -8px 0 0;
    color: var(--hq-text-dim);
    font-size: 15px;
  }
  .dialog footer {
    display: flex;
    justify-content: flex-end;
    gap: 10px;
  }
  .hint {
    margin: 0;
    font-size: 14px;
    color: var(--hq-danger);
    min-height: 1.3em;
  }
`;
