/**
 * The row of tabs a section of the manager console puts over its pages (配置, 预约与扫码): each tab
 * a link to its route, ←/→ move to the next page and keep the focus on its tab.
 */
import { html, type LitElement, type TemplateResult } from 'lit';
import { navigate } from './act.js';

export interface TabBar<T extends string> {
  label: string;
  tabs: readonly T[];
  current: T;
  title(tab: T): string;
  /** The route of a tab, e.g. `config/services`. */
  route(tab: T): string;
}

export function tabBar<T extends string>(host: LitElement, bar: TabBar<T>): TemplateResult {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = bar.tabs.indexOf(bar.current);
    const next = bar.tabs[(i + (e.key === 'ArrowRight' ? 1 : bar.tabs.length - 1)) % bar.tabs.length]!;
    navigate(host, bar.route(next));
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(`.tabs [data-tab="${next}"]`)?.focus());
  };
  return html`<div class="tabs" role="tablist" aria-label=${bar.label} @keydown=${onKey}>
    ${bar.tabs.map(
      (t) =>
        html`<button role="tab" data-tab=${t} aria-selected=${t === bar.current ? 'true' : 'false'} tabindex=${t === bar.current ? 0 : -1} @click=${() => navigate(host, bar.route(t))}>${bar.title(t)}</button>`,
    )}
  </div>`;
}
