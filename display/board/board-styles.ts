/**
 * The hall board's layout. Every size is in vmin, so the same board reads the same on a 1920×1080
 * TV, a 1280×720 box and a 1080×1920 portrait screen; regions have fixed shares of the screen and
 * lists have fixed row heights, so nothing moves when a call arrives. Landscape: the newest call
 * and the waiting counts on the left, recent calls and 过号 on the right. Portrait: one column.
 */
import { css } from 'lit';

export const boardStyles = css`
  :host {
    display: grid;
    grid-template-rows: 9vmin minmax(0, 1fr) 6.4vmin;
    width: 100vw;
    height: 100vh;
    overflow: hidden;
    font-size: 2.4vmin;
    line-height: 1.25;
    background: radial-gradient(120vmin 80vmin at 15% 0%, #0f3262 0%, var(--hq-bg) 60%);
    --gap: 1.6vmin;
    --panel-pad: 1.6vmin 2.2vmin;
  }
  .num {
    font-family: var(--hq-number-font);
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.02em;
  }
  .ellipsis {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .connecting {
    grid-row: 1 / -1;
    place-self: center;
    font-size: 4vmin;
    color: var(--hq-text-dim);
  }

  /* Header */
  header {
    display: flex;
    align-items: center;
    gap: 2vmin;
    padding: 0 2.4vmin;
    background: linear-gradient(180deg, #0b2a55, #08203f);
    border-bottom: 0.3vmin solid var(--hq-accent);
    min-width: 0;
  }
  header .hall {
    display: flex;
    align-items: baseline;
    gap: 1.6vmin;
    flex: 1;
    min-width: 0;
  }
  header h1 {
    margin: 0;
    font-size: 4.4vmin;
    font-weight: 700;
    letter-spacing: 0.08em;
    min-width: 0;
  }
  header .zone {
    flex: none;
    padding: 0.4vmin 1.4vmin;
    border-radius: 999px;
    background: var(--hq-accent);
    color: var(--hq-accent-text);
    font-size: 2.6vmin;
    font-weight: 700;
    max-width: 40vmin;
  }
  header .status {
    display: flex;
    align-items: center;
    gap: 1vmin;
    flex: none;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.6vmin;
    padding: 0.5vmin 1.4vmin;
    border-radius: 999px;
    border: 0.2vmin solid var(--hq-line);
    color: var(--hq-text-dim);
    font-size: 2vmin;
    white-space: nowrap;
    background: none;
    font-family: inherit;
  }
  .badge.warn {
    color: var(--hq-warn);
    border-color: color-mix(in srgb, var(--hq-warn) 60%, transparent);
  }
  .badge svg {
    width: 1.3em;
    height: 1.3em;
  }
  header .time {
    display: grid;
    justify-items: end;
    flex: none;
  }
  header .clock {
    font-size: 5vmin;
    font-weight: 700;
    line-height: 1;
  }
  header .date {
    font-size: 2.2vmin;
    color: var(--hq-text-dim);
    white-space: nowrap;
  }

  /* Body */
  main {
    display: grid;
    grid-template-columns: minmax(0, 1.06fr) minmax(0, 1fr);
    gap: var(--gap);
    padding: var(--gap) 2vmin;
    min-height: 0;
  }
  .col {
    display: flex;
    flex-direction: column;
    gap: var(--gap);
    min-height: 0;
    min-width: 0;
  }
  section {
    min-height: 0;
    min-width: 0;
    border-radius: var(--hq-radius);
    background: color-mix(in srgb, var(--hq-bg-raised) 80%, transparent);
    border: 0.2vmin solid var(--hq-line);
    padding: var(--panel-pad);
    display: flex;
    flex-direction: column;
  }
  h2 {
    display: flex;
    align-items: baseline;
    gap: 1.2vmin;
    margin: 0 0 1vmin;
    font-size: 3vmin;
    font-weight: 700;
    color: var(--hq-text);
    white-space: nowrap;
  }
  h2 small {
    font-size: 2vmin;
    font-weight: 400;
    color: var(--hq-text-dim);
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /* The newest call */
  .hero {
    flex: 1;
    position: relative;
    justify-content: center;
    align-items: center;
    text-align: center;
    gap: 1vmin;
    overflow: hidden;
    container-type: inline-size;
  }
  .hero h2 {
    position: absolute;
    top: 1.6vmin;
    left: 2.2vmin;
    right: 2.2vmin;
    justify-content: space-between;
  }
  .hero .recall {
    padding: 0.3vmin 1.2vmin;
    border-radius: 999px;
    background: var(--hq-call);
    color: #fff;
    font-size: 2.4vmin;
  }
  .hero .number {
    /* A longer number gets smaller type on the same line box: nothing below it moves. */
    height: 19vmin;
    font-size: 19vmin;
    font-size: min(19vmin, calc(100cqw / (var(--chars, 4) * 0.62)));
    font-weight: 700;
    line-height: 19vmin;
    color: var(--hq-text);
    margin-top: 3vmin;
    transition: color 0.4s;
  }
  .hero .go {
    font-size: 7vmin;
    font-weight: 700;
    line-height: 1.1;
    white-space: nowrap;
  }
  .hero .go .window {
    color: var(--hq-accent);
  }
  .hero .wname {
    font-size: 3.4vmin;
    color: var(--hq-text-dim);
    max-width: 100%;
  }
  .hero.lit {
    border-color: var(--hq-accent);
    animation: glow 1.2s ease-in-out infinite alternate;
  }
  .hero.lit .number {
    color: var(--hq-accent);
  }
  @keyframes glow {
    from {
      box-shadow: 0 0 0 0.3vmin var(--hq-accent), 0 0 2vmin rgb(255 201 64 / 20%);
    }
    to {
      box-shadow: 0 0 0 0.6vmin var(--hq-accent), 0 0 6vmin rgb(255 201 64 / 45%);
    }
  }
  .hero .idle {
    display: grid;
    gap: 2vmin;
    justify-items: center;
  }
  .hero .idle strong {
    font-size: 7vmin;
    letter-spacing: 0.1em;
  }
  .hero .idle span {
    font-size: 3vmin;
    color: var(--hq-text-dim);
  }

  /* Recent calls */
  .recent {
    flex: none;
  }
  .recent ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-rows: repeat(8, 6vmin);
    min-height: 0;
  }
  .recent li {
    display: grid;
    grid-template-columns: 19vmin 18.5vmin minmax(0, 1fr);
    align-items: center;
    gap: 1.6vmin;
    padding: 0 1.4vmin;
    border-radius: 0.8vmin;
  }
  .recent li:nth-child(odd) {
    background: rgb(255 255 255 / 4%);
  }
  .recent li:nth-child(n + 9) {
    display: none;
  }
  .recent li .no {
    font-size: 5vmin;
    font-weight: 700;
    white-space: nowrap;
  }
  .recent li .win {
    font-size: 4.2vmin;
    font-weight: 700;
    color: var(--hq-accent);
    white-space: nowrap;
    overflow: hidden;
  }
  /* "Window 12" is longer than "12号窗口". */
  :host(:lang(en)) .recent li {
    grid-template-columns: 19vmin 23vmin minmax(0, 1fr);
  }
  .recent li .wname {
    font-size: 2.6vmin;
    color: var(--hq-text-dim);
  }
  .recent li.speaking {
    background: rgb(255 201 64 / 12%);
    box-shadow: inset 0.6vmin 0 0 var(--hq-accent);
  }
  .recent li.none {
    grid-row: 1 / span 3;
    display: flex;
    align-items: center;
    justify-content: center;
    background: none;
    color: var(--hq-text-dim);
    font-size: 2.8vmin;
  }

  /* Waiting */
  .waiting {
    flex: none;
  }
  .waiting table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  .waiting th {
    font-size: 2vmin;
    font-weight: 400;
    color: var(--hq-text-dim);
    text-align: right;
    padding: 0 0.6vmin 0.4vmin;
  }
  .waiting th:first-child {
    text-align: left;
  }
  .waiting td {
    height: 3.2vmin;
    font-size: 2.6vmin;
    padding: 0 0.6vmin;
    border-top: 0.1vmin solid rgb(255 255 255 / 8%);
    text-align: right;
    white-space: nowrap;
  }
  .waiting td:first-child {
    text-align: left;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .waiting col.count {
    width: 13vmin;
  }
  .waiting col.estimate {
    width: 17vmin;
  }
  .waiting td.count b {
    font-size: 3.2vmin;
    color: var(--hq-text);
  }
  .waiting td.estimate {
    color: var(--hq-text-dim);
  }
  .waiting td.nowindow {
    color: var(--hq-warn);
    font-size: 2.3vmin;
  }
  .waiting .more {
    margin-top: auto;
    font-size: 2vmin;
    color: var(--hq-text-dim);
  }

  /* 过号 */
  .missed {
    flex: 1;
  }
  .missed ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    grid-auto-rows: 6.4vmin;
    gap: 1vmin;
    overflow: hidden;
  }
  .missed li {
    display: flex;
    align-items: baseline;
    justify-content: center;
    gap: 0.8vmin;
    min-width: 0;
    overflow: hidden;
    padding-inline: 0.8vmin;
    border-radius: 0.8vmin;
    background: rgb(255 90 78 / 14%);
    border: 0.2vmin solid rgb(255 90 78 / 45%);
    padding-top: 1vmin;
  }
  .missed li .no {
    flex: none;
    font-size: 3.6vmin;
    font-weight: 700;
  }
  .missed li .win {
    font-size: 2vmin;
    color: var(--hq-text-dim);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 0;
  }
  .missed .none {
    margin: auto;
    color: var(--hq-text-dim);
    font-size: 2.6vmin;
  }
  .missed li.more {
    align-items: center;
    padding-top: 0;
    background: none;
    border-style: dashed;
    border-color: var(--hq-line);
    color: var(--hq-text-dim);
    font-size: 2.4vmin;
    white-space: nowrap;
  }

  /* Notice */
  footer {
    display: flex;
    align-items: center;
    gap: 2vmin;
    padding: 0 2.4vmin;
    background: var(--hq-bg-sunken);
    border-top: 0.2vmin solid var(--hq-line);
    overflow: hidden;
    min-width: 0;
  }
  footer .label {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 0.8vmin;
    padding: 0.5vmin 1.4vmin;
    border-radius: 0.8vmin;
    background: var(--hq-accent);
    color: var(--hq-accent-text);
    font-size: 2.6vmin;
    font-weight: 700;
  }
  footer .label svg {
    width: 1.2em;
    height: 1.2em;
  }
  footer .viewport {
    flex: 1;
    overflow: hidden;
    white-space: nowrap;
    font-size: 3.2vmin;
    min-width: 0;
    /* The text fades in and out at the edges instead of being cut mid-character. */
    mask-image: linear-gradient(90deg, transparent, #000 3%, #000 97%, transparent);
  }
  footer .track {
    display: inline-block;
    padding-left: 100%;
    animation: marquee var(--duration, 30s) linear infinite;
  }
  footer .static {
    color: var(--hq-text-dim);
  }
  @keyframes marquee {
    from {
      transform: translateX(0);
    }
    to {
      transform: translateX(-100%);
    }
  }

  /* The one-time sound overlay */
  .overlay {
    position: fixed;
    inset: 0;
    display: grid;
    place-items: center;
    background: rgb(2 10 24 / 78%);
    border: 0;
    padding: 0;
    color: inherit;
    font: inherit;
    cursor: pointer;
    z-index: 10;
  }
  .overlay .card {
    display: grid;
    justify-items: center;
    gap: 2vmin;
    padding: 5vmin 8vmin;
    border-radius: 3vmin;
    background: var(--hq-bg-raised);
    border: 0.4vmin solid var(--hq-accent);
    box-shadow: 0 2vmin 8vmin rgb(0 0 0 / 50%);
    max-width: 80vw;
  }
  .overlay svg {
    width: 16vmin;
    height: 16vmin;
    color: var(--hq-accent);
  }
  .overlay strong {
    font-size: 7vmin;
    letter-spacing: 0.1em;
  }
  .overlay .en {
    font-size: 4vmin;
    color: var(--hq-text);
  }
  .overlay p {
    margin: 1vmin 0 0;
    font-size: 2.4vmin;
    color: var(--hq-text-dim);
    text-align: center;
    line-height: 1.5;
  }

  @media (orientation: portrait) {
    :host {
      grid-template-rows: 10vmin minmax(0, 1fr) 6.4vmin;
    }
    header h1 {
      font-size: 4vmin;
    }
    main {
      display: flex;
      flex-direction: column;
    }
    .col {
      display: contents;
    }
    .hero {
      flex: none;
      height: 40vmin;
      order: 1;
    }
    .recent {
      order: 2;
    }
    .waiting {
      order: 3;
    }
    .missed {
      order: 4;
    }
    .recent ol {
      grid-template-rows: repeat(10, 5vmin);
    }
    .recent li .no {
      font-size: 4.6vmin;
    }
    .recent li .win {
      font-size: 3.9vmin;
    }
    .recent li:nth-child(n + 9) {
      display: grid;
    }
    .recent li {
      grid-template-columns: 19vmin 17vmin minmax(0, 1fr);
    }
    :host(:lang(en)) .recent li {
      grid-template-columns: 19vmin 22vmin minmax(0, 1fr);
    }
  }
`;
