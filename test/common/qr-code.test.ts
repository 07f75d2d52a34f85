// @vitest-environment happy-dom
/**
 * Component test in a DOM: <hq-qr> draws a scannable code for its value.
 */
import { describe, expect, it } from 'vitest';
import '../../common/ui/qr-code.js';

describe('<hq-qr>', () => {
  it('renders an SVG of the requested size with a quiet zone, and nothing without a value', async () => {
    const el = document.createElement('hq-qr');
    el.value = 'http://127.0.0.1:8080/t/abcdefghjkmnpqrs';
    el.size = 180;
    el.label = '扫码查看号票';
    document.body.append(el);
    await el.updateComplete;
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('width')).toBe('180');
    expect(svg.getAttribute('aria-label')).toBe('扫码查看号票');
    const [, , w] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    expect(w).toBeGreaterThanOrEqual(21 + 8); // version 1 is 21 modules, plus 4 on each side
    expect(svg.querySelector('path')!.getAttribute('d')!.length).toBeGreaterThan(100);
    el.value = '';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('svg')).toBeNull();
  });
});
