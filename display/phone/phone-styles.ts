/**
 * The look of the visitor's phone pages (ticket, 扫码取号, 预约): the light palette of
 * common/ui/theme.ts, a single column up to 480 px, cards, large touch targets (at least 48 px)
 * and type that stays readable at 360 px wide. Every phone component includes these styles.
 */
import { css } from 'lit';
import { base, deskTheme } from '../../common/ui/theme.js';

export const phoneStyles = [
  deskTheme,
  base,
  css`
    :host {
      display: block;
      min-height: 100vh;
      min-height: 100dvh;
      background: var(--hq-bg);
      -webkit-text-size-adjust: 100%;
      -webkit-tap-highlight-color: transparent;
      --hq-phone-gap: 12px;
      --hq-called: #c8261c;
      --hq-called-soft: #fdecea;
      --hq-attention: #9a5b00;
      --hq-attention-soft: #fff4e0;
      --hq-ok-soft: #e5f4ec;
    }
    .page {
      max-width: 480px;
      margin: 0 auto;
      padding: 0 16px 40px;
    }
    .card {
      background: var(--hq-bg-raised);
      border: 1px solid var(--hq-line);
      border-radius: 16px;
      padding: 18px;
      margin-top: var(--hq-phone-gap);
      box-shadow: 0 1px 3px rgb(20 40 80 / 6%);
    }
    .card > :first-child {
      margin-top: 0;
    }
    .card > :last-child {
      margin-bottom: 0;
    }
    h1 {
      font-size: 24px;
      line-height: 1.3;
      margin: 12px 0 6px;
    }
    h2 {
      font-size: 18px;
      line-height: 1.35;
      margin: 0 0 8px;
    }
    p {
      line-height: 1.6;
    }
    .lead {
      margin: 0;
      font-size: 15px;
      color: var(--hq-text-dim);
    }
    .note {
      margin: 8px 0 0;
      font-size: 14px;
      line-height: 1.6;
      color: var(--hq-text-dim);
    }
    .btn {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
      width: 100%;
      min-height: 52px;
      padding: 10px 16px;
      border: 1.5px solid var(--hq-accent);
      border-radius: 12px;
      background: var(--hq-accent);
      color: var(--hq-accent-text);
      font-size: 17px;
      font-weight: 600;
      text-decoration: none;
      text-align: center;
      line-height: 1.3;
    }
    .btn + .btn {
      margin-top: 10px;
    }
    .btn.secondary {
      background: var(--hq-bg-raised);
      color: var(--hq-accent);
    }
    .btn.quiet {
      background: transparent;
      border-color: var(--hq-line);
      color: var(--hq-text-dim);
      font-weight: 500;
    }
    .btn.danger {
      background: var(--hq-bg-raised);
      border-color: color-mix(in srgb, var(--hq-danger) 45%, #fff);
      color: var(--hq-danger);
      font-weight: 500;
    }
    .btn[disabled] {
      background: #c3cfdf;
      border-color: #c3cfdf;
      color: #fff;
      cursor: not-allowed;
    }
    .btn:focus-visible,
    a:focus-visible,
    button:focus-visible,
    input:focus-visible {
      outline: 3px solid color-mix(in srgb, var(--hq-accent) 40%, transparent);
      outline-offset: 2px;
    }
    .actions {
      margin-top: 16px;
    }
    .error {
      margin: 12px 0 0;
      padding: 10px 12px;
      border-radius: 10px;
      background: var(--hq-called-soft);
      color: var(--hq-danger);
      font-size: 15px;
      line-height: 1.55;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 3px 10px;
      border-radius: 999px;
      font-size: 14px;
      font-weight: 600;
      background: var(--hq-bg-sunken);
      color: var(--hq-text);
      white-space: nowrap;
    }
    .badge.accent {
      background: color-mix(in srgb, var(--hq-accent) 12%, #fff);
      color: var(--hq-accent);
    }
    .badge.ok {
      background: var(--hq-ok-soft);
      color: var(--hq-ok);
    }
    .badge.attention {
      background: var(--hq-attention-soft);
      color: var(--hq-attention);
    }
    .badge.called {
      background: var(--hq-called-soft);
      color: var(--hq-called);
    }
    dl.facts {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 8px 16px;
      margin: 0;
      font-size: 15px;
    }
    dl.facts dt {
      color: var(--hq-text-dim);
    }
    dl.facts dd {
      margin: 0;
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .number {
      font-family: var(--hq-number-font);
      font-variant-numeric: tabular-nums;
      letter-spacing: 0.02em;
    }
    /* A list of choices in one card: services, tickets. */
    ul.list {
      list-style: none;
      margin: 0;
      padding: 0;
      background: var(--hq-bg-raised);
      border: 1px solid var(--hq-line);
      border-radius: 16px;
      overflow: hidden;
    }
    ul.list li + li {
      border-top: 1px solid var(--hq-line);
    }
    button.row {
      display: flex;
      align-items: center;
      gap: 12px;
      width: 100%;
      min-height: 60px;
      padding: 12px 16px;
      border: none;
      background: none;
      color: var(--hq-text);
      text-align: left;
    }
    .row .text {
      flex: 1;
      min-width: 0;
    }
    .go {
      color: var(--hq-accent);
      font-size: 22px;
    }
    /* A card that says where the ticket or booking stands. */
    .state {
      text-align: center;
      padding: 20px 18px;
    }
    .state .title {
      margin: 0 0 6px;
      font-size: 24px;
      font-weight: 700;
    }
    .state.ok {
      background: var(--hq-ok-soft);
      border-color: color-mix(in srgb, var(--hq-ok) 30%, #fff);
    }
    .state.ok .title {
      color: var(--hq-ok);
    }
    .state.attention {
      background: var(--hq-attention-soft);
      border-color: color-mix(in srgb, var(--hq-attention) 30%, #fff);
    }
    .state.attention .title {
      color: var(--hq-attention);
    }
    /* "Are you sure?" before cancelling (confirm.ts). */
    .confirm {
      margin-top: 12px;
      padding: 14px;
      border-radius: 12px;
      background: var(--hq-called-soft);
    }
    .confirm p {
      margin: 0 0 10px;
      font-size: 15px;
    }
    .confirm .choices {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 10px;
    }
    .confirm .choices .btn + .btn {
      margin-top: 0;
    }
    .btn.confirm-yes {
      background: var(--hq-danger);
      border-color: var(--hq-danger);
      color: #fff;
    }
    .loading {
      padding: 80px 0;
      text-align: center;
      color: var(--hq-text-dim);
      font-size: 16px;
    }
    input[type='tel'],
    input[type='search'],
    textarea {
      width: 100%;
      font: inherit;
      border: 1.5px solid var(--hq-line);
      border-radius: 12px;
      background: var(--hq-bg-raised);
      color: var(--hq-text);
    }
  `,
];
