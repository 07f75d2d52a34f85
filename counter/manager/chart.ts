import { css, html, LitElement, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { fontStack } from '../../common/ui/theme.js';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  /** Bars instead of a line. */
  bars?: boolean;
  dashed?: boolean;
}

/**
 * A small chart (uPlot on a canvas): bars or lines over a category axis (hours, days). Sized to
 * its container and redrawn when it resizes; the legend under it names each series.
 */
@customElement('hq-chart')
export class Chart extends LitElement {
  /** Category labels along the bottom axis, one per value. */
  @property({ attribute: false }) labels: string[] = [];
  @property({ attribute: false }) series: ChartSeries[] = [];
  /** Unit shown on the value axis, e.g. "分钟". */
  @property() unit = '';
  @property({ type: Number }) height = 200;

  private plot: uPlot | null = null;
  private readonly resize = new ResizeObserver(() => this.plot?.setSize({ width: this.width, height: this.height }));

  static override styles = [
    unsafeCSS(uplotCss),
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .u-legend {
        font-size: 13px;
        font-family: ${fontStack};
      }
      .u-legend .u-marker {
        border-radius: 3px;
      }
    `,
  ];

  private get width(): number {
    return Math.max(240, Math.floor(this.getBoundingClientRect().width));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = null;
    super.disconnectedCallback();
  }

  override render() {
    return html`<div class="plot"></div>`;
  }

  protected override updated(_changed: PropertyValues<this>): void {
    this.plot?.destroy();
    const target = this.renderRoot.querySelector<HTMLElement>('.plot')!;
    const x = this.labels.map((_, i) => i);
    const labels = this.labels;
    const bars = uPlot.paths.bars!({ size: [0.7, 40], radius: 0.15 });
    // uPlot draws on a canvas: the font is a plain string, the same stack as the page's.
    const font = `12px ${fontStack.cssText}`;
    this.plot = new uPlot(
      {
        width: this.width,
        height: this.height,
        padding: [12, 8, 0, 4],
        cursor: { points: { show: false }, drag: { x: false, y: false } },
        scales: {
          x: { time: false, range: [-0.6, Math.max(0.6, x.length - 0.4)] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.15)] },
        },
        axes: [
          {
            stroke: '#5b6b82',
            grid: { show: false },
            font,
            // As many labels as fit: every one, or every 2nd, 3rd … when they would touch.
            splits: (u) => {
              const per = u.bbox.width / devicePixelRatio / Math.max(1, x.length);
              const widest = Math.max(1, ...labels.map((l) => l.length)) * 7 + 10;
              const step = Math.max(1, Math.ceil(widest / per));
              return x.filter((i) => i % step === 0);
            },
            values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
          },
          { stroke: '#5b6b82', grid: { stroke: '#e3e9f2', width: 1 }, font, size: 44, label: this.unit, labelSize: 18, labelFont: font },
        ],
        series: [
          { label: '' },
          ...this.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: s.bars ? 0 : 2,
            fill: s.bars ? s.color : undefined,
            dash: s.dashed ? [6, 4] : undefined,
            paths: s.bars ? bars : undefined,
            points: { show: !s.bars && !s.dashed, size: 5, fill: s.color },
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : String(v)),
          })),
        ],
        legend: { live: false },
      },
      [x, ...this.series.map((s) => s.values)] as uPlot.AlignedData,
      target,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hq-chart': Chart;
  }
}
