/**
 * Styles shared by the manager console's views: the page frame of a view, cards, tables, status
 * pills, toolbars and form grids. Desk palette (common/ui/theme.ts), laid out for 1366×768 and up;
 * the controls (buttons, chips, fields) and the dialog frame are the clerk console's, reused.
 */
import { css } from 'lit';
import { base, deskTheme } from '../../common/ui/theme.js';
import { controlStyles, dialogStyles } from '../clerk/desk-styles.js';

export const viewStyles = [
  deskTheme,
  base,
  controlStyles,
  dialogStyles,
  css`
    :host {
      display: block;
      background: transparent;
      font-size: 15px;
    }
    h2 {
      margin: 0;
      font-size: 18px;
    }
    h3 {
      margin: 0;
      font-size: 16px;
    }
    .toolbar {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 10px;
      margin-bottom: 14px;
    }
    .toolbar .spacer {
      flex: 1;
    }
    .card {
      background: var(--hq-bg-raised);
      border: 1px solid var(--hq-line);
      border-radius: var(--hq-radius);
      padding: 14px 16px;
    }
    .card > header {
      display: flex;
      align-items: center;
      gap: 10px;
      margin-bottom: 10px;
    }
    .card > header .spacer {
      flex: 1;
    }
    .muted {
      color: var(--hq-text-dim);
    }
    .num {
      font-family: var(--hq-number-font);
      font-variant-numeric: tabular-nums;
    }
    .pill {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 13px;
      font-weight: 600;
      white-space: nowrap;
      background: var(--hq-bg-sunken);
      color: var(--hq-text-dim);
    }
    .pill.ok,
    .pill.open {
      background: color-mix(in srgb, var(--hq-ok) 14%, #fff);
      color: var(--hq-ok);
    }
    .pill.warn,
    .pill.paused {
      background: color-mix(in srgb, var(--hq-warn) 16%, #fff);
      color: var(--hq-warn);
    }
    .pill.danger {
      background: color-mix(in srgb, var(--hq-danger) 12%, #fff);
      color: var(--hq-danger);
    }
    .pill.info {
      background: color-mix(in srgb, var(--hq-accent) 12%, #fff);
      color: var(--hq-accent);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 14px;
    }
    th,
    td {
      padding: 8px 10px;
      text-align: left;
      border-bottom: 1px solid var(--hq-line);
      vertical-align: middle;
    }
    th {
      font-weight: 600;
      color: var(--hq-text-dim);
      font-size: 13px;
      background: var(--hq-bg-sunken);
      position: sticky;
      top: 0;
      z-index: 1;
    }
    td.n,
    th.n {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    tbody tr.clickable {
      cursor: pointer;
    }
    tbody tr.clickable:hover,
    tbody tr.clickable:focus-visible,
    tbody tr[aria-selected='true'] {
      background: color-mix(in srgb, var(--hq-accent) 7%, #fff);
      outline: none;
    }
    tbody tr[aria-selected='true'] {
      box-shadow: inset 3px 0 0 var(--hq-accent);
    }
    .table-wrap {
      overflow: auto;
      border: 1px solid var(--hq-line);
      border-radius: var(--hq-radius);
      background: var(--hq-bg-raised);
    }
    .table-wrap table th:first-child,
    .table-wrap table td:first-child {
      padding-left: 14px;
    }
    .empty {
      padding: 28px;
      text-align: center;
      color: var(--hq-text-dim);
    }
    label.field {
      align-content: start;
    }
    .form-grid {
      display: grid;
      align-items: start;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 14px 18px;
    }
    .form-grid .wide {
      grid-column: 1 / -1;
    }
    label.check {
      display: flex;
      align-items: center;
      gap: 8px;
      font-size: 15px;
      color: var(--hq-text);
    }
    label.check input {
      width: 18px;
      height: 18px;
      margin: 0;
    }
    .hint-line {
      font-size: 13px;
      color: var(--hq-text-dim);
      margin: 4px 0 0;
    }
    .field-error {
      font-size: 13px;
      font-weight: 600;
      color: var(--hq-danger);
      margin: 4px 0 0;
    }
    input[aria-invalid='true'],
    select[aria-invalid='true'],
    textarea[aria-invalid='true'],
    fieldset[aria-invalid='true'] .checks {
      border-color: var(--hq-danger);
      box-shadow: 0 0 0 1px var(--hq-danger);
    }
    .error-line {
      color: var(--hq-danger);
      font-size: 14px;
      min-height: 1.3em;
      margin: 0;
    }
    .btn.danger {
      color: var(--hq-danger);
      border-color: color-mix(in srgb, var(--hq-danger) 40%, var(--hq-line));
    }
    .btn.danger[disabled] {
      color: color-mix(in srgb, var(--hq-text-dim) 70%, transparent);
      border-color: transparent;
    }
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 16px;
      max-height: 180px;
      overflow: auto;
      padding: 8px 10px;
      border: 1px solid var(--hq-line);
      border-radius: 8px;
    }
    .checks label.check {
      font-size: 14px;
      min-width: 96px;
    }
    fieldset {
      border: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 6px;
    }
    legend {
      font-size: 14px;
      color: var(--hq-text-dim);
      padding: 0;
      margin-bottom: 6px;
    }
    /* Key figures in a row of tiles; a view sets how many columns. */
    .kpis {
      display: grid;
      gap: 10px;
      margin-bottom: 14px;
    }
    .kpi {
      padding: 10px 14px;
      border-radius: var(--hq-radius);
      background: var(--hq-bg-raised);
      border: 1px solid var(--hq-line);
    }
    .kpi span {
      display: block;
      font-size: 13px;
      color: var(--hq-text-dim);
      white-space: nowrap;
    }
    .kpi b {
      font-family: var(--hq-number-font);
      font-size: 24px;
      font-variant-numeric: tabular-nums;
      line-height: 1.25;
    }
    .kpi small {
      font-size: 13px;
      color: var(--hq-text-dim);
      margin-left: 4px;
    }
    .kpi.bad b {
      color: var(--hq-danger);
    }
    .tabs {
      display: flex;
      gap: 4px;
      border-bottom: 1px solid var(--hq-line);
      margin-bottom: 14px;
      flex-wrap: wrap;
    }
    .tabs button {
      border: none;
      background: none;
      padding: 9px 14px;
      font-size: 15px;
      color: var(--hq-text-dim);
      border-bottom: 3px solid transparent;
      margin-bottom: -1px;
    }
    .tabs button[aria-selected='true'] {
      color: var(--hq-accent);
      border-bottom-color: var(--hq-accent);
      font-weight: 600;
    }
    .tabs button:focus-visible {
      outline: 3px solid color-mix(in srgb, var(--hq-accent) 40%, transparent);
    }
  `,
];
