/** Icons the kiosk's parts share (inline SVG, currentColor). */
import { html } from 'lit';

/** A calendar with a check mark: 预约签到. */
export const checkInIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M19 3h-1V1h-2v2H8V1H6v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2m0 16H5V9h14zm0-12H5V5h14zm-8.8 10.4-3.5-3.5 1.4-1.4 2.1 2.1 4.9-4.9 1.4 1.4z" /></svg>`;
