/** One row of the benchmark report, and rendering the table. */
export interface Figure {
  figure: string;
  value: string;
  ceiling: string;
  ratio: string;
  target: string;
  /** null: informational, no target. */
  ok: boolean | null;
  how: string;
}

export const fmt = (n: number, digits = 1): string => (Math.round(n * 10 ** digits) / 10 ** digits).toLocaleString('en-US');

export function renderMarkdown(figures: Figure[], header: string): string {
  const table = ['| Figure | Measured | Bare ceiling (same run) | Ratio | Target | |', '|---|---|---|---|---|---|'];
  for (const f of figures)
    table.push(`| ${f.figure} | ${f.value} | ${f.ceiling} | ${f.ratio} | ${f.target} | ${f.ok === null ? '' : f.ok ? 'met' : 'MISSED'} |`);
  const notes = figures.filter((f) => f.how).map((f) => `- **${f.figure}**: ${f.how}`);
  return [header, '', ...table, '', 'How each figure was measured:', ...notes, ''].join('\n');
}
